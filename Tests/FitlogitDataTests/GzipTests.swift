import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitData

/// The inflater on what gzip writes: fixed and dynamic Huffman blocks (a
/// real file), stored blocks and several members (built here), damage.
@Suite struct GzipTests {
  static let text = Array("x,y\n1,0\n2,1\n3,0\n4,1\n".utf8)

  /// One gzip member holding `text` in a stored (uncompressed) block.
  static func storedMember(_ text: [UInt8], crc: UInt32) -> [UInt8] {
    let n = text.count
    var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
    out += [1, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
    out += text
    for shift in [0, 8, 16, 24] { out.append(UInt8((crc >> UInt32(shift)) & 0xFF)) }
    for shift in [0, 8, 16, 24] { out.append(UInt8((n >> shift) & 0xFF)) }
    return out
  }

  func inflate(_ bytes: [UInt8]) throws(CSVError) -> [UInt8] {
    try bytes.withUnsafeBufferPointer { (b) throws(CSVError) in
      let inflated = try Gzip.decompress(b, file: "f.gz")
      return withExtendedLifetime(inflated) { Array(inflated.buffer) }
    }
  }

  @Test func crc32MatchesZlib() {
    // zlib.crc32(b"123456789") and of `text`.
    #expect(CRC32.checksum(Array("123456789".utf8), count: 9) == 0xCBF4_3926)
    #expect(CRC32.checksum(Self.text, count: Self.text.count) == 0xD887_B2A5)
  }

  @Test func storedBlocksAndMembers() throws {
    let member = Self.storedMember(Self.text, crc: 0xD887_B2A5)
    #expect(try inflate(member) == Self.text)
    #expect(try inflate(member + member) == Self.text + Self.text)
    var damaged = member
    damaged[damaged.count - 6] ^= 1
    #expect(throws: CSVError(
      file: "f.gz", line: 0, column: 0,
      message: "not a valid gzip file: checksum mismatch (the file is damaged)")
    ) { try inflate(damaged) }
    #expect(throws: CSVError(
      file: "f.gz", line: 0, column: 0,
      message: "not a valid gzip file: truncated (the file ends inside the data)")
    ) { try inflate(Array(member.prefix(20)) + [0, 0, 0, 0, 0, 0, 0, 0]) }
  }

  /// The shipped titanic.csv.gz (Python's gzip, level 9) is titanic.csv.
  @Test func realFile() throws {
    let gz = Array(try Data(contentsOf: URL(fileURLWithPath: dataPath("titanic.csv.gz"))))
    let plain = Array(try Data(contentsOf: URL(fileURLWithPath: dataPath("titanic.csv"))))
    #expect(try inflate(gz) == plain)
    let a = try Dataset(csv: gz, file: "t.csv.gz", options: CSVReadOptions(
      target: "survived", exclude: ["rownames"], dropMissing: true))
    let b = try Dataset(csv: plain, file: "t.csv", options: CSVReadOptions(
      target: "survived", exclude: ["rownames"], dropMissing: true))
    #expect(a.features == b.features && a.labels == b.labels)
  }

  /// Damaged files are errors, never traps: 300 seeded mutations.
  @Test func mutatedFilesNeverTrap() throws {
    let gz = Array(try Data(contentsOf: URL(fileURLWithPath: dataPath("titanic.csv.gz"))))
    var rng = SplitMix64(seed: 19)
    var rejected = 0
    for round in 0..<300 {
      var bytes = round % 3 == 0 ? Array(gz.prefix(Int(rng.next() % UInt64(gz.count)))) : gz
      for _ in 0..<(1 + Int(rng.next() % 3)) where !bytes.isEmpty {
        let i = 10 + Int(rng.next() % UInt64(max(bytes.count - 10, 1)))
        if i < bytes.count { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
      }
      do { _ = try inflate(bytes) } catch { rejected += 1 }
    }
    #expect(rejected > 200)
  }
}
