import FitlogitCrossEntropy
import FitlogitData
import FitlogitSystem

/// `fitlogit loss FILE.csv --y-true COL --y-pred COL`: the losses of a file
/// of any length, read in blocks (``CSVNumberStream``) and summed block by
/// block, so memory stays that of one block.
///
/// Each block's losses are summed in their precision (float32 as Keras and
/// PyTorch compute), the block sums added in float64, and the total divided
/// once by the summed denominators (n, the weights, the samples not
/// ignored): the mean of the whole file, as if computed at once.
struct LossFile {
  var path: String
  var loss: FrameworkLoss?
  var options: LossOptions
  var precision: LossCommand.Precision
  var json: Bool

  /// The columns: `--y-true` one name (labels or class indices) or K
  /// (one-hot); `--y-pred` one name or K, or every column whose name starts
  /// with `--y-pred-prefix`.
  struct Columns {
    var yTrue: [String]
    var yPred: [String]?
    var yPredPrefix: String?
    var sampleWeight: String?
  }

  /// One loss's running totals.
  private struct Total {
    var loss: FrameworkLoss
    var sum64 = 0.0
    var denominator64 = 0.0
    var sum32 = 0.0
    var denominator32 = 0.0
    var clipped: [Int] = []
    var clippedCount = 0
    var refusal: String?
    var nonFinite = false
  }

  func run(
    _ columns: Columns, categoricalFlag: Bool, stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    if path != "-" { _ = try FileSystem.isRegularFile(path) }
    let name = path == "-" ? "<stdin>" : path
    if options.reduction == .none && loss == nil {
      throw .usage(
        "'--reduction none' with FILE.csv prints one loss per row: choose it with --convention")
    }
    var layout = (trueCount: 0, predCount: 0, weighted: false, predNames: [String](), indices: [Int]())
    var totals: [Total] = []
    var rows = 0
    var warned = false
    var categorical = categoricalFlag
    var failure: CommandError?
    do throws(CSVError) {
      try CSVNumberStream.read(
        path: path, name: name,
        select: { (header) throws(CSVError) -> [Int] in
          let picked = try Self.select(columns, header, file: name)
          let indices = picked.yTrue + picked.yPred + (picked.weight.map { [$0] } ?? [])
          layout = (
            picked.yTrue.count, picked.yPred.count, picked.weight != nil,
            picked.yPred.map { header[$0] }, indices
          )
          categorical = categorical || picked.yPred.count > 1
          return indices
        },
        body: { (block) throws(CSVError) in
          if totals.isEmpty {
            if categorical && layout.predCount < 2 {
              throw CSVError(
                file: name, line: 1, column: 1,
                message: "categorical input needs two or more --y-pred columns")
            }
            let chosen =
              loss.map { [$0] }
              ?? FrameworkLoss.allCases.filter {
                (categorical ? $0.takesCategorical : $0.takesBinary)
                  && !($0 == .torchCrossEntropyLossOnProbabilities && options.fromLogits)
              }
            totals = chosen.map { Total(loss: $0) }
          }
          let arrays = try Self.split(
            block, layout.trueCount, layout.predCount, layout.weighted, layout.indices,
            categorical, options, file: name)
          if categorical && !options.fromLogits && !warned && (loss == nil || loss == .sklearn) {
            if let warning = LossReport.rowSumWarning(
              arrays.rowsPred, row: { "line \(block.lines[$0]) of \(printable(name))" })
            {
              warned = true
              stderr.write("fitlogit: warning: \(warning)\n")
            }
          }
          var o = options
          o.sampleWeights = arrays.weights
          if o.reduction == .mean { o.reduction = .sum }
          for t in totals.indices where totals[t].refusal == nil {
            do throws(CrossEntropyError) {
              if let text = try Self.add(
                &totals[t], arrays, o, block.offset,
                perSample: options.reduction == .none ? precision : nil,
                only: loss.map { $0.float32Only || precision == .float32 ? .float32 : .float64 })
              {
                stdout.write(text)
              }
            } catch {
              if loss != nil || !FrameworkLoss.isRefusal(error) {
                failure = .data(
                  "\(printable(name)): rows \(block.lines.first!)-\(block.lines.last!): "
                    + error.message.replacing("from_logits", with: "--from-logits"))
                throw CSVError(file: name, line: 0, column: 0, message: "")
              }
              totals[t].refusal = error.message
            }
          }
          rows += block.rows
        })
    } catch {
      if let failure { throw failure }
      throw .data(error.description)
    }
    if options.reduction == .none { return }
    let answers = totals.map { t in
      Self.answer(t, options: options, categorical: categorical)
    }
    if let loss, let a = answers.first {
      if let refusal = totals[0].refusal { throw .data(refusal) }
      let value = precision == .float32 || loss.float32Only ? a.float32! : a.value!
      stdout.write(
        json
          ? LossReport.singleJSON(
            loss, value: value, options: options,
            precision: loss.float32Only ? .float32 : precision, clipped: a.clipped)
          : LossCommand.number(value) + "\n")
      return
    }
    let trueNames = columns.yTrue.joined(separator: ",")
    let heading =
      "\(rows) sample\(rows == 1 ? "" : "s") from \(printable(name)): y_true \(trueNames), "
      + "y_pred \(layout.predNames.joined(separator: ","))"
      + (columns.sampleWeight.map { ", sample weight \($0)" } ?? "") + "\n"
    stdout.write(
      json
        ? LossReport.comparisonJSON(answers, options)
        : LossReport.comparisonText(
          answers, heading: heading, n: rows, categorical: categorical, options))
  }

  /// The header's indices of the chosen columns.
  private static func select(
    _ c: Columns, _ header: [String], file: String
  ) throws(CSVError) -> (yTrue: [Int], yPred: [Int], weight: Int?) {
    func index(_ name: String, _ option: String) throws(CSVError) -> Int {
      guard let j = header.firstIndex(of: name) else {
        throw CSVError(
          file: file, line: 1, column: 1,
          message: "no column named \"\(name)\" for \(option); the columns are "
            + columnList(header) { quoted($0, limit: 40) })
      }
      return j
    }
    var yTrue: [Int] = []
    for name in c.yTrue { yTrue.append(try index(name, "--y-true")) }
    var yPred: [Int] = []
    if let prefix = c.yPredPrefix {
      yPred = header.indices.filter { header[$0].hasPrefix(prefix) && !yTrue.contains($0) }
      if yPred.isEmpty {
        throw CSVError(
          file: file, line: 1, column: 1,
          message: "no column name starts with \"\(prefix)\" (--y-pred-prefix); the columns are "
            + columnList(header) { quoted($0, limit: 40) })
      }
    } else {
      for name in c.yPred ?? [] { yPred.append(try index(name, "--y-pred")) }
    }
    let weight = try c.sampleWeight.map { (w) throws(CSVError) in
      try index(w, "--sample-weight")
    }
    return (yTrue, yPred, weight)
  }

  /// One block in the shapes the losses take, in both precisions, made
  /// once per block: flat arrays for binary input, rows for categorical.
  private struct Arrays {
    var t: [Double] = []
    var p: [Double] = []
    var t32: [Float] = []
    var p32: [Float] = []
    var rowsTrue: [[Double]] = []
    var rowsPred: [[Double]] = []
    var weights: [Double]?
    var categorical: Bool
  }

  /// A block's numbers, checked where the row and column are known:
  /// labels and probabilities in [0, 1], class indices in range, weights >= 0.
  private static func split(
    _ block: CSVNumberBlock, _ trueCount: Int, _ predCount: Int, _ weighted: Bool,
    _ indices: [Int], _ categorical: Bool, _ o: LossOptions, file: String
  ) throws(CSVError) -> Arrays {
    let width = block.columns
    var a = Arrays(weights: weighted ? [] : nil, categorical: categorical)
    if categorical {
      a.rowsTrue.reserveCapacity(block.rows)
      a.rowsPred.reserveCapacity(block.rows)
    } else {
      a.t.reserveCapacity(block.rows)
      a.p.reserveCapacity(block.rows)
    }
    for i in 0..<block.rows {
      let base = i * width
      let line = block.lines[i]
      if !categorical && !weighted {
        // The common case, one label and one probability, without slices.
        let y = block.values[base]
        let q = block.values[base + 1]
        if !(y >= 0 && y <= 1) || (!o.fromLogits && !(q >= 0 && q <= 1)) {
          _ = try check(block.values[base..<base + 1], block.values[base + 1..<base + 2], line)
        }
        a.t.append(y)
        a.p.append(q)
        continue
      }
      let t = block.values[base..<(base + trueCount)]
      let p = block.values[(base + trueCount)..<(base + trueCount + predCount)]
      _ = try check(t, p, line)
      if weighted {
        let w = block.values[base + width - 1]
        if !(w >= 0) {
          throw CSVError(
            file: file, line: line, column: indices[width - 1] + 1,
            message: "a sample weight must be >= 0, found \(shortest(w))")
        }
        a.weights!.append(w)
      }
      if categorical {
        a.rowsTrue.append(Array(t))
        a.rowsPred.append(Array(p))
      } else {
        a.t.append(t.first!)
        a.p.append(p.first!)
      }
    }
    if !categorical {
      a.t32 = a.t.map(Float.init)
      a.p32 = a.p.map(Float.init)
    }
    return a

    /// Throws the message for the first bad value of the row.
    func check(
      _ t: ArraySlice<Double>, _ p: ArraySlice<Double>, _ line: Int
    ) throws(CSVError) -> Bool {
      let base = t.startIndex
      if categorical && trueCount == 1 {
        let k = t.first!
        let inRange = k >= 0 && k < Double(predCount)
        if !(k == k.rounded() && (inRange || Int(exactly: k) == o.ignoreIndex)) {
          throw CSVError(
            file: file, line: line, column: indices[0] + 1,
            message: "y_true class index \(shortest(k)) is not in 0..<\(predCount)")
        }
      } else if let bad = t.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
        throw CSVError(
          file: file, line: line, column: indices[bad - base] + 1,
          message: "y_true value \(shortest(t[bad])) is not a probability in [0, 1]")
      }
      if !o.fromLogits, let bad = p.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
        throw CSVError(
          file: file, line: line, column: indices[bad - base] + 1,
          message: "y_pred value \(shortest(p[bad])) is not a probability in [0, 1]; "
            + "pass logits with --from-logits")
      }
      return true
    }
  }

  /// Adds one block's sums to `total` (and writes its per-sample losses).
  private static func add(
    _ total: inout Total, _ a: Arrays, _ o: LossOptions, _ offset: Int,
    perSample: LossCommand.Precision?, only: LossCommand.Precision?
  ) throws(CrossEntropyError) -> String? {
    let loss = total.loss
    var o = o
    // The metric classes take no reduction but their mean: undo it.
    let metric = loss.isMetric && o.reduction == .sum
    if metric { o.reduction = .mean }
    // A single loss needs one precision; the side-by-side view both.
    var r64: LossResult<Double>?
    var r32: LossResult<Float>?
    if only != .float32 {
      r64 =
        a.categorical
        ? try loss.loss(yTrue: a.rowsTrue, yPred: a.rowsPred, categorical: true, options: o)
        : try loss.binaryLoss(yTrue: a.t, yPred: a.p, options: o)
      if metric { r64!.value *= r64!.denominator }
    }
    if only != .float64 {
      r32 =
        a.categorical
        ? try loss.loss(
          yTrue: a.rowsTrue.map { $0.map(Float.init) },
          yPred: a.rowsPred.map { $0.map(Float.init) }, categorical: true, options: o)
        : try loss.binaryLoss(yTrue: a.t32, yPred: a.p32, options: o)
      if metric { r32!.value = Float(Double(r32!.value) * Double(r32!.denominator)) }
    }
    if perSample != nil {
      let values = r64?.losses ?? r32!.losses.map(Double.init)
      var text = ""
      for v in values { text += LossCommand.number(v) + "\n" }
      return text
    }
    if let r64 {
      total.sum64 += r64.value
      total.denominator64 += r64.denominator
    }
    if let r32 {
      total.sum32 += Double(r32.value)
      total.denominator32 += Double(r32.denominator)
    }
    let clipped = r64?.clipped ?? r32!.clipped
    total.clippedCount += clipped.count
    for i in clipped where total.clipped.count < 10 { total.clipped.append(offset + i) }
    return nil
  }

  private static func answer(
    _ t: Total, options o: LossOptions, categorical: Bool
  ) -> LossAnswer {
    if let refusal = t.refusal {
      return LossAnswer(
        loss: t.loss, value: nil, float32: nil, losses: [], clipped: [],
        reason: "not applicable: " + refusal)
    }
    let mean = o.reduction == .mean
    let v64 = mean ? t.sum64 / t.denominator64 : t.sum64
    let v32 = Double(Float(mean ? t.sum32 / t.denominator32 : t.sum32))
    return LossAnswer(
      loss: t.loss, value: t.loss.float32Only ? nil : v64, float32: v32, losses: [],
      clipped: t.clipped, clippedCount: t.clippedCount,
      reason: t.loss.reason(categorical: categorical, options: o, value: v64))
  }
}
