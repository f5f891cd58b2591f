/* Whether this CPU runs 512-bit vector arithmetic at the rate of 256-bit:
 * the throughput of FMA (12 independent chains) and of division (8 chains)
 * on YMM and on ZMM registers, in CPU time of the thread, three rounds.
 * A CPU with full-width AVX-512 units prints about the same ns per
 * instruction for both widths (twice the flops); one that splits a 512-bit
 * operation in two halves prints twice as much for ZMM (BENCHMARKS.md,
 * "AVX-512").
 *
 *   clang -O2 -o /tmp/vector_width scripts/vector_width.c && /tmp/vector_width
 */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

__attribute__((target("avx2,fma"))) static double fma256(long n) {
  __m256d a[12], m = _mm256_set1_pd(0.999999), c = _mm256_set1_pd(1e-9);
  for (int i = 0; i < 12; i++) a[i] = _mm256_set1_pd(i);
  for (long k = 0; k < n; k++)
    for (int i = 0; i < 12; i++) a[i] = _mm256_fmadd_pd(a[i], m, c);
  for (int i = 1; i < 12; i++) a[0] = _mm256_add_pd(a[0], a[i]);
  return a[0][0];
}

__attribute__((target("avx512f"))) static double fma512(long n) {
  __m512d a[12], m = _mm512_set1_pd(0.999999), c = _mm512_set1_pd(1e-9);
  for (int i = 0; i < 12; i++) a[i] = _mm512_set1_pd(i);
  for (long k = 0; k < n; k++)
    for (int i = 0; i < 12; i++) a[i] = _mm512_fmadd_pd(a[i], m, c);
  for (int i = 1; i < 12; i++) a[0] = _mm512_add_pd(a[0], a[i]);
  return a[0][0];
}

__attribute__((target("avx2,fma"))) static double div256(long n) {
  __m256d a[8], m = _mm256_set1_pd(1.0000001);
  for (int i = 0; i < 8; i++) a[i] = _mm256_set1_pd(i + 1);
  for (long k = 0; k < n; k++)
    for (int i = 0; i < 8; i++) a[i] = _mm256_div_pd(a[i], m);
  for (int i = 1; i < 8; i++) a[0] = _mm256_add_pd(a[0], a[i]);
  return a[0][0];
}

__attribute__((target("avx512f"))) static double div512(long n) {
  __m512d a[8], m = _mm512_set1_pd(1.0000001);
  for (int i = 0; i < 8; i++) a[i] = _mm512_set1_pd(i + 1);
  for (long k = 0; k < n; k++)
    for (int i = 0; i < 8; i++) a[i] = _mm512_div_pd(a[i], m);
  for (int i = 1; i < 8; i++) a[0] = _mm512_add_pd(a[0], a[i]);
  return a[0][0];
}

int main(void) {
  if (!__builtin_cpu_supports("avx512f")) {
    puts("no AVX-512F on this CPU");
    return 0;
  }
  const long n = 20000000;
  double sink = 0;
  for (int round = 0; round < 3; round++) {
    double t[5];
    t[0] = cpu(), sink += fma256(n), t[1] = cpu(), sink += fma512(n);
    t[2] = cpu(), sink += div256(n / 4), t[3] = cpu(), sink += div512(n / 4);
    t[4] = cpu();
    printf("ns per instruction: fma ymm %.3f zmm %.3f, div ymm %.3f zmm %.3f\n",
           (t[1] - t[0]) / (n * 12.0) * 1e9, (t[2] - t[1]) / (n * 12.0) * 1e9,
           (t[3] - t[2]) / (n / 4 * 8.0) * 1e9, (t[4] - t[3]) / (n / 4 * 8.0) * 1e9);
  }
  return sink == 42;  // keeps the loops; never true
}
