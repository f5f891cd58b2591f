import FitlogitData
import FitlogitSystem

import FitlogitOptimization

extension LogisticObjective: TwiceDifferentiableObjective {
  /// ∇²f for Newton's method:
  ///
  ///     two classes:  H = (1/S) Σᵢ sᵢ pᵢ(1 − pᵢ) x̃ᵢx̃ᵢᵀ + λ·I (coefficients only)
  ///     K classes:    H[(k,j),(l,m)] = (1/S) Σᵢ sᵢ pᵢₖ(δₖₗ − pᵢₗ) x̃ᵢⱼx̃ᵢₘ + λ·δ
  ///
  /// with x̃ = (x, 1) when there is an intercept and the K-class index
  /// (k, j) ↦ k + K·j of the flattened parameters.
  ///
  /// - Complexity: O(n·dim²) for dim parameters; meant for small dim.
  public mutating func hessian(at w: [Double], into h: inout [Double]) {
    let dim = dimension
    precondition(h.count == dim * dim)
    for t in 0..<(dim * dim) { h[t] = 0 }
    let d = features.columns
    let columns = d + (fitIntercept ? 1 : 0)
    let K = classCount == 2 ? 1 : classCount
    var xt = [Double](repeating: 1, count: columns)
    var r = [Double](repeating: 0, count: K)
    var p = [Double](repeating: 0, count: K)
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
      var m = -Double.infinity
      for k in 0..<K {
        var rk = 0.0
        for j in 0..<columns { rk += xt[j] * w[k + K * j] }
        r[k] = rk
        m = max(m, rk)
      }
      var sum = 0.0
      for k in 0..<K {
        p[k] = libmExp(r[k] - m)
        sum += p[k]
      }
      for k in 0..<K { p[k] /= sum }
      for k in 0..<K {
        for l in 0..<K {
          let c = s * p[k] * ((k == l ? 1 : 0) - p[l])
          if c == 0 { continue }
          for a in 0..<columns {
            let row = (k + K * a) * dim
            let ca = c * xt[a]
            for b in 0..<columns { h[row + l + K * b] += ca * xt[b] }
          }
        }
      }
    }
    let penalized = K == 1 ? d : K * d
    for t in 0..<penalized { h[t * dim + t] += l2 }
  }
}
