import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData
import FitlogitSystem

/// |a − b| in units of b's ulp.
private func ulps(_ a: Double, _ b: Double) -> Double {
  a == b ? 0 : abs(a - b) / max(b.ulp, Double.leastNormalMagnitude.ulp)
}

@Suite struct VectorMathTests {
  /// Within 1 ulp of glibc's exp on [−708, 2] (the arguments the loss
  /// uses), 0 below −708.
  @Test func expMatchesLibm() {
    var worst = 0.0
    var rng = SplitMix64(seed: 11)
    for _ in 0..<50_000 {
      let xs = (0..<4).map { _ in Double.random(in: -708...2, using: &rng) }
      let v = vectorExp(Double4(xs[0], xs[1], xs[2], xs[3]))
      for k in 0..<4 { worst = max(worst, ulps(v[k], libmExp(xs[k]))) }
    }
    #expect(worst <= 1)
    let tiny = vectorExp(Double4(-709, -1e20, -745.2, 0))
    #expect(tiny == Double4(0, 0, 0, 1))
  }

  /// Within 2 ulp of glibc's log1p on [0, e²], exact at 0 and for x below
  /// half an ulp of 1.
  @Test func log1pMatchesLibm() {
    var worst = 0.0
    var rng = SplitMix64(seed: 12)
    for _ in 0..<50_000 {
      let xs = (0..<4).map { _ in libmExp(Double.random(in: -40...2, using: &rng)) }
      let v = vectorLog1p(Double4(xs[0], xs[1], xs[2], xs[3]))
      for k in 0..<4 { worst = max(worst, ulps(v[k], libmLog1p(xs[k]))) }
    }
    #expect(worst <= 2)
    #expect(
      vectorLog1p(Double4(0, 1e-17, 1, 0x1p-60))
        == Double4(0, 1e-17, libmLog1p(1), 0x1p-60))
  }

  /// The four-lane loss equals the scalar one to a few ulp at every range
  /// boundary of scikit-learn's formula and at ±1e20.
  @Test func loss4MatchesScalar() {
    let margins: [Double] = [
      -1e20, -745, -100, -37.5, -37, -36.9, -2.1, -2, -1.99, -0.5, 0, 0.5, 17.9,
      18,
      18.1, 33.3, 37, 100, 1e20,
    ]
    for y in [0.0, 1.0] {
      for start in stride(from: 0, to: margins.count, by: 4) {
        var r = Double4(repeating: 0.25)
        for k in 0..<4 where start + k < margins.count {
          r[k] = margins[start + k]
        }
        let (l, g) = halfBinomialLoss4(
          labels: Double4(repeating: y), margins: r)
        for k in 0..<4 {
          let (sl, sg) = halfBinomialLoss(label: y, margin: r[k])
          #expect(l[k].isFinite && g[k].isFinite)
          #expect(ulps(l[k], sl) <= 4, "loss at r=\(r[k]), y=\(y)")
          #expect(ulps(g[k], sg) <= 4, "derivative at r=\(r[k]), y=\(y)")
        }
      }
    }
  }
}
