import FitlogitData
import FitlogitOptimization
import FitlogitSystem

/// What the row form of Newton's model keeps between coordinate moves: the
/// features by column (a coordinate reads one column, contiguous), the
/// per-row curvatures D, X·d, and the diagonal of H.
struct RowModelWorkspace: Sendable {
  /// Columns of X, each contiguous, gathered when a working set first
  /// needs them (``LogisticObjective/prepareModel(for:)``): the inner loop
  /// reads only the working set's columns, at small C a fraction of X, and
  /// copying all of Xᵀ up front cost as much time and memory as the solve
  /// itself (BENCHMARKS.md). One buffer per gathering, `n` values per column.
  var columnBuffers: [[Double]] = []
  /// Column j's place: (buffer, index in it), or nil before it is gathered.
  var columnPlace: [(buffer: Int, index: Int)?] = []
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
    if rowModel.columnPlace.count != d { rowModel.columnPlace = Array(repeating: nil, count: d) }
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
        return withColumn(t) { c in dotProduct(D.baseAddress!, z.baseAddress!, c, n) }
      } + penalty
    }
  }

  public mutating func modelMove(_ t: Int, by delta: Double) {
    let n = features.rows
    let intercept = fitIntercept && t == layout.interceptIndex(row: 0)
    var moved = rowModel.moved
    rowModel.moved = []
    moved.withUnsafeMutableBufferPointer { z in
      if intercept {
        for i in 0..<n { z[i] += delta }
        return
      }
      withColumn(t) { c in
        for i in 0..<n { z[i] += delta * c[i] }
      }
    }
    rowModel.moved = moved
  }
}

extension LogisticObjective {
  public func modelBlock(_ block: [Int]) -> [Double] {
    let n = features.rows
    let k = block.count
    let intercept = fitIntercept ? layout.interceptIndex(row: 0) : -1
    var h = [Double](repeating: 0, count: k * k)
    rowModel.curvature.withUnsafeBufferPointer { D in
      func column<R>(_ t: Int, _ body: (UnsafePointer<Double>?) -> R) -> R {
        t == intercept ? body(nil) : withColumn(t) { body($0) }
      }
      for i in 0..<k {
        for j in i..<k {
          let value = column(block[i]) { a in
            column(block[j]) { b in
              switch (a, b) {
              case (nil, nil): D.reduce(0, +)
              case (let a?, nil), (nil, let a?): dotProduct(D.baseAddress!, a, nil, n)
              case (let a?, let b?): dotProduct(D.baseAddress!, a, b, n)
              }
            }
          }
          h[i * k + j] = value
          h[j * k + i] = value
        }
        if block[i] < layout.coefficientCount { h[i * k + i] += l2Strength }
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

extension LogisticObjective {
  /// Gathers the columns of `working` not gathered yet (the intercept and
  /// other variables without a column are skipped), all cores.
  public mutating func prepareModel(for working: [Int]) {
    let wanted = working.filter {
      $0 < features.columns && rowModel.columnPlace[$0] == nil
    }
    guard !wanted.isEmpty else { return }
    let buffer = rowModel.columnBuffers.count
    rowModel.columnBuffers.append(gatheredColumns(features, wanted))
    for (index, t) in wanted.enumerated() { rowModel.columnPlace[t] = (buffer, index) }
  }

  /// Column t of X, contiguous (gathered by ``prepareModel(for:)``).
  func withColumn<R>(_ t: Int, _ body: (UnsafePointer<Double>) -> R) -> R {
    let place = rowModel.columnPlace[t]!
    return rowModel.columnBuffers[place.buffer].withUnsafeBufferPointer {
      body($0.baseAddress! + place.index * features.rows)
    }
  }
}

/// Columns `wanted` of X, one after the other (column k at k·n): tiles of
/// 64 rows, read once into cache and then written out one column at a time
/// (each column's 64 values contiguous), tiles of 32 columns on all cores.
private func gatheredColumns(_ m: Matrix, _ wanted: [Int]) -> [Double] {
  let n = m.rows
  let d = m.columns
  let columnTile = 32
  let rowTile = 64
  // Every element is written below: no zero fill first.
  return [Double](unsafeUninitializedCapacity: n * wanted.count) { t, count in
    m.values.withUnsafeBufferPointer { x in
      wanted.withUnsafeBufferPointer { wanted in
        nonisolated(unsafe) let x = x.baseAddress!
        nonisolated(unsafe) let t = t.baseAddress!
        nonisolated(unsafe) let wanted = wanted
        parallelFor((wanted.count + columnTile - 1) / columnTile) { kt in
          let k0 = kt * columnTile
          let k1 = min(wanted.count, k0 + columnTile)
          var i0 = 0
          while i0 < n {
            let i1 = min(n, i0 + rowTile)
            for k in k0..<k1 {
              let source = x + wanted[k]
              let target = t + k * n
              for i in i0..<i1 { target[i] = source[i * d] }
            }
            i0 = i1
          }
        }
      }
    }
    count = n * wanted.count
  }
}
