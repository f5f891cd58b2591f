/* The calibrator for BENCHMARKS.md: one fused loss + gradient pass of the
 * binary logistic objective over 1M x 20 doubles in plain C, as fast as a
 * compiler and glibc make it without hand-written kernels: AVX2 + FMA,
 * glibc's vector exp and log1p (libmvec's _ZGVdN4v_exp / _ZGVdN4v_log1p,
 * which gcc calls for `#pragma omp simd` loops under -ffast-math), two
 * threads (OpenMP), blocks of 512 rows (margins, then the loss on the
 * block's margins, then the gradient, while the rows are in cache).
 * fitlogit's blocked pass (fitlogit-bench's objective_blocked_eval_s on a
 * 1M x 20 file) is measured against this one, in the same run.
 *
 *   gcc -O3 -mavx2 -mfma -ffast-math -fopenmp -o /tmp/reference_pass \
 *     scripts/reference_pass.c -lm
 *   OMP_NUM_THREADS=2 /tmp/reference_pass [ROWS [COLUMNS]]
 *
 * (glibc >= 2.35 for the vector log1p; `objdump -d /tmp/reference_pass |
 * grep ZGVdN4v` shows the two libmvec calls.) Prints one line per pass, the
 * median of 9 passes last: reference_pass_ms=...
 */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BLOCK = 512, MAXD = 1024 };

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Loss sum of rows [lo, hi), gradient (1/n scaling left to the caller)
 * added to g[0..d] (g[d] the intercept). scikit-learn's half-binomial loss,
 * its two middle ranges written branch-free so that the loop vectorizes. */
static double block(const double *X, const double *y, long lo, long hi, int d,
                    const double *w, double *g) {
  double m[BLOCK], gamma[BLOCK], loss = 0;
  const long rows = hi - lo;
  for (long i = 0; i < rows; i++) {
    const double *x = X + (lo + i) * d;
    double s = w[d];
#pragma omp simd reduction(+ : s)
    for (int j = 0; j < d; j++) s += x[j] * w[j];
    m[i] = s;
  }
#pragma omp simd reduction(+ : loss)
  for (long i = 0; i < rows; i++) {
    const double r = m[i], yi = y[lo + i];
    const int low = r <= -2;
    const double e = exp(low ? r : -r);
    const double sp = log1p(e);
    loss += sp + (low ? -yi * r : (1 - yi) * r);
    gamma[i] = (low ? (1 - yi) * e - yi : (1 - yi) - yi * e) / (1 + e);
  }
  for (long i = 0; i < rows; i++) {
    const double *x = X + (lo + i) * d;
    const double G = gamma[i];
#pragma omp simd
    for (int j = 0; j < d; j++) g[j] += x[j] * G;
    g[d] += G;
  }
  return loss;
}

int main(int argc, char **argv) {
  const long n = argc > 1 ? atol(argv[1]) : 1000000;
  const int d = argc > 2 ? atoi(argv[2]) : 20;
  if (n < 1 || d < 1 || d > MAXD) return 64;
  double *X = malloc(sizeof(double) * n * d), *y = malloc(sizeof(double) * n);
  if (!X || !y) return 1;
  srand(1);
  for (long i = 0; i < n * d; i++) X[i] = rand() / (double)RAND_MAX - 0.5;
  for (long i = 0; i < n; i++) y[i] = rand() & 1;
  double w[MAXD + 1];
  for (int j = 0; j <= d; j++) w[j] = 0.01 * (j % 7) - 0.03;
  enum { RUNS = 9 };
  double times[RUNS];
  const long blocks = (n + BLOCK - 1) / BLOCK;
  for (int run = 0; run < RUNS; run++) {
    double g[MAXD + 1] = {0}, loss = 0, t = now();
#pragma omp parallel
    {
      double gl[MAXD + 1] = {0}, ll = 0;
#pragma omp for schedule(static)
      for (long b = 0; b < blocks; b++) {
        const long lo = b * BLOCK, hi = lo + BLOCK < n ? lo + BLOCK : n;
        ll += block(X, y, lo, hi, d, w, gl);
      }
#pragma omp critical
      {
        loss += ll;
        for (int j = 0; j <= d; j++) g[j] += gl[j];
      }
    }
    times[run] = (now() - t) * 1e3;
    printf("one pass: %.2f ms (loss %.10f, g0 %.6f, %d threads)\n", times[run],
           loss / n, g[0] / n, omp_get_max_threads());
  }
  qsort(times, RUNS, sizeof times[0], compare);
  printf("reference_pass_ms=%.2f\n", times[RUNS / 2]);
  return 0;
}
