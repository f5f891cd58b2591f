import Foundation

/// A directory of this process's own under `parent`, made on first use:
/// the structured targets write their files there, never beside the repo's.
package func scratchDirectory(under parent: String) -> String {
  let path = parent + "/scratch-\(ProcessInfo.processInfo.processIdentifier)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
