import FitlogitSystem

/// A dense matrix stored as one row-major `[Double]`.
///
/// One contiguous buffer keeps a pass over the rows a single linear sweep
/// through memory, the access pattern the objective's hot loop needs.
public struct Matrix: Equatable, Sendable {
  public private(set) var rows: Int
  public let columns: Int
  /// Row-major values: element (i, j) is `values[i * columns + j]`.
  public var values: [Double]

  public init(rows: Int, columns: Int, values: [Double]) {
    precondition(rows >= 0 && columns >= 0 && values.count == rows * columns)
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  public init(columns: Int) {
    self.init(rows: 0, columns: columns, values: [])
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
