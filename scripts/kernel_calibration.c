/* fitlogit's C kernels against the plain-C calibrator (reference_pass.c),
 * on one core, in one process, interleaved pass by pass, timed in CPU time
 * of the thread: the comparison that still means something on a shared
 * machine, where wall times of separate runs move by 2x (BENCHMARKS.md).
 * Same data for both (uniform in [-0.5, 0.5], srand(1)), same w as
 * fitlogit-bench; prints the minimum of 9 passes of each and the ratio.
 *
 *   gcc -O3 -mavx2 -mfma -ffast-math -fopenmp-simd -DREFERENCE_BLOCKS_ONLY \
 *     -c scripts/reference_pass.c -o /tmp/reference_blocks.o
 *   clang -O2 -ISources/FitlogitKernels/include -o /tmp/kernel_calibration \
 *     scripts/kernel_calibration.c Sources/FitlogitKernels/[A-Z]*.c \
 *     /tmp/reference_blocks.o -lmvec -lm
 *   /tmp/kernel_calibration [ROWS COLUMNS CLASSES]    (default 1e6 20 2)
 *
 * (-O2 is what `swift build -c release` gives the kernels' C.)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "FitlogitKernels.h"

double reference_binary_block(const double *X, const double *y, long lo,
                              long hi, int d, const double *w, double *g);
double reference_multinomial_block(const double *X, const int *y, long lo,
                                   long hi, int d, int K, const double *w,
                                   double *g);

static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  const long n = argc > 1 ? (long)atof(argv[1]) : 1000000;
  const int d = argc > 2 ? atoi(argv[2]) : 20;
  const int K = argc > 3 ? atoi(argv[3]) : 2;
  if (n < 1 || d < 1 || d > 1024 || K < 2 || K > 128) return 64;
  const int dim = (K == 2 ? 1 : K) * (d + 1);
  double *X = malloc(sizeof(double) * n * d), *y = malloc(sizeof(double) * n);
  int *labels = malloc(sizeof(int) * n);
  int64_t *labels64 = malloc(sizeof(int64_t) * n);
  double *w = malloc(sizeof(double) * dim), *g = malloc(sizeof(double) * dim);
  double *scratch = malloc(sizeof(double) * fl_multinomial_scratch(d, K));
  if (!X || !y || !labels || !labels64 || !w || !g || !scratch) return 1;
  srand(1);
  for (long i = 0; i < n * d; i++) X[i] = rand() / (double)RAND_MAX - 0.5;
  for (long i = 0; i < n; i++) {
    labels[i] = rand() % K, labels64[i] = labels[i], y[i] = labels[i] & 1;
  }
  for (int j = 0; j < dim; j++) w[j] = 0.01 * (j % 7) - 0.03;
  // Every path this CPU runs, then the plain C (slot npaths).
  int paths[3], npaths = 0;
  const char *names[3];
  if (fl_avx2_fma_available()) paths[npaths] = FL_PATH_AVX2_FMA, names[npaths++] = "avx2_fma";
  if (fl_avx512_available()) paths[npaths] = FL_PATH_AVX512, names[npaths++] = "avx512";
  paths[npaths] = FL_PATH_BASELINE, names[npaths++] = "baseline";
  double best[4] = {1e9, 1e9, 1e9, 1e9}, loss[4] = {0};
  for (int run = 0; run < 9; run++) {
    for (int p = 0; p < npaths + 1; p++) {
      const int reference = p == npaths;
      for (int j = 0; j < dim; j++) g[j] = 0;
      double l = 0, intercept = 0;
      const double t = cpu();
      if (reference) {  // its own blocks of 512 rows; 1/n left out
        for (long lo = 0; lo < n; lo += 512) {
          const long hi = lo + 512 < n ? lo + 512 : n;
          l += K == 2 ? reference_binary_block(X, y, lo, hi, d, w, g)
                      : reference_multinomial_block(X, labels, lo, hi, d, K, w, g);
        }
      } else {  // fitlogit's blocks of 4096 rows
        for (long lo = 0; lo < n; lo += 4096) {
          const long rows = n - lo < 4096 ? n - lo : 4096;
          l += K == 2 ? fl_binary_block(paths[p], X + lo * d, rows, d, w, w[d],
                                        labels64 + lo, NULL, n, g, &intercept)
                      : fl_multinomial_block(paths[p], X + lo * d, rows, d, K, w, 1,
                                             labels64 + lo, NULL, n, g, scratch);
        }
      }
      const double dt = cpu() - t;
      if (dt < best[p]) best[p] = dt;
      loss[p] = l / n;
    }
  }
  printf("%ld x %d, %d classes, one core, CPU time, min of 9 interleaved:\n", n,
         d, K);
  for (int p = 0; p < npaths; p++) printf("fitlogit_%s_ms=%.2f ", names[p], best[p] * 1e3);
  printf("reference_ms=%.2f ratio=%.2f\n", best[npaths] * 1e3, best[0] / best[npaths]);
  printf("loss:");
  for (int p = 0; p < npaths; p++) printf(" %s %.15g", names[p], loss[p]);
  printf(" reference %.15g\n", loss[npaths]);
  return 0;
}
