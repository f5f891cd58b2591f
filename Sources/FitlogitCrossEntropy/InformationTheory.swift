/// The unit of an entropy: natural logarithms (nats) or base 2 (bits).
public enum InformationUnit: Sendable {
  case nats, bits

  var divisor: Double { self == .nats ? 1 : 0.6931471805599453 }
}

/// H(q) = −Σ qₖ log qₖ, with 0·log 0 = 0: the uncertainty of a
/// distribution (the article's "show me the math").
public func entropy(_ q: [Double], unit: InformationUnit = .nats) -> Double {
  var h = 0.0
  for v in q where v > 0 { h -= v * Double.log(v) }
  return h / unit.divisor
}

/// H(q, p) = −Σ qₖ log pₖ: the cost of coding q with a code built for p.
/// +∞ when p gives probability 0 to something q can produce.
public func crossEntropy(_ q: [Double], _ p: [Double], unit: InformationUnit = .nats) -> Double {
  precondition(q.count == p.count)
  var h = 0.0
  for (a, b) in zip(q, p) where a > 0 { h -= a * Double.log(b) }
  return h / unit.divisor
}

/// KL(q‖p) = Σ qₖ log(qₖ/pₖ) = H(q, p) − H(q) ≥ 0.
public func klDivergence(_ q: [Double], _ p: [Double], unit: InformationUnit = .nats) -> Double {
  precondition(q.count == p.count)
  var d = 0.0
  for (a, b) in zip(q, p) where a > 0 { d += a * Double.log(a / b) }
  return d / unit.divisor
}
