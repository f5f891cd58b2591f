import FitlogitSystem

/// A dense matrix stored as one row-major `[Double]`.
///
/// One contiguous buffer keeps a pass over the rows a single linear sweep
/// through memory, the access pattern the objective's hot loop needs.
public struct Matrix: Equatable, Sendable {
  public private(set) var rows: Int
  public let columns: Int
  /// Row-major values: element (i, j) is `values[i * columns + j]`.
  /// Read-only outside the package, so that its count stays rows × columns.
  public package(set) var values: [Double]

  /// A `rows` × `columns` matrix from its row-major values.
  ///
  /// - Throws: ``ShapeError`` when a count is negative or `values` does not
  ///   hold exactly `rows` × `columns` numbers.
  public init(rows: Int, columns: Int, values: [Double]) throws(ShapeError) {
    guard rows >= 0, columns >= 0 else {
      throw ShapeError("a matrix cannot have \(rows) rows and \(columns) columns")
    }
    guard values.count == rows * columns else {
      throw ShapeError(
        "a \(rows)×\(columns) matrix needs \(rows * columns) values, not \(values.count)")
    }
    self.init(rows: rows, columns: columns, uncheckedValues: values)
  }

  /// The package's own fast path: the caller has built `values` with
  /// exactly `rows` × `columns` numbers.
  package init(rows: Int, columns: Int, uncheckedValues values: [Double]) {
    assert(rows >= 0 && columns >= 0 && values.count == rows * columns)
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  public init(columns: Int) {
    self.init(rows: 0, columns: columns, uncheckedValues: [])
  }

  public subscript(row: Int, column: Int) -> Double {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }

  /// A copy of row `i`.
  public func row(_ i: Int) -> ArraySlice<Double> {
    values[(i * columns)..<((i + 1) * columns)]
  }

  /// A copy of column `j`.
  public func column(_ j: Int) -> [Double] {
    (0..<rows).map { values[$0 * columns + j] }
  }

  mutating func appendRow(_ row: some Collection<Double>) {
    precondition(row.count == columns)
    values.append(contentsOf: row)
    rows += 1
  }
}
