// What every test target shares: golden files, data paths, the article's
// points and a seeded generator. One copy, so a fix lands everywhere.
import FitlogitSystem
import Foundation

/// Reads a golden JSON file written by a script under scripts/, from the
/// `Golden` folder beside the calling test file.
public func golden(_ name: String, filePath: String = #filePath)
  -> [String: Any]
{
  let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden").appendingPathComponent(name)
  let data = try! Data(contentsOf: url)
  return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
}

/// The package's top folder (this file is Tests/FitlogitTestSupport/…).
public let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A file under data/ in the package.
public func dataPath(_ name: String) -> String {
  packageRoot.appendingPathComponent("data").appendingPathComponent(name).path
}

/// The article's ten points ("Understanding binary cross-entropy / log
/// loss: a visual explanation").
public let articleX = [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6]
public let articleY = [0, 0, 1, 0, 1, 1, 1, 1, 1, 1]
public let articleCSV =
  "x,y\n-2.2,0\n-1.4,0\n-0.8,1\n0.2,0\n0.4,1\n0.8,1\n1.2,1\n2.2,1\n2.9,1\n4.6,1\n"

/// The package's seeded generator (SplitMix64, `FitlogitSystem`'s
/// `SeededGenerator`), under the name the tests know, so random tests repeat
/// exactly and the generator is written once.
package typealias SplitMix64 = SeededGenerator

/// A golden JSON file of another test target (`Tests/TARGET/Golden/NAME`),
/// for data that one generator writes for several targets.
public func golden(_ name: String, of target: String) -> [String: Any] {
  let url = packageRoot.appendingPathComponent("Tests")
    .appendingPathComponent(target).appendingPathComponent("Golden")
    .appendingPathComponent(name)
  let data = try! Data(contentsOf: url)
  return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
}
