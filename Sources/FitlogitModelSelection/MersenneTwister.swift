/// NumPy's legacy `np.random.RandomState(seed)`: the MT19937 Mersenne
/// Twister, seeded and drawn exactly as numpy/random/src/mt19937 and
/// `_legacy_seeding` do, so that `permutation` gives NumPy's order and
/// scikit-learn's `random_state=N` splits can be reproduced row for row.
public struct MersenneTwister: Sendable {
  private var key = [UInt32](repeating: 0, count: 624)
  private var position = 624

  /// `RandomState(seed)` for an integer seed in [0, 2³² − 1]: Knuth's
  /// linear seeding (`mt19937_seed`), key[i] = 1812433253 · (key[i−1] ⊕
  /// (key[i−1] >> 30)) + i.
  public init(seed: UInt32) {
    var s = seed
    for i in 0..<624 {
      key[i] = s
      s = 1_812_433_253 &* (s ^ (s >> 30)) &+ UInt32(i + 1)
    }
  }

  /// The next 32 random bits (`mt19937_next32`, tempered).
  public mutating func next32() -> UInt32 {
    if position == 624 { regenerate() }
    var y = key[position]
    position += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c_5680
    y ^= (y << 15) & 0xefc6_0000
    y ^= y >> 18
    return y
  }

  /// `random_interval(max)`: uniform in [0, max] by masked rejection, as
  /// NumPy's legacy `shuffle` draws each swap.
  public mutating func interval(_ max: Int) -> Int {
    if max == 0 { return 0 }
    precondition(max > 0 && max <= Int(UInt32.max), "a bound in [0, 2^32 - 1]")
    var mask = UInt32(max)
    mask |= mask >> 1
    mask |= mask >> 2
    mask |= mask >> 4
    mask |= mask >> 8
    mask |= mask >> 16
    while true {
      let value = next32() & mask
      if value <= UInt32(max) { return Int(value) }
    }
  }

  /// `shuffle(x)` for a one-dimensional array: Fisher–Yates from the end,
  /// element i swapped with `interval(i)`.
  public mutating func shuffle<T>(_ x: inout [T]) {
    guard x.count > 1 else { return }
    for i in stride(from: x.count - 1, through: 1, by: -1) {
      let j = interval(i)
      x.swapAt(i, j)
    }
  }

  /// `permutation(n)`: 0..<n shuffled.
  public mutating func permutation(_ n: Int) -> [Int] {
    var a = Array(0..<n)
    shuffle(&a)
    return a
  }

  /// `permutation(x)` for an array: a shuffled copy.
  public mutating func permutation<T>(_ x: [T]) -> [T] {
    var a = x
    shuffle(&a)
    return a
  }

  private mutating func regenerate() {
    let upper: UInt32 = 0x8000_0000
    let lower: UInt32 = 0x7fff_ffff
    let matrixA: UInt32 = 0x9908_b0df
    for i in 0..<624 {
      let y = (key[i] & upper) | (key[(i + 1) % 624] & lower)
      key[i] = key[(i + 397) % 624] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrixA)
    }
    position = 0
  }
}
