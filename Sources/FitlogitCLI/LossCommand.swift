import FitlogitCrossEntropy
import FitlogitJSON

/// `fitlogit loss --y-true LIST --y-pred LIST [options]`: one loss under
/// every convention, or one convention's number.
enum LossCommand {
  /// The options of `loss`, in the order `--help` lists them; `--y-true`
  /// and `--y-pred` are explained in the usage line.
  static let table = OptionTable([
    .text("--y-true", "LIST", required: true),
    .text("--y-pred", "LIST", required: true),
    .choice(
      "--convention", of: Convention.self, default: nil,
      listed: [.exact, .sklearn, .keras2, .keras3],
      help: "print just this convention's number"),
    .flag("--from-logits", help: "y_pred holds logits, not probabilities"),
    .number(
      "--label-smoothing", "F", default: "0", requirement: "in [0, 1]",
      help: "Keras' label smoothing, in [0, 1]"
    ) { $0 >= 0 && $0 <= 1 },
    .choice(
      "--reduction", of: Reduction.self, default: .mean,
      help: "mean (Keras' sum over batch size), sum, or per sample"),
    .text("--sample-weight", "LIST", help: "one weight per sample"),
    .choice(
      "--precision", of: Precision.self, default: .float64,
      help: "float32 reproduces the digits Keras prints"),
    .flag("--json", help: "JSON: {\"loss\", \"convention\", \"reduction\", ...}"),
  ])

  static func run(
    _ words: [String], stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    guard let parsed = try table.parse(words) else {
      stdout.write(Help.loss)
      return
    }
    // Required by the table, so present.
    let trueText = parsed.text("--y-true") ?? ""
    let predText = parsed.text("--y-pred") ?? ""
    let weightText = parsed.text("--sample-weight")
    let convention = parsed.choice("--convention", as: Convention.self)
    var options = LossOptions(convention: convention ?? .keras2)
    options.fromLogits = parsed.flag("--from-logits")
    options.labelSmoothing = parsed.number("--label-smoothing") ?? 0
    options.reduction = parsed.choice("--reduction", as: Reduction.self) ?? .mean
    let precision = parsed.choice("--precision", as: Precision.self) ?? .float64
    let json = parsed.flag("--json")

    let yTrue = try parseList(trueText, option: "--y-true")
    let yPred = try parseList(predText, option: "--y-pred")
    if let weightText {
      let w = try parseList(weightText, option: "--sample-weight")
      guard w.allSatisfy({ $0.count == 1 }) else {
        throw .usage("'--sample-weight' is one number per sample, without ';'")
      }
      options.sampleWeights = w.map { $0[0] }
    }
    let categorical = yTrue.contains { $0.count > 1 } || yPred.contains { $0.count > 1 }
      || trueText.contains(";") || predText.contains(";")
    if !categorical && (yTrue.count == 1 && yPred.count == 1) == false
      && (yTrue.count != yPred.count)
    {
      throw .data("--y-true has \(yTrue.count) values but --y-pred has \(yPred.count)")
    }
    if categorical && !(yTrue.allSatisfy { $0.count > 1 } && yPred.allSatisfy { $0.count > 1 }) {
      throw .data(
        "categorical input needs rows of at least two values in both --y-true and --y-pred "
          + "(one-hot rows for --y-true, separated by ';')")
    }
    do {
      if let convention {
        options.convention = convention
        try single(yTrue, yPred, categorical, options, precision, json, &stdout)
      } else {
        let answers = try compareConventions(
          yTrue: yTrue, yPred: yPred, categorical: categorical, options: options)
        stdout.write(
          json
            ? comparisonJSON(answers, options)
            : comparisonText(answers, yTrue, yPred, categorical, options, precision))
      }
    } catch {
      // The library speaks Keras' argument names; the CLI its own.
      throw .data(error.message.replacing("from_logits", with: "--from-logits"))
    }
  }

  enum Precision: String, CaseIterable { case float64, float32 }

  private static func single(
    _ yTrue: [[Double]], _ yPred: [[Double]], _ categorical: Bool, _ options: LossOptions,
    _ precision: Precision, _ json: Bool, _ out: inout some TextOutputStream
  ) throws(CrossEntropyError) {
    let (r64, r32) = try lossInBothPrecisions(yTrue, yPred, categorical, options)
    let value = precision == .float64 ? r64.value : Double(r32.value)
    let losses = precision == .float64 ? r64.losses : r32.losses.map { Double($0) }
    if json {
      var members: [(String, JSON)] = [
        ("loss", .number(value)), ("convention", .string(options.convention.rawValue)),
        ("reduction", .string(options.reduction.rawValue)),
        ("precision", .string(precision.rawValue)),
      ]
      if options.reduction == .none { members.append(("losses", .numbers(losses))) }
      members.append(("clipped", .array(r64.clipped.map(JSON.integer))))
      out.write(JSON.object(members).text + "\n")
    } else if options.reduction == .none {
      out.write(losses.map(number).joined(separator: "\n") + "\n")
    } else {
      out.write(number(value) + "\n")
    }
  }

  private static func comparisonText(
    _ answers: [ConventionAnswer], _ yTrue: [[Double]], _ yPred: [[Double]],
    _ categorical: Bool, _ options: LossOptions, _ precision: Precision
  ) -> String {
    func show(_ rows: [[Double]]) -> String {
      rows.map { $0.map(shortest).joined(separator: " ") }
        .joined(separator: categorical ? "; " : " ")
    }
    let n = yTrue.count
    var out = "y_true = [\(show(yTrue))]\ny_pred = [\(show(yPred))]\n"
    let kind = categorical ? "categorical" : "binary"
    let reduction =
      options.reduction == .sum
      ? "summed over" : options.reduction == .none ? "per sample, mean of" : "mean over"
    out += "\(kind) cross-entropy\(options.fromLogits ? " from logits" : ""), "
      + "\(reduction) \(n) sample\(n == 1 ? "" : "s"):\n\n"
    let width = answers.map { ($0.value.map(number) ?? "n/a").count }.max() ?? 3
    for a in answers {
      let value = a.value.map(number) ?? "n/a"
      let pad = String(repeating: " ", count: width - value.count)
      var line = "  " + a.convention.rawValue.padding(7) + " " + value + pad
      if let f = a.float32 { line += "   float32 " + number(f) }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
      var why = "          " + a.reason
      if a.value != nil {
        why += a.clipped.isEmpty
          ? "; no sample clipped"
          : "; clipped: sample\(a.clipped.count == 1 ? "" : "s") "
            + a.clipped.map { String($0 + 1) }.joined(separator: ", ")
      }
      out += why + "\n"
    }
    if options.reduction == .none {
      out += "\nper-sample losses:\n"
      for a in answers where a.value != nil {
        out += "  " + a.convention.rawValue.padding(7) + " "
          + a.losses.map(number).joined(separator: " ") + "\n"
      }
    }
    if !categorical && !options.fromLogits && options.reduction == .mean && n > 1,
      let keras3 = answers.first(where: { $0.convention == .keras3 })?.value
    {
      let summed = keras3 * Double(n)
      out += "\nA hand-written formula that sums instead of averaging (np.dot "
        + "over the wrong axis, dividing by y.shape[1] = 1: the question \"my "
        + "formula gives 16.12, TensorFlow says 5.1416\") gets "
        + "\(printf("%.8f", summed)) here: "
        + "divide by the \(n) samples to get Keras 3's \(printf("%.4f", keras3)); "
        + "TensorFlow's keras2 value also adds 1e-7 inside each log.\n"
    }
    _ = precision
    return out
  }

  private static func comparisonJSON(_ answers: [ConventionAnswer], _ o: LossOptions) -> String {
    let rows: [JSON] = answers.map { a in
      var members: [(String, JSON)] = [
        ("convention", .string(a.convention.rawValue)),
        ("loss", a.value.map(JSON.number) ?? .null),
        ("float32", a.float32.map(JSON.number) ?? .null),
      ]
      if o.reduction == .none { members.append(("losses", .numbers(a.losses))) }
      members += [
        ("clipped", .array(a.clipped.map(JSON.integer))), ("reason", .string(a.reason)),
      ]
      return .object(members)
    }
    return JSON.object([
      ("reduction", .string(o.reduction.rawValue)), ("conventions", .array(rows)),
    ]).text + "\n"
  }

  /// Shortest round-trip text; infinity as "inf".
  static func number(_ v: Double) -> String {
    v.isInfinite ? (v > 0 ? "inf" : "-inf") : v.isNaN ? "nan" : "\(v)"
  }

  /// `1,0,1` or `0.1,0.9;0.8,0.2`: rows of finite numbers.
  static func parseList(_ text: String, option: String) throws(CommandError) -> [[Double]] {
    var rows: [[Double]] = []
    for (r, rowText) in text.split(separator: ";", omittingEmptySubsequences: false).enumerated() {
      var row: [Double] = []
      for (i, item) in rowText.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
        let trimmed = item.trimmingSpaces
        guard let v = Double(trimmed), v.isFinite else {
          let position = text.contains(";") ? "row \(r + 1), item \(i + 1)" : "item \(i + 1)"
          throw .usage(
            "'\(option)' expects comma-separated finite numbers (rows separated by ';'), "
              + "found \(shown(String(trimmed))) at \(position)")
        }
        row.append(v)
      }
      rows.append(row)
    }
    let flat = !text.contains(";")
    return flat ? rows[0].map { [$0] } : rows
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    drop { $0 == " " }.reversed().drop { $0 == " " }.reversed().map { $0 }.reduce(into: "") {
      $0.append($1)
    }[...]
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }
}
