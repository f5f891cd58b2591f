/* How the two-class blocked kernel's time per element moves with the number
 * of features d: fl_binary_block (Sources/FitlogitKernels/BinaryBlock.c) on
 * synthetic rows in blocks of 4,096, as LogisticObjective runs it, best of 10.
 * It found (BENCHMARKS.md, "The binary kernel between 48 and 200 features")
 * the per-element time doubling from about 48 to 200 features on rows read from
 * memory, where the plain-C reference pass (reference_pass.c) did not: the
 * hardware prefetcher did not follow the kernel's four interleaved row streams,
 * and the kernel now prefetches the next rows there. Run it after any change
 * to the kernel's loops.
 *
 * Build and run (one thread; OMP_NUM_THREADS=2 for both cores):
 *   K=Sources/FitlogitKernels
 *   clang -O3 -I$K/include -I$K -c $K/BinaryBlock.c -o /tmp/bb.o
 *   clang -O3 -I$K/include -I$K -c $K/CPUFeatures.c -o /tmp/cf.o
 *   gcc -O3 -fopenmp scripts/kernel_width_sweep.c /tmp/bb.o /tmp/cf.o -o /tmp/kernel_width_sweep -lm
 *   for d in 20 48 52 64 100 500; do OMP_NUM_THREADS=1 /tmp/kernel_width_sweep $((20000000 / d)) $d 1; done
 * Arguments: ROWS D PATH (0 baseline, 1 AVX2 + FMA, 2 AVX-512).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double fl_binary_block(int path, const double *x, ptrdiff_t rows, ptrdiff_t d,
                       const double *w, double intercept, const int64_t *labels,
                       const double *weights, double weight_sum, double *g,
                       double *intercept_gradient);

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: kernel_width_sweep ROWS D PATH\n");
    return 64;
  }
  const long n = atol(argv[1]), d = atol(argv[2]);
  const int path = atoi(argv[3]);
  const long block = 4096, blocks = (n + block - 1) / block, stride = d + 1;
  double *x = malloc((size_t)(n * d) * sizeof *x);
  int64_t *y = malloc((size_t)n * sizeof *y);
  double *w = malloc((size_t)d * sizeof *w);
  double *partial = malloc((size_t)(blocks * stride) * sizeof *partial);
  if (!x || !y || !w || !partial) {
    fprintf(stderr, "kernel_width_sweep: out of memory\n");
    return 1;
  }
  for (long i = 0; i < n * d; i++) x[i] = (double)((i * 2654435761u) % 1000) / 500.0 - 1;
  for (long i = 0; i < n; i++) y[i] = i & 1;
  for (long j = 0; j < d; j++) w[j] = 0.01 * (double)(j % 7 - 3);
  double best = 1e9, total = 0;
  for (int round = 0; round < 10; round++) {
    const double start = now();
    double sum = 0;
#pragma omp parallel for schedule(dynamic) reduction(+ : sum)
    for (long b = 0; b < blocks; b++) {
      double *g = partial + b * stride, intercept_gradient = 0;
      memset(g, 0, (size_t)d * sizeof *g);
      const long lo = b * block, hi = lo + block < n ? lo + block : n;
      sum += fl_binary_block(path, x + lo * d, hi - lo, d, w, 0.1, y + lo, NULL,
                             (double)n, g, &intercept_gradient);
    }
    const double seconds = now() - start;
    if (seconds < best) best = seconds;
    total = sum;
  }
  printf("rows=%ld d=%ld path=%d best_ms=%.2f ns_per_element=%.3f loss_sum=%.6f\n", n, d,
         path, best * 1e3, best * 1e9 / (double)(n * d), total);
  return 0;
}
