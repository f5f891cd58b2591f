import Foundation
import FitlogitTestSupport
import Testing

/// What the library promises its users, checked over the sources: every
/// public type has a DocC comment (`///`) right above it (attributes may sit
/// between), and no module adds public members to a standard-library type
/// (a public `Double.log` would be ambiguous beside swift-numerics).
@Suite struct PublicAPITests {
  /// Every Swift file under Sources/, as (path relative to the package, lines).
  private func sources() throws -> [(String, [Substring])] {
    let root = packageRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: root.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
    return try files.map { file in
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      return ("Sources/" + file, text.split(separator: "\n", omittingEmptySubsequences: false))
    }
  }

  @Test func everyPublicTypeHasADocComment() throws {
    let declaration =
      /^\s*(@\w+\s+)*public\s+(final\s+)?(struct|enum|class|protocol|actor|typealias)\s/
    var undocumented: [String] = []
    for (path, lines) in try sources() {
      for (i, line) in lines.enumerated()
      where line.contains("public ") && line.firstMatch(of: declaration) != nil {
        var j = i - 1
        while j >= 0, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("@") { j -= 1 }
        if j < 0 || !lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
          undocumented.append("\(path):\(i + 1)")
        }
      }
    }
    #expect(undocumented == [])
  }

  @Test func noPublicMembersOnStandardLibraryTypes() throws {
    let standard = [
      "Double", "Float", "Int", "String", "Substring", "Array", "Dictionary", "Set",
      "Optional", "Collection", "Sequence", "BinaryFloatingPoint", "FloatingPoint",
      "UInt8", "Character",
    ]
    // LossFloat's conformances must be public; their members are named
    // lossLog, lossLog1p, lossExp so that they collide with nothing.
    let allowed: Set<String> = ["lossLog", "lossLog1p", "lossExp"]
    var found: [String] = []
    for (path, lines) in try sources() {
      var extending: String?
      for (i, line) in lines.enumerated() {
        if line.contains("extension "),
          let m = line.firstMatch(of: /^(public\s+)?extension\s+(\w+)/)
        {
          extending = standard.contains(String(m.2)) ? String(m.2) : nil
          if extending != nil, m.1 != nil { found.append("\(path):\(i + 1)") }
        } else if line.hasPrefix("}") {
          extending = nil
        } else if extending != nil, line.contains("public "),
          !allowed.contains(where: { line.contains("func \($0)(") })
        {
          found.append("\(path):\(i + 1)")
        }
      }
    }
    #expect(found == [])
  }
}
