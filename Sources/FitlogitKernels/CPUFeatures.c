// What the CPU can run, asked once: cpuid and xgetbv on x86-64 (the OS must
// save the YMM registers for AVX to be usable), nothing elsewhere.
#include "FitlogitKernels.h"
#include "VectorMath.h"

#if FL_X86
#include <cpuid.h>

int fl_avx2_fma_available(void) {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  const int fma = (c >> 12) & 1, osxsave = (c >> 27) & 1, avx = (c >> 28) & 1;
  if (!(fma && osxsave && avx)) return 0;
  unsigned lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  (void)hi;
  if ((lo & 6) != 6) return 0;  // XMM and YMM state enabled by the OS
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  return (b >> 5) & 1;  // AVX2
}
#else
int fl_avx2_fma_available(void) { return 0; }
#endif
