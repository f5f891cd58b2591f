import FitlogitKernels
import FitlogitSystem

/// Which compiled variant of the C kernels (FitlogitKernels) the blocked
/// objective runs: chosen once per process, so one binary runs on any
/// x86-64 or arm64 CPU and uses what it has: AVX2 and FMA where cpuid
/// reports them, the NEON variant on every arm64 CPU (Advanced SIMD is part
/// of AArch64, so there is nothing to ask).
///
/// `FITLOGIT_CPU=baseline` in the environment forces the portable variant
/// (clang's generic vectors: SSE2 on x86-64, NEON instructions on arm64);
/// any other value, or none, lets the CPU decide. The variants add in the
/// same order and differ by rounding only (FMA, exp and log).
package enum KernelPath: Sendable, Equatable {
  case baseline
  case avx2FMA
  case neon

  /// The variant this process uses, decided on first use.
  package static let current: KernelPath = detect(
    environment: environmentValue("FITLOGIT_CPU"))

  /// Whether this CPU can run ``avx2FMA`` (false off x86-64).
  package static var avx2FMAAvailable: Bool { fl_avx2_fma_available() != 0 }

  /// Whether this build has the ``neon`` variant: on arm64, always.
  package static var neonAvailable: Bool {
    #if arch(arm64)
      true
    #else
      false
    #endif
  }

  /// The variant for a `FITLOGIT_CPU` value on this CPU.
  package static func detect(environment: String?) -> KernelPath {
    if environment == "baseline" { return .baseline }
    if avx2FMAAvailable { return .avx2FMA }
    return neonAvailable ? .neon : .baseline
  }

  /// The name `fitlogit-bench` and `--verbose` print.
  package var name: String {
    switch self {
    case .baseline: "baseline"
    case .avx2FMA: "avx2+fma"
    case .neon: "neon"
    }
  }

  var code: Int32 {
    switch self {
    case .baseline: Int32(FL_PATH_BASELINE)
    case .avx2FMA: Int32(FL_PATH_AVX2_FMA)
    case .neon: Int32(FL_PATH_NEON)
    }
  }
}
