/// A smooth function to minimize, as the optimizers see it: nothing but a
/// value and a gradient at a point (liblinear's `function::fun/grad`,
/// scikit-learn's `loss_gradient`).
///
/// `mutating` lets a conforming struct keep its workspaces (margins,
/// partial sums) between calls instead of allocating in the hot loop.
public protocol Objective {
  /// The number of variables.
  var dimension: Int { get }

  /// Evaluates f and ∇f in one pass.
  ///
  /// - Parameters:
  ///   - x: The point; `x.count == dimension`.
  ///   - gradient: Overwritten with ∇f(x); same length as `x`.
  /// - Returns: f(x).
  mutating func value(at x: [Double], gradient: inout [Double]) -> Double
}
