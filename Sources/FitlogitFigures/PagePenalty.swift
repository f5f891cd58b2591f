/// The penalty as the page draws it, in scikit-learn 1.9's terms, on the
/// mean-loss scale the page and the command line use:
///
///     objective = Σ sᵢℓᵢ / S + (ρ‖w‖₁ + (1 − ρ)/2 ‖w‖²) / (C·S)
///
/// S is the weight sum (N without weights), ρ scikit-learn's `l1_ratio`.
/// scikit-learn's lbfgs writes the L2 strength as 1/(C·S); its saga writes
/// the sum of the losses over n with strengths 1/(C·n), the same function
/// times S/n, so the same minimizer. The figures module sees no model
/// types, so this mirrors FitlogitCore's `Penalty` in plain numbers.
public struct PagePenalty: Sendable, Equatable {
  /// Inverse strength; `.infinity` for no penalty.
  public var C: Double
  /// ρ ∈ [0, 1]: 0 is L2, 1 is L1, between is the elastic net.
  public var l1Ratio: Double
  /// liblinear's constant column a: its intercept b is the coefficient
  /// b/a of that column and is penalized with w. nil for every other solver.
  public var interceptScaling: Double?

  public init(C: Double, l1Ratio: Double = 0, interceptScaling: Double? = nil) {
    self.C = C
    self.l1Ratio = l1Ratio
    self.interceptScaling = interceptScaling
  }

  public var isNone: Bool { !C.isFinite }

  /// "none", "l2", "l1" or "elasticnet", scikit-learn's names.
  public var name: String {
    if isNone { return "none" }
    if l1Ratio == 0 { return "l2" }
    return l1Ratio == 1 ? "l1" : "elasticnet"
  }

  /// The penalty's part of the objective at (w, b), with S the weight sum.
  /// In the command line's order of operations (the smooth part, then the
  /// L1 part), so the two agree to the last bits.
  public func term(w: Double, b: Double, weightSum S: Double) -> Double {
    guard !isNone else { return 0 }
    var coefficients = [w]
    if let a = interceptScaling { coefficients.append(b / a) }
    var l1 = 0.0
    var l2 = 0.0
    for c in coefficients {
      l1 += abs(c)
      l2 += c * c
    }
    let smooth = 0.5 * ((1 - l1Ratio) / (C * S)) * l2
    return l1Ratio > 0 ? smooth + l1Ratio / (C * S) * l1 : smooth
  }

  /// The objective in one line of plain text, for labels: "log loss +
  /// w²/(2·C·N)", with N replaced by S when the rows are weighted.
  func plainFormula(weighted: Bool) -> String {
    let loss = weighted ? "weighted log loss" : "log loss"
    let N = weighted ? "S" : "N"
    let w2 = interceptScaling == nil ? "w²" : "(w² + (b/a)²)"
    let w1 = interceptScaling == nil ? "|w|" : "(|w| + |b/a|)"
    switch name {
    case "none": return loss
    case "l1": return "\(loss) + \(w1)/(C·\(N))"
    case "elasticnet":
      return "\(loss) + (ρ·\(w1) + (1 − ρ)/2·\(w2))/(C·\(N))"
    default: return "\(loss) + \(w2)/(2·C·\(N))"
    }
  }

  /// The penalty in words with its numbers: "L2, C = 1", "no penalty".
  var words: String {
    switch name {
    case "none": return "no penalty (C = ∞)"
    case "l1": return "L1, C = \(shortNumber(C))"
    case "elasticnet": return "elastic net, C = \(shortNumber(C)), ρ = l1_ratio = \(shortNumber(l1Ratio))"
    default: return "L2, C = \(shortNumber(C))"
    }
  }
}

/// 1 for 1.0, 0.5 for 0.5: how the command line's options are written.
func shortNumber(_ v: Double) -> String {
  v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
}

/// A weight as the page's table shows it: 2, 0.375 or 1.6667 (at most four
/// decimals, trailing zeros dropped).
func weightText(_ v: Double) -> String {
  var text = decimals(v, 4)
  guard text.contains(".") else { return text }
  while text.hasSuffix("0") { text.removeLast() }
  if text.hasSuffix(".") { text.removeLast() }
  return text
}
