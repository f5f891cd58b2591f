// JSON in its own module: the model file (FitlogitCore) and the CLI's
// --json reports (fit, predict, summary, loss) write the same text, and the
// loss report has nothing to do with the model, so neither owns it. It knows
// nothing of logistic regression; its API is `package`, not `public`: it
// serves this package and is no promise to library users.

import FitlogitSystem

/// A JSON value, written deterministically (keys in insertion order).
///
/// Doubles print in Swift's shortest round-trip form; a non-finite number
/// has no JSON spelling and prints as the string "inf", "-inf" or "nan",
/// the contract docs/DESIGN.md gives for an infinite loss.
package enum JSON {
  case number(Double)
  case integer(Int)
  case string(String)
  case bool(Bool)
  case null
  case array([JSON])
  case object([(String, JSON)])

  package static func numbers(_ v: [Double]) -> JSON { .array(v.map(JSON.number)) }
  package static func strings(_ v: [String]) -> JSON { .array(v.map(JSON.string)) }

  /// Compact text, with one space after `:` and `,` for readability.
  package var text: String {
    var out = ""
    write(to: &out)
    return out
  }

  package func write(to out: inout String) {
    switch self {
    case .number(let v):
      if v.isNaN {
        out += "\"nan\""
      } else if v.isInfinite {
        out += v > 0 ? "\"inf\"" : "\"-inf\""
      } else {
        out += "\(v)"
      }
    case .integer(let v): out += String(v)
    case .string(let s): JSON.writeString(s, to: &out)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      out += "["
      for (k, item) in items.enumerated() {
        if k > 0 { out += ", " }
        item.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (k, (key, value)) in members.enumerated() {
        if k > 0 { out += ", " }
        JSON.writeString(key, to: &out)
        out += ": "
        value.write(to: &out)
      }
      out += "}"
    }
  }

  package static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        // Controls, and the invisible characters a terminal would obey
        // (C1, bidirectional overrides): the same string, spelled \uXXXX.
        if needsEscape(scalar) {
          for unit in String(scalar).utf16 {
            let hex = String(unit, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
