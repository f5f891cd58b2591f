// libm for both precisions, so every loss can run in Float (as Keras does)
// or in Double (as scikit-learn does). The only file that imports libc.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A floating-point type the losses can be computed in.
public protocol LossFloat: BinaryFloatingPoint, Sendable {
  static func log(_ x: Self) -> Self
  static func log1p(_ x: Self) -> Self
  static func exp(_ x: Self) -> Self
}

// Free functions, so the static requirements below can call them without
// recursing into themselves.
@inline(__always) private func cLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func cLog1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func cExp(_ x: Double) -> Double { exp(x) }

extension Double: LossFloat {
  @inline(__always) public static func log(_ x: Double) -> Double { cLog(x) }
  @inline(__always) public static func log1p(_ x: Double) -> Double { cLog1p(x) }
  @inline(__always) public static func exp(_ x: Double) -> Double { cExp(x) }
}

extension Float: LossFloat {
  @inline(__always) public static func log(_ x: Float) -> Float { logf(x) }
  @inline(__always) public static func log1p(_ x: Float) -> Float { log1pf(x) }
  @inline(__always) public static func exp(_ x: Float) -> Float { expf(x) }
}

extension LossFloat {
  /// log(1 + eˣ) without overflow or cancellation (scikit-learn's cutoffs).
  @inline(__always)
  static func softplus(_ x: Self) -> Self {
    if x <= -37 { return exp(x) }
    if x <= -2 { return log1p(exp(x)) }
    if x <= 18 { return log(1 + exp(x)) }
    return x <= 33.3 ? x + exp(-x) : x
  }

  /// y·log(p) with 0·log 0 = 0: a zero weight ignores the log entirely.
  @inline(__always)
  static func xlogy(_ y: Self, _ p: Self) -> Self {
    y == 0 ? 0 : y * log(p)
  }
}
