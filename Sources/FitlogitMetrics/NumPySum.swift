// Sums in NumPy's order. scikit-learn's metrics end in `np.sum`,
// `np.mean` or `np.average`, which add a float64 array pairwise (blocks of
// eight accumulators, halves above 128 elements), not left to right; to
// print scikit-learn's last digit, fitlogit adds in the same order.

/// `np.sum(a)` for a contiguous float64 array: NumPy's pairwise summation
/// (`DOUBLE_pairwise_sum` in numpy/_core/src/umath/loops_utils.h.src).
///
/// - Complexity: O(n), no allocation.
public func numpySum(_ a: [Double]) -> Double {
  a.withUnsafeBufferPointer { pairwiseSum($0, 0, $0.count) }
}

/// `np.mean(a)`: the pairwise sum divided by the count.
public func numpyMean(_ a: [Double]) -> Double {
  numpySum(a) / Double(a.count)
}

/// `np.average(a, weights=w)`: Σ aᵢwᵢ / Σ wᵢ, both sums pairwise; with
/// `weights == nil`, `np.mean(a)`.
public func numpyAverage(_ a: [Double], weights: [Double]?) -> Double {
  guard let w = weights else { return numpyMean(a) }
  precondition(w.count == a.count, "one weight per value")
  var products = [Double](repeating: 0, count: a.count)
  for i in a.indices { products[i] = a[i] * w[i] }
  return numpySum(products) / numpySum(w)
}

private func pairwiseSum(
  _ a: UnsafeBufferPointer<Double>, _ start: Int, _ n: Int
) -> Double {
  if n < 8 {
    var res = -0.0  // NumPy starts at -0.0 so that a sum of -0.0 stays -0.0
    for i in 0..<n { res += a[start + i] }
    return res
  } else if n <= 128 {
    var r = (0..<8).map { a[start + $0] }
    var i = 8
    while i < n - n % 8 {
      for j in 0..<8 { r[j] += a[start + i + j] }
      i += 8
    }
    var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    while i < n {
      res += a[start + i]
      i += 1
    }
    return res
  } else {
    var n2 = n / 2
    n2 -= n2 % 8
    return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2)
  }
}
