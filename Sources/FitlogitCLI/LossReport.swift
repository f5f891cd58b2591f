import FitlogitCrossEntropy
import FitlogitJSON

/// What `fitlogit loss` prints: one number, or every framework side by side
/// in four families, as text or JSON.
enum LossReport {
  /// One loss: its value, its per-sample values, or JSON.
  static func single(
    _ loss: FrameworkLoss, _ r64: LossResult<Double>, _ r32: LossResult<Float>,
    options: LossOptions, precision: LossCommand.Precision, json: Bool
  ) -> String {
    let value = precision == .float64 ? r64.value : Double(r32.value)
    let losses = precision == .float64 ? r64.losses : r32.losses.map { Double($0) }
    if json {
      return singleJSON(
        loss, value: value, options: options, precision: precision, clipped: r64.clipped,
        losses: options.reduction == .none ? losses : nil)
    }
    if options.reduction == .none {
      return losses.map(LossCommand.number).joined(separator: "\n") + "\n"
    }
    return LossCommand.number(value) + "\n"
  }

  /// `{"loss", "convention", "reduction", "precision", ("losses"), "clipped"}`.
  static func singleJSON(
    _ loss: FrameworkLoss, value: Double, options: LossOptions,
    precision: LossCommand.Precision, clipped: [Int], losses: [Double]? = nil
  ) -> String {
    var members: [(String, JSON)] = [
      ("loss", .number(value)), ("convention", .string(loss.rawValue)),
      ("reduction", .string(options.reduction.rawValue)),
      ("precision", .string(precision.rawValue)),
    ]
    if let losses { members.append(("losses", .numbers(losses))) }
    members.append(("clipped", .array(clipped.map(JSON.integer))))
    return JSON.object(members).text + "\n"
  }

  /// The lists themselves, as the first lines of the side-by-side text.
  static func heading(_ input: LossInput) -> String {
    func show(_ rows: [[Double]]) -> String {
      rows.map { $0.map(shortest).joined(separator: " ") }
        .joined(separator: input.categorical ? "; " : " ")
    }
    return "y_true = [\(show(input.yTrue))]\ny_pred = [\(show(input.yPred))]\n"
  }

  /// Every loss, grouped by what it does at 0 and 1; those that do not take
  /// these arguments listed last with the reason.
  static func comparisonText(
    _ answers: [LossAnswer], heading: String, n: Int, categorical: Bool, _ o: LossOptions
  ) -> String {
    var out = heading
    let kind = categorical ? "categorical" : "binary"
    let reduction =
      o.reduction == .sum
      ? "summed over" : o.reduction == .none ? "per sample, mean of" : "mean over"
    out += "\(kind) cross-entropy\(o.fromLogits ? " from logits" : ""), "
      + "\(reduction) \(n) sample\(n == 1 ? "" : "s"):\n"
    let shown = answers.filter(\.applies)
    let nameWidth = shown.map(\.loss.rawValue.count).max() ?? 0
    let valueWidth = shown.map { ($0.value.map(LossCommand.number) ?? "").count }.max() ?? 0
    for family in LossFamily.allCases {
      let members = shown.filter { $0.loss.family == family }
      if members.isEmpty { continue }
      out += "\n\(family.rawValue): \(family.explanation)\n"
      for a in members {
        let value = a.value.map(LossCommand.number) ?? ""
        var line = "  " + a.loss.rawValue.padding(nameWidth) + "  " + value.padding(valueWidth)
        if let f = a.float32 { line += "   float32 " + LossCommand.number(f) }
        while line.hasSuffix(" ") { line.removeLast() }
        out += line + "\n      " + a.reason + clippedNote(a.clipped, a.clippedCount) + "\n"
      }
    }
    let skipped = answers.filter { !$0.applies }
    if !skipped.isEmpty {
      out += "\nnot applicable here:\n"
      for a in skipped {
        out += "  \(a.loss.rawValue): "
          + a.reason.replacing("not applicable: ", with: "")
            .replacing("from_logits", with: "--from-logits") + "\n"
      }
    }
    if o.reduction == .none {
      out += "\nper-sample losses:\n"
      for a in shown {
        out += "  " + a.loss.rawValue.padding(nameWidth) + "  "
          + a.losses.map(LossCommand.number).joined(separator: " ") + "\n"
      }
    }
    if !categorical && !o.fromLogits && o.reduction == .mean && n > 1,
      let keras3 = answers.first(where: { $0.loss == .keras3 })?.value
    {
      let summed = keras3 * Double(n)
      out += "\nA hand-written formula that sums instead of averaging (np.dot "
        + "over the wrong axis, dividing by y.shape[1] = 1: the question \"my "
        + "formula gives 16.12, TensorFlow says 5.1416\") gets "
        + "\(printf("%.8f", summed)) here: "
        + "divide by the \(n) samples to get Keras 3's \(printf("%.4f", keras3)); "
        + "the 5.1416 is tf.keras of TensorFlow <= 2.15 (keras2), which also adds 1e-7 "
        + "inside each log.\n"
    }
    return out
  }

  /// "; clipped: samples 1, 2, 3", only when something was clipped.
  private static func clippedNote(_ clipped: [Int], _ count: Int) -> String {
    if count == 0 { return "" }
    let listed = clipped.prefix(10).map { String($0 + 1) }.joined(separator: ", ")
    return "; clipped: sample\(count == 1 ? "" : "s") " + listed
      + (count > 10 ? ", ... (\(count) in all)" : "")
  }

  static func comparisonJSON(_ answers: [LossAnswer], _ o: LossOptions) -> String {
    let rows: [JSON] = answers.map { a in
      var members: [(String, JSON)] = [
        ("convention", .string(a.loss.rawValue)),
        ("family", .string(a.loss.family.rawValue)),
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

  /// scikit-learn 1.9's `log_loss` warning, when a row of probabilities
  /// does not sum to 1 (within its rtol of √ε plus numpy's atol of 1e-8).
  static func rowSumWarning(
    _ rows: [[Double]], row describe: (Int) -> String = { "row \($0 + 1)" }
  ) -> String? {
    for (i, row) in rows.enumerated() {
      var s = 0.0
      for v in row { s += v }
      if !(abs(s - 1) <= 1e-8 + 1.4901161193847656e-08) {
        return "as scikit-learn's log_loss warns, the y_pred values do not sum to one "
          + "(\(describe(i)) sums to \(shortest(s))): make sure to pass probabilities; "
          + "Keras divides each row by its sum, scikit-learn does not"
      }
    }
    return nil
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }
}
