// Vectors of doubles and the vector exp, log, log1p and half-binomial loss
// that every kernel variant inlines (a port of FitlogitCore's
// VectorMath.swift), in two widths: four lanes (baseline and AVX2 + FMA)
// and eight (AVX-512). The lane code is written once, in VectorLanes.h,
// and included here once per width. Private to this target: not in
// include/.
#ifndef FITLOGIT_VECTOR_MATH_H
#define FITLOGIT_VECTOR_MATH_H

#include <stdint.h>

// Every function here is always inlined, so no vector ever crosses a call
// at the baseline ABI; clang's warning that it would is moot.
#pragma clang diagnostic ignored "-Wpsabi"

#if defined(__x86_64__)
#define FL_X86 1
/// Compiles a function for AVX2 + FMA, whatever the target of the rest.
#define FL_AVX2 __attribute__((target("avx2,fma")))
/// Compiles a function for AVX-512 F, DQ and VL (with AVX2 and FMA), whatever
/// the target of the rest; only called where fl_avx512_available() says so.
#define FL_AVX512 \
  __attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma"), \
                 min_vector_width(512)))
/// What the eight-lane functions are compiled for.
#define FL_WIDE FL_AVX512
#else
#define FL_X86 0
#define FL_WIDE
#endif
#define FL_INLINE inline __attribute__((always_inline))

typedef double v4d __attribute__((ext_vector_type(4)));
typedef uint64_t v4u __attribute__((ext_vector_type(4)));
typedef double v8d __attribute__((ext_vector_type(8)));
typedef uint64_t v8u __attribute__((ext_vector_type(8)));
/// What a lane comparison returns: `long` lanes with clang on both Linux
/// and Darwin, where int64_t is `long long` and would not convert.
typedef __typeof__((v4d){0, 0, 0, 0} < (v4d){0, 0, 0, 0}) v4i;
typedef __typeof__((v8d){0} < (v8d){0}) v8i;

/// The names VectorLanes.h defines for FL_LANES lanes: FL_VD is v4d or
/// v8d, FL_FN(fl_exp) is fl_exp4 or fl_exp8.
#define FL_PASTE_(a, b, c) a##b##c
#define FL_PASTE(a, b, c) FL_PASTE_(a, b, c)
#define FL_VD FL_PASTE(v, FL_LANES, d)
#define FL_VU FL_PASTE(v, FL_LANES, u)
#define FL_VI FL_PASTE(v, FL_LANES, i)
#define FL_FN(name) FL_PASTE(name, FL_LANES, )

#define FL_LANES 4
#include "VectorLanes.h"
#undef FL_LANES
#define FL_LANES 8
#include "VectorLanes.h"
#undef FL_LANES

#endif
