import FitlogitSystem

extension Dataset {
  /// A text column with more distinct values than this, and more than half
  /// as many as rows, is an identifier (a name, an id), not a category.
  static let identifierLevels = 20

  /// Turns the parsed cells into the dataset: rows with missing values
  /// refused or dropped, categorical columns one-hot encoded in
  /// `get_dummies` order, classes ordered, a continuous target refused.
  ///
  /// - Parameters:
  ///   - forced: Feature columns (matrix order) that `--categorical` names.
  ///   - floatCoded: The numeric ones among them that pandas reads as
  ///     float64: their levels are named `1.0`, not `1`.
  static func encode(
    _ cells: CSVCells, names: [String], headerLine: Int,
    roles: CSVColumnRoles, forced: Set<Int>, floatCoded: Set<Int> = [],
    options: CSVReadOptions,
    file: String
  ) throws(CSVError) -> Dataset {
    let n = cells.rows
    let d = roles.featureIndices.count
    let targetIndex = roles.targetIndex!

    // Missing values: counted per used column, in file order.
    let labelMissing = cells.distinctLabels.map(MissingToken.matches)
    var keep = [Bool](repeating: true, count: n)
    var missingIn = [Int](repeating: 0, count: names.count)
    // (An encoded matrix has no missing cell: CSVEncodedBody declines them.)
    if cells.encoded == nil && cells.missingCells != 0 {
      cells.values.withUnsafeBufferPointer { v in
        for i in 0..<n {
          for k in 0..<d where CellCode.isMissing(v[i * d + k]) {
            missingIn[roles.featureIndices[k]] += 1
            keep[i] = false
          }
        }
      }
    }
    if let w = cells.weights, let wj = roles.weightIndex {
      for i in 0..<n where CellCode.isMissing(w[i]) {
        missingIn[wj] += 1
        keep[i] = false
      }
    }
    for i in 0..<n where labelMissing[cells.rowLabels[i]] {
      missingIn[targetIndex] += 1
      keep[i] = false
    }
    let dropped = keep.lazy.filter { !$0 }.count
    if dropped > 0 {
      let counts = names.indices.filter { missingIn[$0] > 0 }.map {
        "\(listed(names[$0])): \(missingIn[$0])"
      }
      let rows = dropped == 1 ? "1 row has" : "\(dropped) rows have"
      if !options.dropMissing {
        throw CSVError(
          file: file, line: 0, column: 0,
          message: "\(rows) missing values (\(counts.joined(separator: ", "))); "
            + "drop them with --dropna")
      }
      if dropped == n {
        throw CSVError(
          file: file, line: 0, column: 0,
          message: "every row has a missing value (\(counts.joined(separator: ", "))), "
            + "so --dropna leaves no data")
      }
    }
    let kept = n - dropped

    // Categorical columns and their levels among the kept rows.
    var numeric: [Int] = []
    var categorical: [(k: Int, levels: [String], isNumber: Bool)] = []
    // Per categorical column: level id (text) → indicator offset, or -1.
    var textSlots: [[Int]] = []
    var numberSlots: [[Double: Int]] = []
    if let layout = cells.encoded {
      numeric = layout.numeric
      categorical = layout.categorical.map { ($0.k, $0.levels, false) }
    }
    for k in 0..<d where cells.encoded == nil && k != roles.groupsColumn {
      let j = roles.featureIndices[k]
      if cells.levels[k].isEmpty && !forced.contains(k) {
        numeric.append(k)
        continue
      }
      if !cells.levels[k].isEmpty {
        var present = [Bool](repeating: false, count: cells.levels[k].count)
        for i in 0..<n where keep[i] {
          if let id = CellCode.textID(cells.values[i * d + k]) { present[id] = true }
        }
        let ids = present.indices.filter { present[$0] }.sorted {
          cells.levels[k][$0].unicodeScalars.lexicographicallyPrecedes(
            cells.levels[k][$1].unicodeScalars)
        }
        if !forced.contains(k), ids.count > identifierLevels, 2 * ids.count > kept {
          throw CSVError(
            file: file, line: headerLine, column: j + 1,
            message: "column \(quoted(names[j])) holds \(ids.count) different texts in "
              + "\(kept) rows, like a name or an identifier rather than a category: "
              + "leave it out with --exclude \(names[j])")
        }
        var slots = [Int](repeating: -1, count: cells.levels[k].count)
        for (rank, id) in ids.enumerated() { slots[id] = rank }
        textSlots.append(slots)
        numberSlots.append([:])
        categorical.append((k, ids.map { cells.levels[k][$0] }, false))
      } else {
        var values = Set<Double>()
        for i in 0..<n where keep[i] { values.insert(cells.values[i * d + k]) }
        let sorted = values.sorted()
        var slots: [Double: Int] = [:]
        for (rank, v) in sorted.enumerated() { slots[v] = rank }
        textSlots.append([])
        numberSlots.append(slots)
        // Python's repr of a float (`6.0`, `2.5`, `1e-05`) is Swift's
        // description of the same Double.
        let asFloat = floatCoded.contains(k)
        let levels = sorted.map { v -> String in
          asFloat ? "\(v)" : ClassOrder.name(ofNumber: v)
        }
        categorical.append((k, levels, true))
      }
    }
    var encoding = FeatureEncoding(
      numeric: numeric.map { names[roles.featureIndices[$0]] },
      categorical: categorical.map {
        FeatureEncoding.Categorical(
          column: names[roles.featureIndices[$0.k]], levels: $0.levels,
          numeric: $0.isNumber)
      },
      dropFirst: options.dropFirst)
    let featureNames = encoding.featureNames
    let width = featureNames.count
    if width == 0 {
      throw CSVError(
        file: file, line: headerLine, column: 1,
        message: "no feature column: --drop-first leaves no indicator of a "
          + "one-level column")
    }

    // The matrix: numbers copied, indicators set, kept rows only.
    var values: [Double]
    if cells.encoded != nil
      || (categorical.isEmpty && dropped == 0 && roles.groupsColumn == nil)
    {
      values = cells.values
    } else {
      let shift = options.dropFirst ? 1 : 0
      var offsets: [Int] = []
      var next = numeric.count
      for c in categorical {
        offsets.append(next - shift)
        next += c.levels.count - shift
      }
      var firstOutput = [Int](repeating: 0, count: n + 1)
      for i in 0..<n { firstOutput[i + 1] = firstOutput[i] + (keep[i] ? 1 : 0) }
      // Plain arrays for the hot loop (no tuple of arrays to retain per
      // row), and every output cell written once, zeros included.
      let columnOf = categorical.map(\.k)
      let isNumber = categorical.map(\.isNumber)
      let numericCount = numeric.count
      values = [Double](unsafeUninitializedCapacity: kept * width) { out, filled in
        cells.values.withUnsafeBufferPointer { v in
          numeric.withUnsafeBufferPointer { numeric in
            nonisolated(unsafe) let out = out
            parallelFor(n >= 1 << 16 ? 4 * processorCount() : 1) { b in
              let blocks = n >= 1 << 16 ? 4 * processorCount() : 1
              for i in (n * b / blocks)..<(n * (b + 1) / blocks) where keep[i] {
                let row = out.baseAddress! + firstOutput[i] * width
                let cell = v.baseAddress! + i * d
                for m in 0..<numericCount { row[m] = cell[numeric[m]] }
                (row + numericCount).initialize(repeating: 0, count: width - numericCount)
                for c in 0..<columnOf.count {
                  let x = cell[columnOf[c]]
                  let rank =
                    isNumber[c] ? numberSlots[c][x]! : textSlots[c][CellCode.textID(x)!]
                  if rank >= shift { row[offsets[c] + rank] = 1 }
                }
              }
            }
          }
        }
        filled = kept * width
      }
    }

    // The target: classes among the kept rows.
    var present = [Bool](repeating: false, count: cells.distinctLabels.count)
    for i in 0..<n where keep[i] { present[cells.rowLabels[i]] = true }
    let presentIDs = present.indices.filter { present[$0] }
    let (classes, classOf) = ClassOrder.encode(presentIDs.map { cells.distinctLabels[$0] })
    var labelClass = [Int](repeating: -1, count: cells.distinctLabels.count)
    for (m, id) in presentIDs.enumerated() { labelClass[id] = classOf[m] }
    var labels = [Int]()
    labels.reserveCapacity(kept)
    for i in 0..<n where keep[i] { labels.append(labelClass[cells.rowLabels[i]]) }
    let target = names[targetIndex]
    if classes.count < 2 {
      throw CSVError(
        file: file, line: headerLine, column: targetIndex + 1,
        message: "the target \(quoted(target)) has only one class "
          + "(\(quoted(classes[0]))); a classifier needs at least two")
    }
    if let fraction = classes.lazy.compactMap(\.csvNumber).first(where: {
      $0 != $0.rounded()
    }), classes.allSatisfy({ $0.csvNumber != nil }) {
      throw CSVError(
        file: file, line: headerLine, column: targetIndex + 1,
        message: "the target \(quoted(target)) is continuous (values such as "
          + "\(ClassOrder.name(ofNumber: fraction)) are not whole numbers), and a classifier "
          + "needs labels (scikit-learn: \"Unknown label type: continuous\"); "
          + "choose the label column with --target")
    }
    var weights: [Double]?
    if let w = cells.weights {
      weights = dropped == 0 ? w : w.indices.filter { keep[$0] }.map { w[$0] }
      if !weights!.contains(where: { $0 > 0 }) {
        throw CSVError(
          file: file, line: headerLine, column: roles.weightIndex! + 1,
          message: "every sample weight is 0")
      }
    }
    var features = Matrix(rows: kept, columns: width, uncheckedValues: values)
    if options.standardize && !numeric.isEmpty {
      let scaler = StandardScaler(fitting: features, columns: numeric.count)
      scaler.transform(&features)
      encoding.scaler = scaler
    }
    var data = Dataset(
      features: features,
      featureNames: featureNames, targetName: target, classes: classes,
      labels: labels, sampleWeights: weights, encoding: encoding)
    data.droppedRows = dropped
    if let k = roles.groupsColumn {
      var groups: [String] = []
      groups.reserveCapacity(kept)
      for i in 0..<n where keep[i] {
        let v = cells.values[i * d + k]
        groups.append(
          CellCode.textID(v).map { cells.levels[k][$0] } ?? ClassOrder.name(ofNumber: v))
      }
      data.groups = groups
    }
    return data
  }
}
