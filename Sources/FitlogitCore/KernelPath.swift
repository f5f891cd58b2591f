import FitlogitKernels
import FitlogitSystem

/// Which compiled variant of the C kernels (FitlogitKernels) the blocked
/// objective runs: chosen once per process from cpuid, so one binary runs on
/// any x86-64 (or arm64) CPU and uses AVX2 and FMA where the CPU has them.
///
/// `FITLOGIT_CPU=baseline` in the environment forces the portable variant
/// (SSE2 on x86-64, NEON on arm64); any other value, or none, lets cpuid
/// decide. The two variants differ by rounding only: FMA rounds a·b + c once.
package enum KernelPath: Sendable, Equatable {
  case baseline
  case avx2FMA

  /// The variant this process uses, decided on first use.
  package static let current: KernelPath = detect(
    environment: environmentValue("FITLOGIT_CPU"))

  /// Whether this CPU can run ``avx2FMA`` (false off x86-64).
  package static var avx2FMAAvailable: Bool { fl_avx2_fma_available() != 0 }

  /// The variant for a `FITLOGIT_CPU` value on this CPU.
  package static func detect(environment: String?) -> KernelPath {
    if environment == "baseline" { return .baseline }
    return avx2FMAAvailable ? .avx2FMA : .baseline
  }

  /// The name `fitlogit-bench` and `--verbose` print.
  package var name: String {
    switch self {
    case .baseline: "baseline"
    case .avx2FMA: "avx2+fma"
    }
  }

  var code: Int32 {
    switch self {
    case .baseline: Int32(FL_PATH_BASELINE)
    case .avx2FMA: Int32(FL_PATH_AVX2_FMA)
    }
  }
}
