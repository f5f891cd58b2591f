import FitlogitData
import FitlogitKernels
import FitlogitOptimization
import FitlogitSystem

/// scikit-learn's logistic regression objective (`LinearModelLoss`), the
/// function its lbfgs solver minimizes, in one fused pass over the rows.
///
///     f(w) = (1/S) Σᵢ sᵢ·ℓ(yᵢ, rᵢ) + (λ₂/2)‖β‖²,   S = Σᵢ sᵢ
///
/// with λ₂ the smooth part of the ``Penalty`` (λ₂ = 1/(C·S) for L2); the
/// L1 part λ₁‖β‖₁ is not in f: solvers that handle it read
/// ``l1Strength``. Two classes: ℓ the half-binomial loss; K > 2 classes:
/// full softmax, ℓ = log Σₖ e^{rₖ} − r_y. Where each coefficient sits in w
/// is ``ParameterLayout``'s business. Intercepts are never penalized.
///
/// Below ``blockedThreshold`` elements, sums run in the order of a plain
/// sequential port of docs/SKLEARN_LBFGS.md, so that iterates agree with
/// scikit-learn to rounding. Above it, rows are cut into fixed blocks of
/// ``blockRows``, computed on all cores, and the per-block loss and gradient
/// are added in block order: a different rounding from the sequential sum
/// (BENCHMARKS.md measures it), but the same on every run and any number of
/// cores, because the blocks never depend on the thread count.
public struct LogisticObjective: Objective {
  public let features: Matrix
  /// Class index per row (0/1 for two classes).
  public let labels: [Int]
  /// 2 for the binary model, K > 2 for the multinomial one.
  public let classCount: Int
  public let sampleWeights: [Double]?
  public let penalty: Penalty
  /// λ₂, the weight of ½‖β‖² in f; 0 without a penalty.
  public let l2Strength: Double
  /// λ₁, the weight of ‖β‖₁, which f leaves to the solver; 0 unless the
  /// penalty is L1 or elastic net.
  public let l1Strength: Double
  public let fitIntercept: Bool
  public let layout: ParameterLayout
  /// S: Σ sᵢ, or n when there are no weights.
  public let weightSum: Double
  public let dimension: Int

  /// Per block: its gradient, then its loss sum (blocked path only).
  private var partials: [Double] = []
  /// The row form of Newton's model for the L1 solver with many features
  /// (``RowQuadraticModel``); empty until first used.
  var rowModel = RowModelWorkspace()
  /// Forces the row form of the model (true) or the dense Hessian (false)
  /// for two classes; nil decides by size. For tests and benchmarks.
  package var rowModelForced: Bool?

  /// n·d from which the blocked, multithreaded pass is used.
  package static let blockedThreshold = 1 << 18
  /// Rows per block: enough work per task to hide scheduling, few enough
  /// blocks that two cores stay balanced.
  static let blockRows = 4096
  /// Forces the sequential (false) or blocked (true) pass; nil decides by
  /// size. For tests and benchmarks.
  package var blocked: Bool?
  /// Forces a variant of the C kernels; nil runs ``KernelPath/current``.
  /// For tests and benchmarks.
  package var kernel: KernelPath?

  /// The L2-penalized objective. `package`, not `public`: outside this
  /// package the objective comes from ``LogisticRegression/objective(for:)``,
  /// whose ``Dataset`` has already checked every label and weight, so no
  /// label can index past the classes inside the loss loops.
  ///
  /// - Parameters:
  ///   - C: Inverse regularization strength; `.infinity` for no penalty.
  package init(
    features: Matrix, labels: [Int], classCount: Int,
    sampleWeights: [Double]? = nil, C: Double, fitIntercept: Bool
  ) {
    self.init(
      features: features, labels: labels, classCount: classCount,
      sampleWeights: sampleWeights, penalty: .l2(C: C), fitIntercept: fitIntercept)
  }

  /// The objective with any ``Penalty`` (its L1 part left to the solver).
  package init(
    features: Matrix, labels: [Int], classCount: Int,
    sampleWeights: [Double]? = nil, penalty: Penalty, fitIntercept: Bool
  ) {
    precondition(labels.count == features.rows && classCount >= 2)
    self.features = features
    self.labels = labels
    self.classCount = classCount
    self.sampleWeights = sampleWeights
    self.fitIntercept = fitIntercept
    let S =
      sampleWeights.map { w in w.reduce(0, +) } ?? Double(features.rows)
    self.weightSum = S
    self.penalty = penalty
    self.l2Strength = penalty.l2Strength(weightSum: S)
    self.l1Strength = penalty.l1Strength(weightSum: S)
    self.layout = ParameterLayout(
      featureCount: features.columns, classCount: classCount, fitIntercept: fitIntercept)
    self.dimension = layout.dimension
  }

  public mutating func value(at w: [Double], gradient: inout [Double]) -> Double {
    precondition(w.count == dimension && gradient.count == dimension)
    let n = features.rows
    let useBlocks =
      blocked ?? (n * max(features.columns, 1) >= Self.blockedThreshold)
    if useBlocks && n > 0 {
      return blockedValue(at: w, gradient: &gradient)
    }
    return classCount == 2
      ? binaryValue(at: w, gradient: &gradient)
      : multinomialValue(at: w, gradient: &gradient)
  }

  /// The two-class objective (docs/SKLEARN_LBFGS.md §C-7).
  ///
  /// - Complexity: O(n·d), one pass over the rows, no allocation.
  private func binaryValue(at w: [Double], gradient: inout [Double]) -> Double {
    let n = features.rows
    let d = features.columns
    let S = weightSum
    var lossSum = 0.0
    features.values.withUnsafeBufferPointer { x in
      w.withUnsafeBufferPointer { w in
        gradient.withUnsafeMutableBufferPointer { g in
          for j in 0..<g.count { g[j] = 0 }
          let b = fitIntercept ? w[layout.interceptIndex(row: 0)] : 0
          for i in 0..<n {
            let row = x.baseAddress! + i * d
            var r = 0.0
            for j in 0..<d { r += row[j] * w[j] }
            if fitIntercept { r += b }
            var (l, gamma) = halfBinomialLoss(label: Double(labels[i]), margin: r)
            if let s = sampleWeights {
              l *= s[i]
              gamma *= s[i]
            }
            lossSum += l
            let G = gamma / S
            for j in 0..<d { g[j] += row[j] * G }
            if fitIntercept { g[layout.interceptIndex(row: 0)] += G }
          }
        }
      }
    }
    return penalized(lossSum: lossSum, w: w, gradient: &gradient)
  }

  /// The K-class objective (docs/SKLEARN_LBFGS.md §C-8): the block kernel run
  /// once over every row, so both passes share one implementation.
  ///
  /// - Complexity: O(n·d·K), one pass over the rows, no allocation.
  private func multinomialValue(at w: [Double], gradient: inout [Double]) -> Double {
    let lossSum = w.withUnsafeBufferPointer { w in
      gradient.withUnsafeMutableBufferPointer { g in
        for j in 0..<g.count { g[j] = 0 }
        return multinomialBlock(rows: 0..<features.rows, w: w, g: g.baseAddress!)
      }
    }
    return penalized(lossSum: lossSum, w: w, gradient: &gradient)
  }

  /// f = Σsᵢℓᵢ/S + (λ₂/2)‖β‖², and λ₂β added to the gradient: the
  /// coefficients are penalized, the intercepts never.
  private func penalized(lossSum: Double, w: [Double], gradient: inout [Double]) -> Double {
    let count = layout.coefficientCount
    var f = lossSum / weightSum
    var penalty = 0.0
    for t in 0..<count { penalty += w[t] * w[t] }
    f += 0.5 * l2Strength * penalty
    for t in 0..<count { gradient[t] += l2Strength * w[t] }
    return f
  }

  /// λ₁‖β‖₁, the non-smooth part of the objective that ``value(at:gradient:)``
  /// leaves out; 0 without an L1 part.
  public func l1Term(at w: [Double]) -> Double {
    guard l1Strength > 0 else { return 0 }
    var sum = 0.0
    for t in 0..<layout.coefficientCount { sum += abs(w[t]) }
    return l1Strength * sum
  }

  // MARK: - Blocked, multithreaded pass

  /// The objective as the sum of fixed row blocks, computed in parallel and
  /// reduced in block order.
  ///
  /// - Complexity: O(n·d·K) work over all cores, O(blocks·dimension) space,
  ///   allocated once.
  private mutating func blockedValue(
    at w: [Double], gradient: inout [Double]
  ) -> Double {
    let n = features.rows
    let blocks = (n + Self.blockRows - 1) / Self.blockRows
    let stride = dimension + 1
    if partials.count != blocks * stride {
      partials = [Double](repeating: 0, count: blocks * stride)
    }
    // Read-only during the pass; every block writes its own slice of `out`.
    nonisolated(unsafe) let this = self
    let dimension = self.dimension
    let blockRows = Self.blockRows
    partials.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      w.withUnsafeBufferPointer { w in
        nonisolated(unsafe) let w = w
        parallelFor(blocks) { block in
          let lo = block * blockRows
          let hi = min(n, lo + blockRows)
          let g = out.baseAddress! + block * stride
          g.update(repeating: 0, count: stride)
          g[dimension] =
            this.classCount == 2
            ? this.binaryBlock(rows: lo..<hi, w: w, g: g)
            : this.multinomialProducts(rows: lo..<hi, w: w, g: g)
        }
      }
    }
    var lossSum = 0.0
    partials.withUnsafeBufferPointer { p in
      gradient.withUnsafeMutableBufferPointer { g in
        for j in 0..<dimension { g[j] = 0 }
        for block in 0..<blocks {
          let part = p.baseAddress! + block * stride
          for j in 0..<dimension { g[j] += part[j] }
          lossSum += part[dimension]
        }
      }
    }
    return penalized(lossSum: lossSum, w: w, gradient: &gradient)
  }

  /// Adds the block's (1/S)·Σ γᵢ·(xᵢ, 1) to `g` and returns its Σ sᵢ·ℓᵢ.
  ///
  /// The loop is C (FitlogitKernels' `fl_binary_block`): four rows at a
  /// time, four columns per vector, one vector exp and log1p for the four
  /// rows, compiled for baseline and for AVX2 + FMA, run as ``kernel`` says.
  private func binaryBlock(
    rows: Range<Int>, w: UnsafeBufferPointer<Double>,
    g: UnsafeMutablePointer<Double>
  ) -> Double {
    let d = features.columns
    let b = fitIntercept ? w[layout.interceptIndex(row: 0)] : 0
    var interceptSum = 0.0
    let path = (kernel ?? KernelPath.current).code
    func run(_ weights: UnsafePointer<Double>?) -> Double {
      features.values.withUnsafeBufferPointer { x in
        labels.withUnsafeBufferPointer { y in
          y.withMemoryRebound(to: Int64.self) { y in
            fl_binary_block(
              path, x.baseAddress! + rows.lowerBound * d, rows.count, d,
              w.baseAddress!, b, y.baseAddress! + rows.lowerBound, weights,
              weightSum, g, &interceptSum)
          }
        }
      }
    }
    let lossSum =
      sampleWeights.map { s in
        s.withUnsafeBufferPointer { run($0.baseAddress! + rows.lowerBound) }
      } ?? run(nil)
    if fitIntercept { g[layout.interceptIndex(row: 0)] += interceptSum }
    return lossSum
  }

  /// The K-class counterpart of ``binaryBlock(rows:w:g:)``, for the
  /// blocked pass: C (FitlogitKernels' `fl_multinomial_block`), the margins
  /// of 64 rows for all classes as one register-blocked product X·Wᵀ, a
  /// stable log-sum-exp per row with vector exp and log, and the gradient as
  /// a second product Gᵀ·X while those rows are still in cache.
  private func multinomialProducts(
    rows: Range<Int>, w: UnsafeBufferPointer<Double>,
    g: UnsafeMutablePointer<Double>
  ) -> Double {
    let d = features.columns
    let K = classCount
    let path = (kernel ?? KernelPath.current).code
    let scratchCount = fl_multinomial_scratch(d, K)
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: scratchCount) {
      scratch in
      func run(_ weights: UnsafePointer<Double>?) -> Double {
        features.values.withUnsafeBufferPointer { x in
          labels.withUnsafeBufferPointer { y in
            y.withMemoryRebound(to: Int64.self) { y in
              fl_multinomial_block(
                path, x.baseAddress! + rows.lowerBound * d, rows.count, d, K,
                w.baseAddress!, fitIntercept ? 1 : 0, y.baseAddress! + rows.lowerBound,
                weights, weightSum, g, scratch.baseAddress!)
            }
          }
        }
      }
      return sampleWeights.map { s in
        s.withUnsafeBufferPointer { run($0.baseAddress! + rows.lowerBound) }
      } ?? run(nil)
    }
  }

  /// The K-class loss and gradient of `rows`, in the order of a plain
  /// sequential port of scikit-learn's (the sequential pass).
  private func multinomialBlock(
    rows: Range<Int>, w: UnsafeBufferPointer<Double>,
    g: UnsafeMutablePointer<Double>
  ) -> Double {
    let d = features.columns
    let K = classCount
    let S = weightSum
    let layout = self.layout
    var lossSum = 0.0
    features.values.withUnsafeBufferPointer { x in
      withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * K) { t in
        let r = t.baseAddress!
        let e = r + K
        for i in rows {
          let row = x.baseAddress! + i * d
          for k in 0..<K {
            var rk = 0.0
            for j in 0..<d { rk += row[j] * w[layout.index(row: k, column: j)] }
            if fitIntercept { rk += w[layout.interceptIndex(row: k)] }
            r[k] = rk
          }
          var m = r[0]
          for k in 1..<K where m < r[k] { m = r[k] }
          var sum = 0.0
          for k in 0..<K {
            e[k] = libmExp(r[k] - m)
            sum += e[k]
          }
          let y = labels[i]
          var l = (libmLog(sum) + m) - r[y]
          let s = sampleWeights?[i]
          if let s { l *= s }
          lossSum += l
          for k in 0..<K {
            var gamma = e[k] / sum - (k == y ? 1 : 0)
            if let s { gamma *= s }
            let G = gamma / S
            for j in 0..<d { g[layout.index(row: k, column: j)] += G * row[j] }
            if fitIntercept { g[layout.interceptIndex(row: k)] += G }
          }
        }
      }
    }
    return lossSum
  }
}
