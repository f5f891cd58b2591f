import FitlogitCrossEntropy

/// `fitlogit loss --y-true LIST --y-pred LIST [options]` or
/// `fitlogit loss FILE.csv --y-true COL --y-pred COL`: one loss under every
/// framework's convention, or one framework's number.
enum LossCommand {
  /// The options of `loss`, in the order `--help` lists them; `--y-true`
  /// and `--y-pred` are explained in the usage line.
  static let table = OptionTable(
    [
      .text("--y-true", "LIST", required: true),
      .text("--y-pred", "LIST"),
      .text(
        "--convention", "NAME",
        help: "print just this loss: keras2, keras3, sklearn, exact,",
        "or a framework's name: torch.BCELoss, mlx.nll_loss,",
        "optax.softmax_cross_entropy, keras.losses.BinaryCrossentropy..."),
      .text(
        "--y-pred-prefix", "P", help: "FILE: the y_pred columns are those named P..."),
      .flag("--from-logits", help: "y_pred holds logits, not probabilities"),
      .flag(
        "--categorical",
        help: "0,1,0 is one sample of 3 classes (as is 0,1,0;)"),
      .number(
        "--label-smoothing", "F", default: "0", requirement: "in [0, 1]",
        help: "Keras' and PyTorch's label smoothing, in [0, 1]"
      ) { $0 >= 0 && $0 <= 1 },
      .choice(
        "--reduction", of: Reduction.self, default: .mean,
        help: "mean (Keras' sum over batch size), sum, or per sample"),
      .text("--sample-weight", "LIST", help: "one weight per sample (FILE: a column)"),
      .text(
        "--class-weight", "LIST", help: "per-class weight (torch CrossEntropyLoss, NLLLoss)"),
      .number(
        "--pos-weight", "F", default: nil, requirement: ">= 0",
        help: "torch BCEWithLogitsLoss's pos_weight"
      ) { $0 >= 0 },
      .integer(
        "--ignore-index", "N", default: nil, requirement: "(a class index)",
        help: "class left out (torch ignore_index, Keras ignore_class)"
      ) { _ in true },
      .number(
        "--gamma", "F", default: "2", requirement: ">= 0",
        help: "the focal losses' exponent of (1 - p_t)"
      ) { $0 >= 0 },
      .number(
        "--alpha", "F", default: nil, requirement: "in [0, 1]",
        help: "the focal losses' alpha (Keras: 0.25; optax: none)"
      ) { $0 >= 0 && $0 <= 1 },
      .flag(
        "--class-balancing",
        help: "Keras' apply_class_balancing (BinaryFocalCrossentropy)"),
      .choice(
        "--precision", of: Precision.self, default: .float64,
        help: "float32 reproduces the digits Keras and PyTorch print"),
      .flag("--json", help: "JSON: {\"loss\", \"convention\", \"reduction\", ...}"),
    ], optionalPositional: "FILE.csv")

  static func run(
    _ words: [String], stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    guard let parsed = try table.parse(words, help: Help.loss, stdout: &stdout) else { return }
    // Required by the table, so present.
    let trueText = parsed.text("--y-true") ?? ""
    let loss: FrameworkLoss? = try parsed.text("--convention").map {
      (text) throws(CommandError) in
      guard let loss = FrameworkLoss(name: text) else {
        throw .usage(
          "'--convention' must be keras2, keras3, sklearn, exact or a framework's loss "
            + "name such as torch.BCELoss (see 'fitlogit loss --help'), found \(shown(text))")
      }
      return loss
    }
    var options = LossOptions(convention: .keras2)
    options.fromLogits = parsed.flag("--from-logits")
    options.labelSmoothing = parsed.number("--label-smoothing") ?? 0
    options.reduction = parsed.choice("--reduction", as: Reduction.self) ?? .mean
    options.posWeight = parsed.number("--pos-weight")
    options.ignoreIndex = parsed.integer("--ignore-index")
    options.gamma = parsed.number("--gamma") ?? 2
    options.alpha = parsed.number("--alpha")
    options.classBalancing = parsed.flag("--class-balancing")
    if let text = parsed.text("--class-weight") {
      let w = try parseList(text, option: "--class-weight")
      guard w.allSatisfy({ $0.count == 1 }) else {
        throw .usage("'--class-weight' is one number per class, without ';'")
      }
      options.classWeights = w.map { $0[0] }
    }
    let precision = parsed.choice("--precision", as: Precision.self) ?? .float64
    let json = parsed.flag("--json")

    let input: LossInput
    if let file = parsed.positionals.first {
      if parsed.text("--y-pred") == nil && parsed.text("--y-pred-prefix") == nil {
        throw .usage("missing --y-pred COL (or --y-pred-prefix P)")
      }
      let columns = LossFile.Columns(
        yTrue: trueText.split(separator: ",").map(String.init),
        yPred: parsed.text("--y-pred").map { $0.split(separator: ",").map(String.init) },
        yPredPrefix: parsed.text("--y-pred-prefix"),
        sampleWeight: parsed.text("--sample-weight"))
      try LossFile(path: file, loss: loss, options: options, precision: precision, json: json)
        .run(
          columns, categoricalFlag: parsed.flag("--categorical"), stdout: &stdout,
          stderr: &stderr)
      return
    } else {
      guard let predText = parsed.text("--y-pred") else { throw .usage("missing --y-pred LIST") }
      if parsed.text("--y-pred-prefix") != nil {
        throw .usage("'--y-pred-prefix' names columns of FILE.csv; give the file")
      }
      input = try LossInput.lists(
        yTrue: trueText, yPred: predText, sampleWeight: parsed.text("--sample-weight"),
        categorical: parsed.flag("--categorical"))
    }
    options.sampleWeights = input.sampleWeights
    if input.categorical && !options.fromLogits && (loss == nil || loss == .sklearn),
      let warning = LossReport.rowSumWarning(input.yPred)
    {
      stderr.write("fitlogit: warning: \(warning)\n")
    }
    do {
      if let loss {
        let (r64, r32) = try loss.lossInBothPrecisions(
          yTrue: input.yTrue, yPred: input.yPred, categorical: input.categorical,
          options: options)
        stdout.write(
          LossReport.single(
            loss, r64, r32, options: options,
            precision: loss.float32Only ? .float32 : precision, json: json))
      } else {
        let answers = try compareLosses(
          yTrue: input.yTrue, yPred: input.yPred, categorical: input.categorical,
          options: options)
        stdout.write(
          json
            ? LossReport.comparisonJSON(answers, options)
            : LossReport.comparisonText(
              answers, heading: LossReport.heading(input), n: input.count,
              categorical: input.categorical, options))
      }
    } catch {
      // The library speaks the frameworks' argument names; the CLI its own.
      throw .data(
        error.message.replacing("from_logits", with: "--from-logits")
          .replacing("(torch's BCEWithLogitsLoss does)", with: "(torch.BCEWithLogitsLoss does)"))
    }
  }

  enum Precision: String, CaseIterable { case float64, float32 }

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
