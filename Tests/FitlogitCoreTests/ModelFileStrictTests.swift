import Foundation
import Testing

import FitlogitCore

/// The model decoder refuses every file it cannot read exactly, naming the
/// field: mixed-type arrays, wrong shapes, an unknown version, repeated
/// keys and names, numbers that are strings (before, `["a", 1, "b"]` read as
/// two classes and `"inf"` as a coefficient).
@Suite struct ModelFileStrictTests {
  /// A valid three-class model; each case below changes one thing.
  static let valid = #"""
    {"format": "fitlogit-model", "version": 1, "fitlogit": "0.1.0", "target": "y",
     "classes": ["a", "b", "c"], "feature_names": ["x", "y", "z", "w"],
     "coef": [[1, 2, 3, 4], [1.5, 2, 3, 4], [0, 0, 0, 0]], "intercept": [0, 0.5, 0],
     "options": {"penalty": "l2", "C": 1.0, "fit_intercept": true, "solver": "lbfgs",
       "tol": 0.0001, "max_iter": 100, "class_weight": {"a": 2, "b": 1}},
     "n_iter": 12, "converged": true}
    """#

  static let encoded = #"""
    {"format": "fitlogit-model", "version": 1, "classes": ["a", "b"],
     "feature_names": ["age", "sex_f", "sex_m"], "coef": [[1, 2, 3]], "intercept": [0],
     "encoding": {"numeric": ["age"], "drop_first": false,
       "categorical": [{"column": "sex", "levels": ["f", "m"], "numeric": false}],
       "scaler": {"mean": [40], "scale": [10]}}}
    """#

  static func decode(_ text: String) throws(ModelFileError) -> LogisticModel {
    try LogisticModel(json: Array(text.utf8))
  }

  @Test func validFilesRead() throws {
    let model = try Self.decode(Self.valid)
    #expect(model.classes == ["a", "b", "c"])
    #expect(Array(model.coef.row(1)) == [1.5, 2, 3, 4])
    #expect(model.intercept == [0, 0.5, 0])
    let encoded = try Self.decode(Self.encoded)
    #expect(encoded.encoding.scaler?.scale == [10])
    #expect(encoded.encoding.categorical.map(\.levels) == [["f", "m"]])
  }

  /// (what to replace in ``valid``, with what, the exact message).
  @Test(arguments: [
    (#""coef": [[1, 2, 3, 4], [1.5, 2, 3, 4]"#, #""coef": [[1, 2, 3, 4], [1.5, 2, 3]"#,
      #""coef"[1]: expected 4 numbers, found 3"#),
    (#"[1.5, 2, 3, 4]"#, #"[1.5, "2", 3, 4]"#, #""coef"[1][1]: expected a number, found "2""#),
    (#"[1.5, 2, 3, 4]"#, #"[1.5, "inf", 3, 4]"#,
      #""coef"[1][1]: expected a number, found "inf""#),
    (#"[1.5, 2, 3, 4]"#, #"[1.5, null, 3, 4]"#, #""coef"[1][1]: expected a number, found null"#),
    (#", [0, 0, 0, 0]]"#, "]", #""coef": expected 3 rows (one per class), found 2"#),
    (#""coef": [[1, 2, 3, 4]"#, #""coef": {"a": [1, 2, 3, 4]}, "x": [[0]"#,
      #""coef": expected an array, found an object"#),
    (#"[1, 2, 3, 4], [1.5"#, #"7, [1.5"#, #""coef"[0]: expected an array, found 7"#),
    (#""intercept": [0, 0.5, 0]"#, #""intercept": [0, 0.5]"#,
      #""intercept": expected 3 numbers, found 2"#),
    (#""intercept": [0, 0.5, 0]"#, #""intercept": 0"#, #""intercept": expected an array, found 0"#),
    (#""classes": ["a", "b", "c"]"#, #""classes": ["a", 1, "c"]"#,
      #""classes"[1]: expected a string, found 1"#),
    (#""classes": ["a", "b", "c"]"#, #""classes": ["a", "b", "a"]"#,
      #""classes"[2]: "a" repeats "classes"[0]"#),
    (#""classes": ["a", "b", "c"]"#, #""classes": ["a"]"#,
      #""classes": expected at least 2 classes, found 1"#),
    (#""feature_names": ["x", "y", "z", "w"]"#, #""feature_names": ["x", "y", "x", "w"]"#,
      #""feature_names"[2]: "x" repeats "feature_names"[0]"#),
    (#""feature_names": ["x", "y", "z", "w"]"#, #""feature_names": ["x", "y", "z", true]"#,
      #""feature_names"[3]: expected a string, found true"#),
    (#""version": 1"#, #""version": 2"#,
      #""version": 2 is newer than this fitlogit (0.1.0) reads (version 1); upgrade fitlogit"#),
    (#""version": 1"#, #""version": "1""#, #""version": expected an integer, found "1""#),
    (#""version": 1"#, #""version": 1.0"#, #""version": expected an integer, found 1.0"#),
    (#""version": 1"#, #""version": 0"#,
      #""version": 0 is not a model file version (this fitlogit reads version 1)"#),
    (#""version": 1,"#, "", #""version" is missing (this fitlogit reads version 1)"#),
    (#""intercept": [0, 0.5, 0]"#, #""intercept": [0, 0.5, 0], "coef": []"#,
      #"member "coef" appears twice"#),
    (#""target": "y""#, #""target": 3"#, #""target": expected a string, found 3"#),
    (#""n_iter": 12"#, #""n_iter": -1"#, #""n_iter": expected an integer >= 0, found -1"#),
    (#""converged": true"#, #""converged": "yes""#,
      #""converged": expected true or false, found "yes""#),
    (#""C": 1.0"#, #""C": "1""#, #""options"."C": expected a number, found "1""#),
    (#""max_iter": 100"#, #""max_iter": 1.5"#,
      #""options"."max_iter": expected an integer, found 1.5"#),
    (#""tol": 0.0001,"#, #""tol": 0.0001, "tol": 1,"#,
      #""options": member "tol" appears twice"#),
    (#"{"a": 2, "b": 1}"#, "[2, 1]",
      #""options"."class_weight": expected null, "balanced" or an object of weights, found an array of 2"#),
    (#"{"a": 2, "b": 1}"#, #"{"a": "2"}"#,
      #""options"."class_weight"."a": expected a number, found "2""#),
    (#""options": {"#, #""options": 1, "x": {"#, #""options": expected an object, found 1"#),
    (#""format": "fitlogit-model""#, #""format": "other""#,
      #"not a fitlogit model file: "format" is "other", not "fitlogit-model""#),
  ])
  func refusesWithTheField(replace: String, with: String, message: String) {
    let text = Self.valid.replacingOccurrences(of: replace, with: with)
    #expect(text != Self.valid)
    #expect(throws: ModelFileError(kind: .notModel, message: message)) {
      try Self.decode(text)
    }
  }

  @Test(arguments: [
    (#""scale": [10]"#, #""scale": [0]"#,
      #""encoding"."scaler"."scale"[0]: expected a number > 0, found 0.0"#),
    (#""mean": [40]"#, #""mean": [40, 1]"#,
      #""encoding"."scaler"."mean": expected 1 number, found 2"#),
    (#""levels": ["f", "m"]"#, #""levels": ["f", "f"]"#,
      #""encoding"."categorical"[0]."levels"[1]: "f" repeats "encoding"."categorical"[0]."levels"[0]"#),
    (#""levels": ["f", "m"], "numeric": false"#, #""levels": ["f", "m"], "numeric": true"#,
      #""encoding"."categorical"[0]."levels"[0]: "f" is not a number, yet "numeric" is true"#),
    (#""levels": ["f", "m"]"#, #""levels": ["f", "n"]"#,
      #""encoding": its columns make the feature "sex_n" where "feature_names"[2] is "sex_m""#),
    (#"[{"column": "sex""#, #"[{"column": "age""#,
      #""encoding": the column "age" is listed twice"#),
    (#""drop_first": false"#, #""drop_first": 0"#,
      #""encoding"."drop_first": expected true or false, found 0"#),
    (#""drop_first": false,"#, "", #""encoding": "drop_first" is missing"#),
    (#"[{"column""#, #"["sex", {"column""#,
      #""encoding"."categorical"[0]: expected an object, found "sex""#),
  ])
  func refusesABadEncoding(replace: String, with: String, message: String) {
    let text = Self.encoded.replacingOccurrences(of: replace, with: with)
    #expect(text != Self.encoded)
    #expect(throws: ModelFileError(kind: .notModel, message: message)) {
      try Self.decode(text)
    }
  }

  /// JSON that RFC 8259 does not allow is not read "generously".
  @Test(arguments: [
    ("[01]", "byte 2: invalid number (a leading zero)"),
    ("[1.]", "byte 2: invalid number (no digit after '.')"),
    ("[1e]", "byte 2: invalid number (no digit in the exponent)"),
    ("[+1]", "byte 2: unexpected character"),
    ("[.5]", "byte 2: unexpected character"),
    ("[-]", "byte 2: invalid number"),
    ("[1e999]", "byte 2: number '1e999' is out of range"),
    ("[\"a\u{FF}\"]", "byte 5: invalid UTF-8 in a string"),
  ])
  func refusesJSONOutsideTheStandard(text: String, message: String) {
    var bytes = Array(text.utf8)
    // "\u{FF}" is two UTF-8 bytes; the case wants one invalid byte.
    if let k = bytes.firstIndex(of: 0xC3) { bytes.replaceSubrange(k...(k + 1), with: [0xFF]) }
    #expect(throws: ModelFileError(
      kind: .notJSON, message: "not a JSON model file (\(message))")
    ) { try LogisticModel(json: bytes) }
  }

  @Test func refusesATopLevelThatIsNotAnObject() {
    #expect(throws: ModelFileError(
      kind: .notModel, message: "not a fitlogit model file: expected an object, found an array of 0")
    ) { try Self.decode("[]") }
    #expect(throws: ModelFileError(
      kind: .notModel, message: #"not a fitlogit model file: no "format": "fitlogit-model""#)
    ) { try Self.decode("{}") }
  }

  /// A name in a message is escaped and cut: a terminal sequence in the
  /// file does not reach the terminal, nor does a megabyte of text.
  @Test func namesInMessagesAreEscapedAndCut() {
    let long = String(repeating: "q", count: 1_000_000)
    let text = Self.valid.replacingOccurrences(
      of: #""classes": ["a", "b", "c"]"#, with: #""classes": ["\u001b[2J", 1, ""# + long + "\"]")
    #expect(throws: ModelFileError(
      kind: .notModel, message: #""classes"[1]: expected a string, found 1"#)
    ) { try Self.decode(text) }
    let target = Self.valid.replacingOccurrences(
      of: #""target": "y""#, with: #""target": [1]"#)
    #expect(throws: ModelFileError(
      kind: .notModel, message: #""target": expected a string, found an array of 1"#)
    ) { try Self.decode(target) }
    let format = Self.valid.replacingOccurrences(
      of: #""format": "fitlogit-model""#, with: #""format": "\u001b[2J"# + long + "\"")
    #expect(throws: ModelFileError(
      kind: .notModel,
      message: #"not a fitlogit model file: "format" is "\u{1b}[2J"#
        + String(repeating: "q", count: 36) + #"…", not "fitlogit-model""#)
    ) { try Self.decode(format) }
  }
}
