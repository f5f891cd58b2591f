// What the CPU can run, asked once: cpuid and xgetbv on x86-64 (the OS must
// save a register file for its instructions to be usable: XMM and YMM for
// AVX, and opmask and ZMM besides for AVX-512), nothing elsewhere.
#include "FitlogitKernels.h"
#include "VectorMath.h"

#if FL_X86
#include <cpuid.h>

/// XCR0: the register state the OS saves on a context switch.
static unsigned enabled_state(void) {
  unsigned lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  (void)hi;
  return lo;
}

int fl_avx2_fma_available(void) {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  const int fma = (c >> 12) & 1, osxsave = (c >> 27) & 1, avx = (c >> 28) & 1;
  if (!(fma && osxsave && avx)) return 0;
  if ((enabled_state() & 6) != 6) return 0;  // XMM and YMM state
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  return (b >> 5) & 1;  // AVX2
}

int fl_avx512_available(void) {
  if (!fl_avx2_fma_available()) return 0;
  // XMM, YMM (bits 1, 2), opmask, upper halves of ZMM0-15, ZMM16-31 (5-7).
  if ((enabled_state() & 0xE6) != 0xE6) return 0;
  unsigned a, b, c, d;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  const unsigned f = 1u << 16, dq = 1u << 17, vl = 1u << 31;
  return (b & (f | dq | vl)) == (f | dq | vl);
}
#else
int fl_avx2_fma_available(void) { return 0; }
int fl_avx512_available(void) { return 0; }
#endif
