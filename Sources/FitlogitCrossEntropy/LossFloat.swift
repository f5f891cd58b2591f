// libm for both precisions, so every loss can run in Float (as Keras does)
// or in Double (as scikit-learn does), through FitlogitSystem's shim.
import FitlogitSystem

/// A floating-point type the losses can be computed in: `Float` (as Keras
/// computes) or `Double` (as scikit-learn does).
///
/// The requirements are named `lossLog`, `lossLog1p`, `lossExp` rather than
/// `log`, `log1p`, `exp`: a conformance makes them public members of
/// `Double` and `Float`, and `Double.log` would then be ambiguous in a
/// user's module that also imports swift-numerics. Inside this module the
/// short names below forward to them.
public protocol LossFloat: BinaryFloatingPoint, Sendable {
  /// The natural logarithm, libm's `log` or `logf`.
  static func lossLog(_ x: Self) -> Self
  /// log(1 + x), libm's `log1p` or `log1pf`.
  static func lossLog1p(_ x: Self) -> Self
  /// eˣ, libm's `exp` or `expf`.
  static func lossExp(_ x: Self) -> Self
}

extension Double: LossFloat {
  @inline(__always) public static func lossLog(_ x: Double) -> Double { libmLog(x) }
  @inline(__always) public static func lossLog1p(_ x: Double) -> Double { libmLog1p(x) }
  @inline(__always) public static func lossExp(_ x: Double) -> Double { libmExp(x) }
}

extension Float: LossFloat {
  @inline(__always) public static func lossLog(_ x: Float) -> Float { libmLog(x) }
  @inline(__always) public static func lossLog1p(_ x: Float) -> Float { libmLog1p(x) }
  @inline(__always) public static func lossExp(_ x: Float) -> Float { libmExp(x) }
}

extension LossFloat {
  // The short names the loss code uses, internal to this module.
  @inline(__always) static func log(_ x: Self) -> Self { lossLog(x) }
  @inline(__always) static func log1p(_ x: Self) -> Self { lossLog1p(x) }
  @inline(__always) static func exp(_ x: Self) -> Self { lossExp(x) }

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
