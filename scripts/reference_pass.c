/* The calibrator for BENCHMARKS.md: one fused loss + gradient pass of the
 * logistic objective in plain C, as fast as a compiler and glibc make it
 * without hand-written kernels: AVX2 + FMA, glibc's vector exp, log and
 * log1p (libmvec's _ZGVdN4v_exp / _ZGVdN4v_log / _ZGVdN4v_log1p, which gcc
 * calls for `#pragma omp simd` loops under -ffast-math), two threads
 * (OpenMP), blocks of 512 rows (margins, then the loss on the block's
 * margins, then the gradient, while the rows are in cache). fitlogit's
 * blocked pass (fitlogit-bench's objective_blocked_eval_s) is measured
 * against this one in the same run: scripts/bench.sh does both.
 *
 *   gcc -O3 -mavx2 -mfma -ffast-math -fopenmp -o /tmp/reference_pass \
 *     scripts/reference_pass.c -lm
 *   OMP_NUM_THREADS=2 /tmp/reference_pass [ROWS [COLUMNS [CLASSES]]]
 *
 * Defaults 1000000 x 20, two classes (the binary pass: half-binomial loss);
 * CLASSES > 2 runs the multinomial pass (softmax, log-sum-exp per row) with
 * the class index fastest in W, as fitlogit's layout. glibc >= 2.35 for the
 * vector log1p; `objdump -d /tmp/reference_pass | grep ZGVdN4v` shows the
 * libmvec calls. Data: uniform features in [-0.5, 0.5], srand(1). Prints
 * one line per pass, the median of 9 passes last: reference_pass_ms=...
 *
 * With -DREFERENCE_BLOCKS_ONLY only the two block functions are compiled,
 * for scripts/kernel_calibration.c (one core, CPU time, interleaved).
 */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BLOCK = 512, MAXD = 1024, MAXK = 128 };

#ifndef REFERENCE_BLOCKS_ONLY
static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}
#endif

/* Loss sum of rows [lo, hi), gradient (1/n scaling left to the caller)
 * added to g[0..d] (g[d] the intercept). scikit-learn's half-binomial loss,
 * its two middle ranges written branch-free so that the loop vectorizes. */
double reference_binary_block(const double *X, const double *y, long lo,
                              long hi, int d, const double *w, double *g) {
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

/* The K-class block: margins M = X·Wᵀ + b (W[j][k] at k + K·j), softmax
 * and loss per row, gradient ∇W[j][k] += x_ij·G_ik. */
double reference_multinomial_block(const double *X, const int *y, long lo,
                                   long hi, int d, int K, const double *w,
                                   double *g) {
  static _Thread_local double m[BLOCK * MAXK];
  double loss = 0;
  const long rows = hi - lo;
  for (long i = 0; i < rows; i++) {
    const double *x = X + (lo + i) * d;
    double *mi = m + i * K;
#pragma omp simd
    for (int k = 0; k < K; k++) mi[k] = w[k + K * d];
    for (int j = 0; j < d; j++) {
      const double xj = x[j];
#pragma omp simd
      for (int k = 0; k < K; k++) mi[k] += xj * w[k + K * j];
    }
    double mx = mi[0];
    for (int k = 1; k < K; k++) mx = mi[k] > mx ? mi[k] : mx;
    const double r = mi[y[lo + i]];
    double sum = 0;
#pragma omp simd reduction(+ : sum)
    for (int k = 0; k < K; k++) {
      mi[k] = exp(mi[k] - mx);
      sum += mi[k];
    }
    loss += log(sum) + mx - r;
    const double inv = 1 / sum;
#pragma omp simd
    for (int k = 0; k < K; k++) mi[k] *= inv;
    mi[y[lo + i]] -= 1;
  }
  for (long i = 0; i < rows; i++) {
    const double *x = X + (lo + i) * d;
    const double *gi = m + i * K;
    for (int j = 0; j < d; j++) {
      const double xj = x[j];
#pragma omp simd
      for (int k = 0; k < K; k++) g[k + K * j] += xj * gi[k];
    }
#pragma omp simd
    for (int k = 0; k < K; k++) g[k + K * d] += gi[k];
  }
  return loss;
}

#ifndef REFERENCE_BLOCKS_ONLY
int main(int argc, char **argv) {
  const long n = argc > 1 ? atol(argv[1]) : 1000000;
  const int d = argc > 2 ? atoi(argv[2]) : 20;
  const int K = argc > 3 ? atoi(argv[3]) : 2;
  if (n < 1 || d < 1 || d > MAXD || K < 2 || K > MAXK) return 64;
  const int rowsW = K == 2 ? 1 : K, dim = rowsW * (d + 1);
  double *X = malloc(sizeof(double) * n * d), *y = malloc(sizeof(double) * n);
  int *labels = malloc(sizeof(int) * n);
  double *w = malloc(sizeof(double) * dim);
  if (!X || !y || !labels || !w) return 1;
  srand(1);
  for (long i = 0; i < n * d; i++) X[i] = rand() / (double)RAND_MAX - 0.5;
  for (long i = 0; i < n; i++) labels[i] = rand() % K, y[i] = labels[i] & 1;
  for (int j = 0; j < dim; j++) w[j] = 0.01 * (j % 7) - 0.03;
  enum { RUNS = 9 };
  double times[RUNS];
  const long blocks = (n + BLOCK - 1) / BLOCK;
  double *g = malloc(sizeof(double) * dim);
  for (int run = 0; run < RUNS; run++) {
    double loss = 0, t = now();
    memset(g, 0, sizeof(double) * dim);
#pragma omp parallel
    {
      double *gl = calloc(dim, sizeof(double)), ll = 0;
#pragma omp for schedule(dynamic, 8)
      for (long b = 0; b < blocks; b++) {
        const long lo = b * BLOCK, hi = lo + BLOCK < n ? lo + BLOCK : n;
        ll += K == 2 ? reference_binary_block(X, y, lo, hi, d, w, gl)
                     : reference_multinomial_block(X, labels, lo, hi, d, K, w, gl);
      }
#pragma omp critical
      {
        loss += ll;
        for (int j = 0; j < dim; j++) g[j] += gl[j];
      }
      free(gl);
    }
    times[run] = (now() - t) * 1e3;
    printf("one pass: %.2f ms (loss %.10f, g0 %.6f, %d threads)\n", times[run],
           loss / n, g[0] / n, omp_get_max_threads());
  }
  qsort(times, RUNS, sizeof times[0], compare);
  printf("reference_pass_ms=%.2f\n", times[RUNS / 2]);
  return 0;
}
#endif
