import FitlogitData
import FitlogitSystem

import FitlogitOptimization

extension LogisticObjective: TwiceDifferentiableObjective {
  /// ∇²f for Newton's method:
  ///
  ///     two classes:  H = (1/S) Σᵢ sᵢ pᵢ(1 − pᵢ) x̃ᵢx̃ᵢᵀ + λ₂·I (coefficients only)
  ///     K classes:    H[(k,j),(l,m)] = (1/S) Σᵢ sᵢ pᵢₖ(δₖₗ − pᵢₗ) x̃ᵢⱼx̃ᵢₘ + λ₂·δ
  ///
  /// with x̃ = (x, 1) when there is an intercept and (k, j) the flat index
  /// ``ParameterLayout/index(row:column:)``.
  ///
  /// - Complexity: O(n·dim²) for dim parameters; meant for small dim.
  public mutating func hessian(at w: [Double], into h: inout [Double]) {
    let dim = dimension
    precondition(h.count == dim * dim)
    let n = features.rows
    let useBlocks = blocked ?? (n * max(features.columns, 1) >= Self.blockedThreshold)
    if useBlocks && layout.rows == 1 && n > 0 {
      blockedBinaryHessian(at: w, into: &h)
      return
    }
    for t in 0..<(dim * dim) { h[t] = 0 }
    let d = features.columns
    let columns = layout.columns
    let K = layout.rows
    var xt = [Double](repeating: 1, count: columns)
    var p = [Double](repeating: 0, count: K)
    var c = [Double](repeating: 0, count: K == 1 ? 0 : K * K)
    for i in 0..<features.rows {
      for j in 0..<d { xt[j] = features[i, j] }
      let s = (sampleWeights?[i] ?? 1) / weightSum
      if K == 1 {
        var margin = 0.0
        for j in 0..<columns { margin += xt[j] * w[j] }
        let q = sigmoid(margin)
        let c = s * q * (1 - q)
        for a in 0..<columns {
          for b in 0..<columns { h[a * dim + b] += c * xt[a] * xt[b] }
        }
        continue
      }
      softmax(row: xt, w: w, into: &p)
      for k in 0..<K {
        for l in 0..<K { c[k * K + l] = s * p[k] * ((k == l ? 1 : 0) - p[l]) }
      }
      multinomialRowTerms(c, xt, into: &h)
    }
    for t in 0..<layout.coefficientCount { h[t * dim + t] += l2Strength }
  }

  /// Adds one row's H[(k,a),(l,b)] += (cₖₗ·x̃ₐ)·x̃_b to `h`. The flat index
  /// of (k, a) is k + K·a, so for fixed a, b and k the classes l are
  /// contiguous in `h`: the innermost loop runs over l, not b (which
  /// strides by K and made 200 classes take a minute per iteration). The
  /// products and the row order of each sum are those of the plain
  /// formula, so the result is the same to the bit (a zero weight adds a
  /// zero instead of being skipped, which lets the loop vectorize).
  private func multinomialRowTerms(
    _ c: [Double], _ xt: [Double], into h: inout [Double]
  ) {
    let K = layout.rows
    let columns = layout.columns
    let dim = dimension
    h.withUnsafeMutableBufferPointer { h in
      c.withUnsafeBufferPointer { c in
        for a in 0..<columns {
          let xa = xt[a]
          for b in 0..<columns {
            let xb = xt[b]
            for k in 0..<K {
              let target = h.baseAddress! + (k + K * a) * dim + K * b
              let weights = c.baseAddress! + k * K
              for l in 0..<K { target[l] += (weights[l] * xa) * xb }
            }
          }
        }
      }
    }
  }

  /// The two-class Hessian of a large problem: the rows cut into the
  /// objective's fixed blocks, each block's upper triangle of
  /// Σ sᵢ pᵢ(1 − pᵢ) x̃ᵢx̃ᵢᵀ computed on all cores, the blocks added in
  /// order (so the result does not depend on the number of cores), then
  /// mirrored. Small problems keep the sequential order above, which the
  /// Newton golden tests follow.
  ///
  /// - Complexity: O(n·dim²/2) over all cores, O(blocks·dim²) space.
  private func blockedBinaryHessian(at w: [Double], into h: inout [Double]) {
    let dim = dimension
    let n = features.rows
    let d = features.columns
    let blockRows = Self.blockRows
    let blocks = (n + blockRows - 1) / blockRows
    var partials = [Double](repeating: 0, count: blocks * dim * dim)
    nonisolated(unsafe) let this = self
    partials.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      w.withUnsafeBufferPointer { w in
        nonisolated(unsafe) let w = w
        this.features.values.withUnsafeBufferPointer { x in
          nonisolated(unsafe) let x = x
          parallelFor(blocks) { block in
            let part = out.baseAddress! + block * dim * dim
            withUnsafeTemporaryAllocation(of: Double.self, capacity: dim) { xt in
              let xt = xt.baseAddress!
              if dim > d { xt[d] = 1 }
              for i in (block * blockRows)..<min(n, (block + 1) * blockRows) {
                let row = x.baseAddress! + i * d
                var margin = 0.0
                for j in 0..<d {
                  xt[j] = row[j]
                  margin += row[j] * w[j]
                }
                if dim > d { margin += w[d] }
                let q = sigmoid(margin)
                let c = (this.sampleWeights?[i] ?? 1) / this.weightSum * q * (1 - q)
                for a in 0..<dim {
                  let ca = c * xt[a]
                  let target = part + a * dim
                  for b in a..<dim { target[b] += ca * xt[b] }
                }
              }
            }
          }
        }
      }
    }
    for t in 0..<(dim * dim) { h[t] = 0 }
    for block in 0..<blocks {
      let base = block * dim * dim
      for a in 0..<dim {
        for b in a..<dim { h[a * dim + b] += partials[base + a * dim + b] }
      }
    }
    for a in 0..<dim {
      for b in 0..<a { h[a * dim + b] = h[b * dim + a] }
    }
    for t in 0..<layout.coefficientCount { h[t * dim + t] += l2Strength }
  }

  /// ∇²f·v without forming ∇²f, for truncated-Newton and proximal solvers
  /// whose cost must stay O(n·d·K) per product (scikit-learn's
  /// `gradient_hessian_product`):
  ///
  ///     two classes:  Hv = (1/S) Σᵢ sᵢ pᵢ(1 − pᵢ)(x̃ᵢ·v) x̃ᵢ + λ₂ v_β
  ///     K classes:    (Hv)ₖ = (1/S) Σᵢ sᵢ pᵢₖ(uᵢₖ − Σₗ pᵢₗuᵢₗ) x̃ᵢ + λ₂ vₖ,β
  ///
  /// with uᵢₖ = x̃ᵢ·Vₖ, Vₖ class k's slice of v.
  ///
  /// - Complexity: O(n·dim), no allocation beyond two K-vectors.
  public func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    let dim = dimension
    precondition(w.count == dim && v.count == dim && out.count == dim)
    for t in 0..<dim { out[t] = 0 }
    let d = features.columns
    let columns = layout.columns
    let K = layout.rows
    var xt = [Double](repeating: 1, count: columns)
    var p = [Double](repeating: 0, count: K)
    var u = [Double](repeating: 0, count: K)
    for i in 0..<features.rows {
      for j in 0..<d { xt[j] = features[i, j] }
      let s = (sampleWeights?[i] ?? 1) / weightSum
      if K == 1 {
        var margin = 0.0
        var xv = 0.0
        for j in 0..<columns {
          margin += xt[j] * w[j]
          xv += xt[j] * v[j]
        }
        let q = sigmoid(margin)
        let c = s * q * (1 - q) * xv
        for j in 0..<columns { out[j] += c * xt[j] }
        continue
      }
      softmax(row: xt, w: w, into: &p)
      var mean = 0.0
      for k in 0..<K {
        var uk = 0.0
        for j in 0..<columns { uk += xt[j] * v[layout.index(row: k, column: j)] }
        u[k] = uk
        mean += p[k] * uk
      }
      for k in 0..<K {
        let c = s * p[k] * (u[k] - mean)
        for j in 0..<columns { out[layout.index(row: k, column: j)] += c * xt[j] }
      }
    }
    for t in 0..<layout.coefficientCount { out[t] += l2Strength * v[t] }
  }

  /// Class probabilities of the row x̃ (intercept column included) under w.
  private func softmax(row xt: [Double], w: [Double], into p: inout [Double]) {
    let K = layout.rows
    var m = -Double.infinity
    for k in 0..<K {
      var rk = 0.0
      for j in 0..<layout.columns { rk += xt[j] * w[layout.index(row: k, column: j)] }
      p[k] = rk
      m = max(m, rk)
    }
    var sum = 0.0
    for k in 0..<K {
      p[k] = libmExp(p[k] - m)
      sum += p[k]
    }
    for k in 0..<K { p[k] /= sum }
  }
}

extension LogisticObjective: L1PenalizedObjective {
  /// The coefficients carry the L1 term; the intercepts after them do not.
  public var l1Count: Int { layout.coefficientCount }
}
extension LogisticObjective: HessianVectorObjective {}
