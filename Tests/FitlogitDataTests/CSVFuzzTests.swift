import FitlogitTestSupport
import Testing

@testable import FitlogitData

/// Byte mutations that tend to reach the parser's edge cases.
let interestingBytes: [UInt8] = Array("\",\r\n0123456789eE+-. abnNiI".utf8) + [0, 0xFF, 0xC3, 0xEF]

/// Mutates `input` once: flip, insert, delete or duplicate a span.
func mutate(_ input: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
  var s = input
  switch Int.random(in: 0..<5, using: &rng) {
  case 0 where !s.isEmpty:
    s[Int.random(in: 0..<s.count, using: &rng)] = interestingBytes.randomElement(using: &rng)!
  case 1:
    s.insert(interestingBytes.randomElement(using: &rng)!, at: Int.random(in: 0...s.count, using: &rng))
  case 2 where !s.isEmpty:
    s.remove(at: Int.random(in: 0..<s.count, using: &rng))
  case 3 where !s.isEmpty:
    let a = Int.random(in: 0..<s.count, using: &rng)
    let b = min(s.count, a + Int.random(in: 1...16, using: &rng))
    s.insert(contentsOf: s[a..<b], at: Int.random(in: 0...s.count, using: &rng))
  default:
    // Truncate: files cut off mid-field or mid-quote.
    s.removeLast(Int.random(in: 0...min(8, s.count), using: &rng))
  }
  return s
}

@Suite struct CSVFuzzTests {
  static let seeds = [
    articleCSV,
    "\u{FEFF}a,b,y\r\n1,2,x\r\n3,4,\"y,z\"\r\n",
    "x,\"label \"\"q\"\"\"\n1e3,\"a\nb\"\n-.5,c\n",
    "p,q,r,y\n1,2,3,1\n4,5,6,2\n7,8,9,10\n",
  ].map { Array($0.utf8) }

  /// 150,000 mutated files: each either loads with consistent shapes or is
  /// rejected with a one-line positioned error; none traps.
  @Test func mutatedFilesNeverTrap() {
    var rng = SplitMix64(seed: 7)
    var loaded = 0
    var rejected = 0
    for round in 0..<150_000 {
      var input = Self.seeds[round % Self.seeds.count]
      for _ in 0..<Int.random(in: 1...4, using: &rng) { input = mutate(input, using: &rng) }
      do {
        let d = try Dataset(csv: input, file: "f.csv")
        #expect(d.features.values.count == d.sampleCount * d.featureCount)
        #expect(d.labels.allSatisfy { (0..<d.classCount).contains($0) })
        #expect(d.classCount >= 2 && d.features.values.allSatisfy(\.isFinite))
        loaded += 1
      } catch {
        // Missing values are counted over the whole file: no position.
        let counted = error.line == 0 && error.message.contains("missing value")
        #expect(counted || (error.line >= 1 && error.column >= 1 && !error.message.isEmpty))
        #expect(!error.description.contains("\n"))
        rejected += 1
      }
    }
    // Both outcomes are exercised, so the mutations reach past the header.
    #expect(loaded > 10_000)
    #expect(rejected > 10_000)
  }

  /// Random bytes through the number parser: it accepts exactly what
  /// strtod reads in full and finite, for inputs in the CSV number syntax.
  @Test func numberParserAgreesWithStrtod() {
    var rng = SplitMix64(seed: 11)
    let alphabet = Array("0123456789.eE+- ".utf8)
    for _ in 0..<100_000 {
      let n = Int.random(in: 0...12, using: &rng)
      let bytes = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
      let text = String(decoding: bytes, as: UTF8.self)
      let parsed: Double? = bytes.withUnsafeBufferPointer { b in
        guard let base = b.baseAddress,
          case .success(let v) = parseDouble(base, count: b.count)
        else { return nil }
        return v
      }
      let trimmed = text.trimmingCharacters(in: " ")
      if let v = parsed {
        #expect(Double(trimmed) == v, "\(text)")
      } else if let v = Double(trimmed), v.isFinite, !trimmed.isEmpty {
        Issue.record("rejected \"\(text)\" which Swift reads as \(v)")
      }
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
  }
}
