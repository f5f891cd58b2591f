/// Which numeric columns pandas reads as integers: the dtype that decides
/// how `get_dummies` names a `--categorical` column's levels (`PID_6`
/// for an int64 column, `PID_6.0` for a float64 one).
///
/// `read_csv` gives a column int64 only when every cell is an integer
/// literal; one missing cell or one `6.0` makes it float64 for the whole
/// column, and `dropna()` afterwards does not change that. So the rule looks
/// at every row of the file, dropped ones included.
enum CSVIntegerColumns {
  /// The feature columns among `columns` (matrix order) that hold a cell
  /// other than an optional sign and digits.
  static func floatColumns(
    after start: CSVRecordReader, roles: CSVColumnRoles, columns: Set<Int>
  ) -> Set<Int> {
    var reader = start
    var fields: [CSVField] = []
    var found = Set<Int>()
    let base = reader.bytes.baseAddress!
    // The rows were read without error before this is asked.
    while found.count < columns.count, (try? reader.next(into: &fields)) == true {
      for k in columns where !found.contains(k) {
        let f = fields[roles.featureIndices[k]]
        if !isInteger(base, from: f.start, to: f.end) { found.insert(k) }
      }
    }
    return found
  }

  /// `[+-]?[0-9]+`, as pandas' C parser reads an int64 cell.
  static func isInteger(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
    var i = start
    if i < end, p[i] == 0x2B || p[i] == 0x2D { i += 1 }
    guard i < end else { return false }
    while i < end {
      guard p[i] >= 0x30 && p[i] <= 0x39 else { return false }
      i += 1
    }
    return true
  }
}
