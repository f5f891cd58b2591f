import Foundation

/// Reads a golden JSON file written by a script under scripts/.
func golden(_ name: String, filePath: String = #filePath) -> [String: Any] {
  let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden").appendingPathComponent(name)
  let data = try! Data(contentsOf: url)
  return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
}

/// The article's ten points (seed 003).
let articleX = [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6]
let articleY = [0, 0, 1, 0, 1, 1, 1, 1, 1, 1]
let articleCSV = "x,y\n-2.2,0\n-1.4,0\n-0.8,1\n0.2,0\n0.4,1\n0.8,1\n1.2,1\n2.2,1\n2.9,1\n4.6,1\n"

/// A small seeded generator (SplitMix64), so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A file under data/ in the package.
func dataPath(_ name: String, filePath: String = #filePath) -> String {
  URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data").appendingPathComponent(name).path
}
