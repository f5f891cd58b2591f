/* Calibrates a machine for BENCHMARKS.md: one fused loss + gradient pass of
 * the binary logistic objective over 1M x 20 doubles in plain C (scalar
 * glibc exp and log1p, one core), the kind of reference the performance targets'  floor
 * figures come from. Comparing its time with the says how much of a
 * gap between two machines is the machine.
 *
 *   gcc -O2 -o /tmp/reference_pass scripts/reference_pass.c -lm
 *   /tmp/reference_pass
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void) {
  const int n = 1000000, d = 20;
  double *X = malloc(sizeof(double) * n * d), *y = malloc(sizeof(double) * n);
  if (!X || !y) return 1;
  srand(1);
  for (long i = 0; i < (long)n * d; i++) X[i] = rand() / (double)RAND_MAX - 0.5;
  for (int i = 0; i < n; i++) y[i] = rand() & 1;
  double w[21];
  for (int j = 0; j <= d; j++) w[j] = 0.01 * (j % 7) - 0.03;
  for (int run = 0; run < 5; run++) {
    double g[21] = {0}, loss = 0, t = now();
    for (int i = 0; i < n; i++) {
      const double *x = X + (long)i * d;
      double m = w[d], l, gamma;
      for (int j = 0; j < d; j++) m += x[j] * w[j];
      if (m <= -2) {  /* scikit-learn's half-binomial loss, two of its ranges */
        double e = exp(m);
        l = log1p(e) - y[i] * m;
        gamma = (e - y[i] * (1 + e)) / (1 + e);
      } else {
        double e = exp(-m);
        l = log1p(e) + (1 - y[i]) * m;
        gamma = ((1 - y[i]) - y[i] * e) / (1 + e);
      }
      loss += l;
      for (int j = 0; j < d; j++) g[j] += x[j] * gamma;
      g[d] += gamma;
    }
    printf("one pass: %.1f ms (loss %.6f)\n", (now() - t) * 1e3, loss / n);
  }
  return 0;
}
