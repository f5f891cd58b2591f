/// The targets and predictions `loss` computes on, from command-line lists
/// or from a CSV file.
struct LossInput {
  /// n rows: a label, a class index, or K targets.
  var yTrue: [[Double]]
  /// n rows: a probability or logit, or K of them.
  var yPred: [[Double]]
  var sampleWeights: [Double]?
  var categorical: Bool
  /// Where the data came from, for the report's first lines (nil: lists,
  /// which the report prints).
  var source: String?

  var count: Int { yPred.count }

  /// `--y-true 1,0,1 --y-pred 0.9,0.2,0.7`, or rows separated by `;`. A
  /// list ending in `;` (`0,1,0;`) is one categorical row, as is any list
  /// with `--categorical`; a flat `--y-true` beside categorical rows holds
  /// class indices.
  static func lists(
    yTrue trueText: String, yPred predText: String, sampleWeight: String?, categorical: Bool
  ) throws(CommandError) -> LossInput {
    let (yTrue, trueRow) = try rows(trueText, option: "--y-true")
    let (yPred, predRow) = try rows(predText, option: "--y-pred")
    var input = LossInput(
      yTrue: yTrue, yPred: yPred, sampleWeights: nil,
      categorical: categorical || trueRow || predRow
        || yTrue.contains { $0.count > 1 } || yPred.contains { $0.count > 1 })
    if categorical && !predRow && yPred.count > 1 && yPred.allSatisfy({ $0.count == 1 }) {
      // --categorical with flat lists: one sample of K classes.
      input.yPred = [yPred.map { $0[0] }]
      input.yTrue = yTrue.count == 1 ? yTrue : [yTrue.map { $0[0] }]
    }
    if let sampleWeight {
      let (w, _) = try rows(sampleWeight, option: "--sample-weight")
      guard w.allSatisfy({ $0.count == 1 }) else {
        throw .usage("'--sample-weight' is one number per sample, without ';'")
      }
      input.sampleWeights = w.map { $0[0] }
    }
    if !input.categorical && input.yTrue.count != input.yPred.count {
      throw .data(
        "--y-true has \(input.yTrue.count) values but --y-pred has \(input.yPred.count)")
    }
    if input.categorical && !input.yPred.allSatisfy({ $0.count > 1 }) {
      throw .data(
        "categorical input needs rows of at least two values in --y-pred (separated by "
          + "';'); --y-true holds one-hot rows or class indices")
    }
    return input
  }

  /// Parses a list; true when it ends in `;` (one categorical row).
  private static func rows(
    _ text: String, option: String
  ) throws(CommandError) -> ([[Double]], Bool) {
    var body = Substring(text)
    while body.last == " " { body.removeLast() }
    if body.hasSuffix(";") {
      body.removeLast()
      let rows = try LossCommand.parseList(String(body) + ";0", option: option)
      return (Array(rows.dropLast()), true)
    }
    return (try LossCommand.parseList(text, option: option), false)
  }
}
