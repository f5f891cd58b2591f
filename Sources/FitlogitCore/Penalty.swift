/// The penalty on the coefficients (never the intercepts), in
/// scikit-learn 1.9's terms: an inverse strength C and a mixing ratio.
///
///     P(β) = λ·[ρ‖β‖₁ + ((1 − ρ)/2)‖β‖²],   λ = 1/(C·S),  S = Σᵢ sᵢ
///
/// ρ = 0 is L2, ρ = 1 is L1, between is the elastic net; C = ∞ is no
/// penalty. Solvers see it in two parts: the smooth L2 part, which the
/// objective adds to its value, gradient and Hessian
/// (``l2Strength(weightSum:)``), and the non-smooth L1 part, which only a
/// proximal or coordinate solver can handle (``l1Strength(weightSum:)``).
/// Dividing by S makes the penalty scale with the weight sum, as
/// scikit-learn's lbfgs and saga paths both do.
public struct Penalty: Equatable, Sendable {
  /// Inverse regularization strength, > 0; `.infinity` for no penalty.
  public var C: Double
  /// ρ ∈ [0, 1], the L1 share (scikit-learn's `l1_ratio`).
  public var l1Ratio: Double

  public init(C: Double, l1Ratio: Double = 0) {
    precondition(C > 0 && l1Ratio >= 0 && l1Ratio <= 1)
    self.C = C
    self.l1Ratio = l1Ratio
  }

  /// No penalty: plain maximum likelihood.
  public static let none = Penalty(C: .infinity)

  /// scikit-learn's default, (1/(2·C·S))‖β‖².
  public static func l2(C: Double) -> Penalty { Penalty(C: C, l1Ratio: 0) }

  public var isNone: Bool { C.isInfinite }

  /// True when the objective has a non-smooth part (L1 or elastic net),
  /// which gradient-only solvers cannot minimize.
  public var hasL1: Bool { !isNone && l1Ratio > 0 }

  /// The name scikit-learn's `penalty=` used for it: none, l2, l1,
  /// elasticnet.
  public var name: String {
    if isNone { return "none" }
    if l1Ratio == 0 { return "l2" }
    return l1Ratio == 1 ? "l1" : "elasticnet"
  }

  /// λ(1 − ρ): the weight of ½‖β‖² in the objective.
  public func l2Strength(weightSum S: Double) -> Double {
    isNone ? 0 : (1 - l1Ratio) / (C * S)
  }

  /// λρ: the weight of ‖β‖₁ in the objective.
  public func l1Strength(weightSum S: Double) -> Double {
    isNone ? 0 : l1Ratio / (C * S)
  }
}
