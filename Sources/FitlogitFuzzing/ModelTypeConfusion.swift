import FitlogitCLI
import FitlogitJSON
import FitlogitSystem

/// The model decoder under type confusion: a valid model file with one to
/// three of its nodes replaced by a value of another type or shape (a number
/// where a string was, an array one element short, a member gone, an object
/// swapped for another part of the file), then read by `fitlogit predict`
/// exactly as a user's file would be.
///
/// Random bytes almost never parse as JSON, so byte-level fuzzing of the
/// decoder stops at the JSON parser; these cases reach every field check,
/// and, when a mutated file still decodes, the prediction itself.
package struct ModelTypeConfusion {
  /// The unchanged model file and the data `predict` reads with it.
  package var model: JSON
  package var dataPath: String

  package init(modelText: [UInt8], dataPath: String) throws {
    self.model = try JSONParser.parse(modelText)
    self.dataPath = dataPath
  }

  /// The mutated file's text for one input.
  package func mutated(_ choices: inout Choices) -> String {
    var value = model
    for _ in 0...choices.pick(3) {
      let paths = Self.paths(of: value)
      let path = choices.element(of: paths)
      let donor = Self.node(at: choices.element(of: paths), in: value)
      value = Self.replacing(path, in: value) { Self.confuse($0, donor: donor, &choices) }
    }
    return value.text + "\n"
  }

  /// What a user would see: `predict --proba` on the mutated file. Returns
  /// the exit status and the broken promises (none when the run kept them
  /// all): an exit status other than 0 or 1, an error that is not one
  /// `fitlogit: error:` line naming the model file (or the data file, when
  /// the confused model is valid but asks for a column the data lacks),
  /// output beside an error, or a probability that is not a finite number
  /// in [0, 1] in rows summing to 1.
  package func check(_ text: String, modelPath: String) -> (status: Int32, broken: [String]) {
    do {
      try writeWholeFile(text, to: modelPath)
    } catch {
      return (-1, ["could not write \(modelPath): \(error.message)"])
    }
    var out = ""
    var err = ""
    let status = FitlogitCLI.run(["predict", modelPath, dataPath, "--proba"], stdout: &out, stderr: &err)
    return (status, Self.brokenPromises(status: status, out: out, err: err, files: [modelPath, dataPath]))
  }

  package static func brokenPromises(
    status: Int32, out: String, err: String, files: [String]
  ) -> [String] {
    var broken: [String] = []
    switch status {
    case 0:
      let rows = out.split(separator: "\n").dropFirst()
      if rows.isEmpty { broken.append("exit 0 with no rows") }
      for row in rows {
        let cells = row.split(separator: ",", omittingEmptySubsequences: false)
        let p = cells.compactMap { Double($0) }
        if p.count != cells.count || p.contains(where: { !($0 >= 0 && $0 <= 1) })
          || abs(p.reduce(0, +) - 1) > 1e-9
        {
          broken.append("not probabilities: \(row.prefix(200))")
          break
        }
      }
    case 1:
      if !files.contains(where: { err.hasPrefix("fitlogit: error: \($0)") })
        || err.split(separator: "\n").count != 1
      {
        broken.append("error is not one line naming the file: \(err.prefix(300))")
      }
      if !out.isEmpty { broken.append("output beside an error") }
    default:
      broken.append("exit \(status): \(err.prefix(300))")
    }
    return broken
  }

  /// Every node's path: member names and array indices from the root.
  static func paths(of value: JSON, at prefix: [PathStep] = []) -> [[PathStep]] {
    var found = [prefix]
    switch value {
    case .array(let items):
      for (i, item) in items.enumerated() { found += paths(of: item, at: prefix + [.index(i)]) }
    case .object(let members):
      for (i, member) in members.enumerated() {
        found += paths(of: member.1, at: prefix + [.member(i)])
      }
    default: break
    }
    return found
  }

  enum PathStep { case index(Int), member(Int) }

  static func node(at path: [PathStep], in value: JSON) -> JSON {
    guard let step = path.first else { return value }
    switch (step, value) {
    case (.index(let i), .array(let items)): return node(at: Array(path.dropFirst()), in: items[i])
    case (.member(let i), .object(let members)):
      return node(at: Array(path.dropFirst()), in: members[i].1)
    default: return value
    }
  }

  /// `value` with the node at `path` changed by `change`; a change that
  /// returns nil removes the node (an array element or an object member).
  static func replacing(_ path: [PathStep], in value: JSON, _ change: (JSON) -> JSON?) -> JSON {
    guard let step = path.first else { return change(value) ?? .null }
    let rest = Array(path.dropFirst())
    switch (step, value) {
    case (.index(let i), .array(var items)):
      if rest.isEmpty, let new = change(items[i]) {
        items[i] = new
      } else if rest.isEmpty {
        items.remove(at: i)
      } else {
        items[i] = replacing(rest, in: items[i], change)
      }
      return .array(items)
    case (.member(let i), .object(var members)):
      if rest.isEmpty, let new = change(members[i].1) {
        members[i].1 = new
      } else if rest.isEmpty {
        members.remove(at: i)
      } else {
        members[i].1 = replacing(rest, in: members[i].1, change)
      }
      return .object(members)
    default: return value
    }
  }

  /// One confusion of a node's type or shape; nil removes it.
  static func confuse(_ node: JSON, donor: JSON, _ choices: inout Choices) -> JSON? {
    switch choices.pick(12) {
    case 0: return nil
    case 1: return donor
    case 2: return .null
    case 3: return .bool(choices.pick(2) == 1)
    case 4: return .string(choices.element(of: ["", "1", "0.5", "x", "nan", "\u{1b}[2J", "l2", "1e999"]))
    case 5: return .integer(choices.element(of: [0, 1, -1, 2, 3, Int.max, Int.min, 1 << 53 + 1]))
    case 6:
      return .number(
        choices.element(of: [0, -0.0, 0.5, -1, 1e308, -1e308, Double.leastNonzeroMagnitude, 2.2250738585072014e-308, 1e-30]))
    case 7: return .array([])
    case 8: return .object([])
    case 9: return .array([node])
    case 10:
      // One element more or fewer: the shape checks' favourite off-by-one.
      if case .array(var items) = node {
        if choices.pick(2) == 0, !items.isEmpty { items.removeLast() } else { items.append(items.last ?? donor) }
        return .array(items)
      }
      return .array([node, node])
    default:
      // The same member twice, or a member renamed.
      if case .object(var members) = node, !members.isEmpty {
        let i = choices.pick(members.count)
        if choices.pick(2) == 0 {
          members.append(members[i])
        } else {
          members[i].0 = choices.element(of: ["", "coef ", "Coef", "version", "classes", "x"])
        }
        return .object(members)
      }
      return donor
    }
  }
}
