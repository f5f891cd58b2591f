/// Newton's quadratic model of a data-fitting objective, kept through its
/// rows instead of a dense Hessian: liblinear's newGLMNET inner loop
/// (Yuan, Ho & Lin, 2012; glmnet's "covariance-free" updates).
///
/// For f(w) = (1/S) Σᵢ sᵢ ℓ(xᵢ·w) + (λ₂/2)‖β‖², the model's Hessian is
/// XᵀDX + λ₂I with Dᵢ = sᵢ ℓ''(xᵢ·w)/S. Coordinate descent on the model
/// needs, for coordinate t, only H_tt and (H·d)_t = Σᵢ Dᵢ xᵢₜ (X·d)ᵢ + λ₂d_t;
/// keeping X·d up to date after each move makes a sweep cost two passes
/// over the active columns, never the d² entries of H. ``ProximalNewton``
/// uses it when ``prefersRowModel`` says the dense Hessian would cost more.
public protocol RowQuadraticModel: L1PenalizedObjective {
  /// True when the row form is the cheaper one (many parameters).
  var prefersRowModel: Bool { get }
  /// Builds the model at x (D, the diagonal of H) with d = 0.
  mutating func beginModel(at x: [Double])
  /// H_tt.
  func modelDiagonal(_ t: Int) -> Double
  /// (H·d)_t for the current d, whose t-th component is `dt`.
  func modelProduct(_ t: Int, dt: Double) -> Double
  /// d_t += delta: keeps X·d up to date.
  mutating func modelMove(_ t: Int, by delta: Double)
  /// The block H_BB of the model's Hessian on the variables `block`,
  /// row-major k×k: a few columns' dot products, so coordinate descent on
  /// a small set of coupled variables can run to convergence at k
  /// multiply-adds per move instead of two passes over the rows.
  func modelBlock(_ block: [Int]) -> [Double]
}
