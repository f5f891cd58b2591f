/// The package's one seeded random generator: SplitMix64 (Steele, Lea and
/// Flood, 2014), as swift-argument-parser's `Examples/roll` uses it.
///
/// The same seed gives the same numbers on every machine and Swift version
/// (the standard library's generator is neither seeded nor specified), so
/// `fitlogit-bench --generate` writes the same file everywhere and the
/// randomized tests (`Tests/FitlogitTestSupport`) repeat exactly.
package struct SeededGenerator: RandomNumberGenerator {
  package var state: UInt64

  package init(seed: UInt64) { state = seed }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
