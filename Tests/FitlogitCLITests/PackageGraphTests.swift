import Foundation
import Testing

import FitlogitTestSupport

/// Package.swift says what the code does: each target declares exactly the
/// package modules its files import, no more (a stale arrow) and no fewer
/// (an import that only builds because another target pulled it in).
@Suite struct PackageGraphTests {
  struct Target {
    var name: String
    var directory: String
    var dependencies: Set<String>
  }

  /// The targets of Package.swift, read from its text: each
  /// `.target(` / `.executableTarget(` / `.testTarget(` entry's name, path
  /// and the quoted names inside its `dependencies: [...]`.
  static func targets() throws -> [Target] {
    let manifest = try String(
      contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
    let body = manifest[manifest.range(of: "targets: [\n")!.upperBound...]
    let entry = /\.(target|executableTarget|testTarget)\(/
    let starts = body.matches(of: entry).map(\.range)
    return starts.indices.map { k in
      let end = k + 1 < starts.count ? starts[k + 1].lowerBound : body.endIndex
      let text = String(body[starts[k].lowerBound..<end])
      let name = String(text.firstMatch(of: /name: "([^"]+)"/)!.1)
      let isTest = text.hasPrefix(".testTarget(")
      let path = text.firstMatch(of: /path: "([^"]+)"/).map { String($0.1) }
      var dependencies: Set<String> = []
      if let list = text.firstMatch(of: /dependencies: \[([^\]]*)\]/) {
        dependencies = Set(list.1.matches(of: /"([^"]+)"/).map { String($0.1) })
      }
      return Target(
        name: name, directory: path ?? (isTest ? "Tests/" : "Sources/") + name,
        dependencies: dependencies)
    }
  }

  /// The modules imported by the Swift files under `directory`.
  static func imports(under directory: String) -> Set<String> {
    let root = packageRoot.appendingPathComponent(directory)
    var found: Set<String> = []
    let files = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
    for file in files where file.hasSuffix(".swift") {
      guard
        let text = try? String(
          contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      else { continue }
      for line in text.split(separator: "\n") {
        if let m = line.firstMatch(of: /^\s*(?:@testable\s+)?import\s+(\w+)/) {
          found.insert(String(m.1))
        }
      }
    }
    return found
  }

  @Test func declaredDependenciesAreTheImports() throws {
    let targets = try Self.targets()
    #expect(targets.count >= 20)
    let names = Set(targets.map(\.name))
    for target in targets {
      let imported = Self.imports(under: target.directory).intersection(names)
      #expect(
        imported == target.dependencies,
        """
        \(target.name): imports but does not declare \
        \(imported.subtracting(target.dependencies).sorted()); \
        declares but does not import \(target.dependencies.subtracting(imported).sorted())
        """)
    }
  }

  /// libc, libm and libdispatch are reached through FitlogitSystem only
  /// (as swift-numerics routes its math through one shim module), so a port
  /// to another platform touches one folder.
  @Test func onlyFitlogitSystemImportsThePlatform() throws {
    let platform: Set = ["Glibc", "Musl", "Darwin", "Dispatch", "WinSDK"]
    let sources = packageRoot.appendingPathComponent("Sources")
    let files =
      FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String] ?? []
    var offenders: [String] = []
    for file in files where file.hasSuffix(".swift") && !file.hasPrefix("FitlogitSystem/") {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      let imported = text.split(separator: "\n").compactMap {
        $0.firstMatch(of: /^\s*import\s+(\w+)/).map { String($0.1) }
      }
      if !platform.isDisjoint(with: imported) {
        offenders.append(file)
      }
    }
    #expect(offenders == [])
  }
}
