import FitlogitData
import FitlogitOptimization
import FitlogitSystem

/// What the row form of Newton's model keeps between coordinate moves: the
/// features by column (a coordinate reads one column, contiguous), the
/// per-row curvatures D, X·d, and the diagonal of H.
struct RowModelWorkspace: Sendable {
  /// Xᵀ, row-major (column j of X at j·n), made once per objective.
  var columns: [Double] = []
  /// Dᵢ = sᵢ pᵢ(1 − pᵢ)/S at the model's point.
  var curvature: [Double] = []
  /// (X·d)ᵢ, the intercept's move included.
  var moved: [Double] = []
  /// H_tt, λ₂ included.
  var diagonal: [Double] = []
}

extension LogisticObjective: RowQuadraticModel {
  /// From 200 features on, two classes: there the dense Hessian's
  /// n·d²/2 multiply-adds per iteration outweigh a few coordinate sweeps'
  /// 2·n·d (and its d² memory). Fewer features keep the dense loop, whose
  /// iterates the golden tests were measured on.
  public var prefersRowModel: Bool {
    classCount == 2 && (rowModelForced ?? (features.columns >= 200))
  }

  public mutating func beginModel(at w: [Double]) {
    let n = features.rows
    let d = features.columns
    if rowModel.columns.count != n * d { rowModel.columns = transposed(features) }
    if rowModel.curvature.count != n {
      rowModel.curvature = [Double](repeating: 0, count: n)
      rowModel.moved = [Double](repeating: 0, count: n)
    }
    rowModel.diagonal = [Double](repeating: 0, count: dimension)
    let b = fitIntercept ? w[layout.interceptIndex(row: 0)] : 0
    let S = weightSum
    let blockRows = Self.blockRows
    let blocks = (n + blockRows - 1) / blockRows
    // One pass over the rows, in parallel blocks: Dᵢ from the margin, and
    // each block's Σ Dᵢ xᵢⱼ², added in block order afterwards.
    var partial = [Double](repeating: 0, count: blocks * d)
    features.values.withUnsafeBufferPointer { x in
      w.withUnsafeBufferPointer { w in
        rowModel.curvature.withUnsafeMutableBufferPointer { D in
          partial.withUnsafeMutableBufferPointer { partial in
            nonisolated(unsafe) let x = x
            nonisolated(unsafe) let w = w
            nonisolated(unsafe) let D = D
            nonisolated(unsafe) let partial = partial
            let weights = sampleWeights
            parallelFor(blocks) { block in
              let diagonal = partial.baseAddress! + block * d
              for i in (block * blockRows)..<min(n, (block + 1) * blockRows) {
                let row = x.baseAddress! + i * d
                let p = sigmoid(b + dotProduct(row, w.baseAddress!, nil, d))
                let c = (weights?[i] ?? 1) * p * (1 - p) / S
                D[i] = c
                for j in 0..<d { diagonal[j] += c * row[j] * row[j] }
              }
            }
          }
        }
      }
    }
    for i in 0..<n { rowModel.moved[i] = 0 }
    for block in 0..<blocks {
      for j in 0..<d { rowModel.diagonal[j] += partial[block * d + j] }
    }
    for t in 0..<layout.coefficientCount { rowModel.diagonal[t] += l2Strength }
    if fitIntercept {
      rowModel.diagonal[layout.interceptIndex(row: 0)] = rowModel.curvature.reduce(0, +)
    }
  }

  public func modelDiagonal(_ t: Int) -> Double { rowModel.diagonal[t] }

  public func modelProduct(_ t: Int, dt: Double) -> Double {
    let n = features.rows
    let intercept = fitIntercept && t == layout.interceptIndex(row: 0)
    let penalty = t < layout.coefficientCount ? l2Strength * dt : 0
    return rowModel.curvature.withUnsafeBufferPointer { D in
      rowModel.moved.withUnsafeBufferPointer { z in
        if intercept { return dotProduct(D.baseAddress!, z.baseAddress!, nil, n) }
        return rowModel.columns.withUnsafeBufferPointer { c in
          dotProduct(D.baseAddress!, z.baseAddress!, c.baseAddress! + t * n, n)
        }
      } + penalty
    }
  }

  public mutating func modelMove(_ t: Int, by delta: Double) {
    let n = features.rows
    let intercept = fitIntercept && t == layout.interceptIndex(row: 0)
    let columns = rowModel.columns
    rowModel.moved.withUnsafeMutableBufferPointer { z in
      if intercept {
        for i in 0..<n { z[i] += delta }
        return
      }
      columns.withUnsafeBufferPointer { c in
        let column = c.baseAddress! + t * n
        for i in 0..<n { z[i] += delta * column[i] }
      }
    }
  }
}

extension LogisticObjective {
  public func modelBlock(_ block: [Int]) -> [Double] {
    let n = features.rows
    let k = block.count
    let intercept = fitIntercept ? layout.interceptIndex(row: 0) : -1
    var h = [Double](repeating: 0, count: k * k)
    rowModel.curvature.withUnsafeBufferPointer { D in
      rowModel.columns.withUnsafeBufferPointer { c in
        func column(_ t: Int) -> UnsafePointer<Double>? {
          t == intercept ? nil : c.baseAddress! + t * n
        }
        for i in 0..<k {
          for j in i..<k {
            let a = column(block[i])
            let b = column(block[j])
            let value: Double
            switch (a, b) {
            case (nil, nil): value = D.reduce(0, +)
            case (let a?, nil), (nil, let a?): value = dotProduct(D.baseAddress!, a, nil, n)
            case (let a?, let b?): value = dotProduct(D.baseAddress!, a, b, n)
            }
            h[i * k + j] = value
            h[j * k + i] = value
          }
          if block[i] < layout.coefficientCount { h[i * k + i] += l2Strength }
        }
      }
    }
    return h
  }
}

/// Σᵢ aᵢ·bᵢ·cᵢ (cᵢ = 1 when c is nil), in four interleaved partial sums so
/// the loop pipelines; the model's sums need no fixed order (the outer
/// test is on the exact gradient).
private func dotProduct(
  _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafePointer<Double>?,
  _ n: Int
) -> Double {
  var s0 = 0.0
  var s1 = 0.0
  var s2 = 0.0
  var s3 = 0.0
  var i = 0
  if let c {
    while i + 4 <= n {
      s0 += a[i] * b[i] * c[i]
      s1 += a[i + 1] * b[i + 1] * c[i + 1]
      s2 += a[i + 2] * b[i + 2] * c[i + 2]
      s3 += a[i + 3] * b[i + 3] * c[i + 3]
      i += 4
    }
    while i < n {
      s0 += a[i] * b[i] * c[i]
      i += 1
    }
  } else {
    while i + 4 <= n {
      s0 += a[i] * b[i]
      s1 += a[i + 1] * b[i + 1]
      s2 += a[i + 2] * b[i + 2]
      s3 += a[i + 3] * b[i + 3]
      i += 4
    }
    while i < n {
      s0 += a[i] * b[i]
      i += 1
    }
  }
  return (s0 + s1) + (s2 + s3)
}

/// Xᵀ as a row-major array: tiles of 32×32 so both sides stay in cache.
private func transposed(_ m: Matrix) -> [Double] {
  let n = m.rows
  let d = m.columns
  // Every element is written below: no zero fill of n·d doubles first.
  return [Double](unsafeUninitializedCapacity: n * d) { t, count in
    m.values.withUnsafeBufferPointer { x in
      nonisolated(unsafe) let x = x
      nonisolated(unsafe) let t = t
      let tile = 32
      parallelFor((d + tile - 1) / tile) { jt in
        let j0 = jt * tile
        let j1 = min(d, j0 + tile)
        var i0 = 0
        while i0 < n {
          let i1 = min(n, i0 + tile)
          for i in i0..<i1 {
            for j in j0..<j1 { t[j * n + i] = x[i * d + j] }
          }
          i0 = i1
        }
      }
    }
    count = n * d
  }
}
