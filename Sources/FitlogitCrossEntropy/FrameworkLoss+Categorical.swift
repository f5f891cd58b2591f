// MARK: - Categorical losses of PyTorch, optax, MLX and Keras

/// The targets of a categorical loss: one-hot or soft rows, and the class
/// indices where every row is one-hot (or the user gave indices).
struct CategoricalTargets<T: LossFloat> {
  /// n rows of K; an ignored sample's row is all zeros.
  var rows: [[T]]
  /// Class indices, or nil when some row is soft.
  var indices: [Int]?
  /// Samples whose index is the ignore index.
  var ignored: [Bool]
  var anyIgnored: Bool { ignored.contains(true) }
}

/// Reads `yTrue` as class indices (rows of one value) or as rows of K.
func categoricalTargets<T: LossFloat>(
  _ yTrue: [[T]], classes K: Int, ignoreIndex: Int?
) throws(CrossEntropyError) -> CategoricalTargets<T> {
  let n = yTrue.count
  var ignored = [Bool](repeating: false, count: n)
  if yTrue.allSatisfy({ $0.count == 1 }) {
    var rows = [[T]](repeating: [T](repeating: 0, count: K), count: n)
    var indices = [Int](repeating: 0, count: n)
    for i in 0..<n {
      let v = yTrue[i][0]
      guard v == v.rounded(), abs(v) < 1e9 else {
        throw CrossEntropyError(
          "y_true value \(Double(v)) (item \(i + 1)) is not a class index")
      }
      let k = Int(v)
      indices[i] = k
      if k == ignoreIndex {
        ignored[i] = true
      } else if k < 0 || k >= K {
        throw CrossEntropyError(
          "y_true class index \(k) (item \(i + 1)) is not in 0..<\(K)")
      } else {
        rows[i][k] = 1
      }
    }
    return CategoricalTargets(rows: yTrue.isEmpty ? [] : rows, indices: indices, ignored: ignored)
  }
  var indices: [Int]? = []
  for (i, row) in yTrue.enumerated() {
    if row.count != K {
      throw CrossEntropyError(
        "row \(i + 1) has \(row.count) targets and \(K) predictions; every row needs \(K)")
    }
    if let bad = row.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
      throw CrossEntropyError(
        "y_true value \(Double(row[bad])) (row \(i + 1)) is not a probability in [0, 1]")
    }
    let ones = row.filter { $0 == 1 }.count
    if ones == 1 && row.allSatisfy({ $0 == 0 || $0 == 1 }) {
      indices?.append(row.firstIndex(of: 1)!)
    } else {
      indices = nil
    }
  }
  return CategoricalTargets(rows: yTrue, indices: indices, ignored: ignored)
}

/// One framework's categorical cross-entropy of `targets` against `pred`
/// (n rows of K), computed in `T` as that framework computes it.
///
///     torch.CrossEntropyLoss   −w_y·[(1 − ε)·z_y + (ε/K)·Σ_k w_k z_k / w_y],  z = log-softmax(x)
///     torch.NLLLoss / mlx      −w_y·(log p)_y
///     optax softmax            −Σ_k y_k z_k
///     mlx.cross_entropy        logsumexp(x) − (1 − ε)·x_y − ε·mean(x)
///     Keras focal              Σ_k α(1 − p_k)^γ·(−y_k log p_k), p renormalized and clipped
///
/// With class-index targets PyTorch's mean divides by the summed class
/// weights of the samples not ignored; Keras' by the samples not ignored;
/// the metric classes by the sum of the sample weights; the rest by n.
func frameworkCategorical<T: LossFloat>(
  _ loss: FrameworkLoss, targets: CategoricalTargets<T>, pred: [[T]],
  options o: LossOptions
) -> LossResult<T> {
  let n = pred.count
  let K = pred[0].count
  let ls = T(o.labelSmoothing)
  let eps = T(Convention.kerasEpsilon)
  let cw: [T] = o.classWeights.map { $0.map(T.init) } ?? [T](repeating: 1, count: K)
  var losses = [T](repeating: 0, count: n)
  var clipped: [Int] = []
  var denominator: T = 0
  var valid = 0
  for i in 0..<n {
    let row = pred[i]
    let y = targets.rows[i]
    let index = targets.indices?[i]
    let ignored = targets.ignored[i]
    if !ignored { valid += 1 }
    // What the user passes: log p as logits, softmax(x) as probabilities.
    let x: [T] = o.fromLogits ? row : row.map { T.log($0) }
    var l: T = 0
    switch loss {
    case .torchCrossEntropyLoss, .torchCrossEntropyLossOnProbabilities:
      let z = logSoftmax(loss == .torchCrossEntropyLoss ? x : row)
      if let index {
        if ignored { break }
        var smooth: T = 0
        if ls != 0 { for k in 0..<K { smooth -= z[k] * cw[k] } }
        l = (1 - ls) * -(cw[index] * z[index]) + ls / T(K) * smooth
        denominator += cw[index]
      } else {
        for k in 0..<K { l -= z[k] * ((1 - ls) * y[k] + ls / T(K)) * cw[k] }
        denominator += 1
      }
    case .torchNLLLoss, .mlxNLLLoss:
      if ignored { break }
      let logP = o.fromLogits ? logSoftmax(row)[index!] : x[index!]
      let w = loss == .torchNLLLoss ? cw[index!] : 1
      l = -w * logP
      denominator += w
    case .optaxSoftmaxCrossEntropy, .optaxSafeSoftmaxCrossEntropy:
      let z = logSoftmax(x)
      for k in 0..<K where !(loss == .optaxSafeSoftmaxCrossEntropy && y[k] == 0) {
        l -= y[k] * z[k]
      }
      denominator += 1
    case .optaxSoftmaxCrossEntropyWithIntegerLabels:
      let m = x.max()!
      var s: T = 0
      for v in x { s += T.exp(v - m) }
      l = T.log(s) - (x[index!] - m)
      denominator += 1
    case .mlxCrossEntropy:
      let m = x.max()!
      var s: T = 0
      var score: T = 0
      var mean: T = 0
      for k in 0..<K {
        let shifted = x[k] - m
        s += T.exp(shifted)
        mean += shifted
        if index == nil { score += shifted * y[k] }
      }
      if let index { score = x[index] - m }
      let lse = T.log(s)
      l = ls == 0 ? lse - score : lse - (1 - ls) * score - ls * (mean / T(K))
      denominator += 1
    case .kerasSparseCategoricalCrossentropy, .kerasMetricsSparseCategoricalCrossentropy:
      denominator += 1
      if ignored { break }
      if o.fromLogits {
        l = -logSoftmax(row)[index!]
      } else {
        let (q, moved) = kerasRenormalizedClipped(row, eps)
        if moved { clipped.append(i) }
        l = -T.log(q[index!])
      }
    case .kerasCategoricalFocalCrossentropy, .kerasMetricsCategoricalCrossentropy:
      denominator += 1
      let probabilities = o.fromLogits ? softmax(row) : row
      let (q, moved) = kerasRenormalizedClipped(probabilities, eps)
      if moved && !o.fromLogits { clipped.append(i) }
      let focal = loss == .kerasCategoricalFocalCrossentropy
      let alpha = T(o.alpha ?? 0.25)
      for k in 0..<K {
        let s = ls == 0 ? y[k] : y[k] * (1 - ls) + ls / T(K)
        if loss == .kerasMetricsCategoricalCrossentropy && o.fromLogits {
          l -= s * logSoftmax(row)[k]
          continue
        }
        let ce = -s * T.log(q[k])
        l += focal ? power(1 - q[k], T(o.gamma)) * alpha * ce : ce
      }
    default:
      preconditionFailure("\(loss.rawValue) is not a categorical framework loss")
    }
    if let w = o.sampleWeights { l *= T(w[i]) }
    losses[i] = l
  }
  var sum: T = 0
  for l in losses { sum += l }
  var value: T
  switch loss {
  case .torchCrossEntropyLoss, .torchCrossEntropyLossOnProbabilities, .torchNLLLoss:
    value = sum / denominator
  case .kerasSparseCategoricalCrossentropy where targets.anyIgnored:
    // Keras weighs the valid samples by n / valid, then divides by n.
    value = sum * (T(n) / T(valid)) / T(n)
    denominator = T(valid)
  case .kerasMetricsCategoricalCrossentropy, .kerasMetricsSparseCategoricalCrossentropy:
    if let w = o.sampleWeights {
      denominator = 0
      for s in w { denominator += T(s) }
    }
    value = sum / denominator
  case .mlxCrossEntropy, .mlxNLLLoss:
    // MLX's mean multiplies by 1/n.
    denominator = T(n)
    value = sum * (1 / denominator)
  default:
    denominator = T(n)
    value = sum / denominator
  }
  if o.reduction == .sum { value = sum }
  return LossResult(value: value, losses: losses, clipped: clipped, denominator: denominator)
}

/// log-softmax as PyTorch and JAX compute it: x − m − log Σ e^{x − m}.
func logSoftmax<T: LossFloat>(_ x: [T]) -> [T] {
  let m = x.max()!
  var s: T = 0
  for v in x { s += T.exp(v - m) }
  let logSum = T.log(s)
  return x.map { $0 - m - logSum }
}

func softmax<T: LossFloat>(_ x: [T]) -> [T] {
  let m = x.max()!
  let e = x.map { T.exp($0 - m) }
  var s: T = 0
  for v in e { s += v }
  return e.map { $0 / s }
}

/// Keras' categorical preprocessing: divide by the row sum, clip to
/// [ε, 1 − ε]; and whether clipping moved a value.
func kerasRenormalizedClipped<T: LossFloat>(_ p: [T], _ eps: T) -> ([T], Bool) {
  var s: T = 0
  for v in p { s += v }
  var moved = false
  let q = p.map { v -> T in
    let r = v / s
    if r < eps || r > 1 - eps { moved = true }
    return min(max(r, eps), 1 - eps)
  }
  return (q, moved)
}
