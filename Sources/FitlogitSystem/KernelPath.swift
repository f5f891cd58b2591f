import FitlogitKernels

/// Which compiled variant of the C kernels (FitlogitKernels) the blocked
/// objective and the CSV number scanner run: chosen once per process from
/// cpuid, so one binary runs on any x86-64 (or arm64) CPU and uses what the
/// CPU has. (It lives in the platform shim because both FitlogitCore and
/// FitlogitData dispatch on it.)
///
/// `FITLOGIT_CPU` in the environment picks one: `baseline` (the portable
/// variant, clang's generic vectors: SSE2 on x86-64, NEON instructions on
/// arm64), `avx2` (AVX2 + FMA), `avx512` (AVX-512 F/DQ/VL, eight lanes) or
/// `neon` (written with NEON intrinsics; arm64 only, where every CPU has
/// it, so there is nothing to ask). A variant the CPU cannot run falls back
/// to the best one below it that it can (`avx512` → `avx2` → `neon` →
/// `baseline`); an unset, empty or unknown value lets cpuid decide, which
/// gives ``avx2FMA`` where the CPU has AVX2 + FMA, even on an AVX-512 CPU:
/// on the VM it was measured on, AVX-512 runs its 512-bit arithmetic at
/// half the instruction rate of 256-bit and the eight-lane kernels were no
/// faster (BENCHMARKS.md, "AVX-512"); on arm64 it gives ``neon``. The
/// variants differ by rounding only (FMA rounds a·b + c once; eight lanes
/// sum in another order; NEON sums in the baseline's order).
package enum KernelPath: Sendable, Equatable, CaseIterable {
  case baseline
  case avx2FMA
  case avx512
  case neon

  /// The variant this process uses, decided on first use.
  package static let current: KernelPath = detect(
    environment: environmentValue("FITLOGIT_CPU"))

  /// Whether this CPU can run ``avx2FMA`` (false off x86-64).
  package static var avx2FMAAvailable: Bool { fl_avx2_fma_available() != 0 }
  /// Whether this CPU and OS can run ``avx512`` (false off x86-64).
  package static var avx512Available: Bool { fl_avx512_available() != 0 }
  /// Whether this build has ``neon``: on arm64, always.
  package static var neonAvailable: Bool {
    #if arch(arm64)
      true
    #else
      false
    #endif
  }

  /// Whether this CPU can run the variant.
  package var isAvailable: Bool {
    switch self {
    case .baseline: true
    case .avx2FMA: Self.avx2FMAAvailable
    case .avx512: Self.avx512Available
    case .neon: Self.neonAvailable
    }
  }

  /// The variant for a `FITLOGIT_CPU` value on this CPU.
  package static func detect(environment: String?) -> KernelPath {
    let asked: KernelPath =
      switch environment {
      case "baseline": .baseline
      case "avx512": .avx512
      case "neon": .neon
      default: .avx2FMA  // "avx2", unset or unknown: the default
      }
    return asked.fallback
  }

  /// The widest variant at or below this one that the CPU runs.
  package var fallback: KernelPath {
    switch self {
    case .avx512: isAvailable ? .avx512 : KernelPath.avx2FMA.fallback
    case .avx2FMA: isAvailable ? .avx2FMA : KernelPath.neon.fallback
    case .neon: isAvailable ? .neon : .baseline
    case .baseline: .baseline
    }
  }

  /// The name `fitlogit-bench` prints, as FITLOGIT_CPU spells it.
  package var name: String {
    switch self {
    case .baseline: "baseline"
    case .avx2FMA: "avx2"
    case .avx512: "avx512"
    case .neon: "neon"
    }
  }

  /// The variant as the C kernels number it (FL_PATH_*).
  package var code: Int32 {
    switch self {
    case .baseline: Int32(FL_PATH_BASELINE)
    case .avx2FMA: Int32(FL_PATH_AVX2_FMA)
    case .avx512: Int32(FL_PATH_AVX512)
    case .neon: Int32(FL_PATH_NEON)
    }
  }
}
