/// How the columns of a file become the columns of the feature matrix:
/// what the model keeps so that `predict` builds the same matrix from new
/// files.
///
/// The layout is `pandas.get_dummies(df, columns=categorical, dtype=float)`:
/// the numeric columns in file order, then for each categorical column one
/// indicator per level, named `column_level`, levels sorted as `np.unique`
/// sorts them. scikit-learn's `OneHotEncoder()` keeps every level too.
public struct FeatureEncoding: Sendable, Equatable {
  /// One categorical column and its levels, in order.
  public struct Categorical: Sendable, Equatable {
    public var column: String
    public var levels: [String]
    /// Levels are numbers (a `--categorical` column of numeric codes), so
    /// cells match by value (`1` and `1.0` are one level).
    public var numeric: Bool

    public init(column: String, levels: [String], numeric: Bool) {
      self.column = column
      self.levels = levels
      self.numeric = numeric
    }

    /// The levels that have an indicator column.
    public func encodedLevels(dropFirst: Bool) -> ArraySlice<String> {
      dropFirst ? levels.dropFirst() : levels[...]
    }
  }

  /// Columns used as they are, in matrix order.
  public var numeric: [String]
  public var categorical: [Categorical]
  /// The first level of each categorical column has no indicator.
  public var dropFirst: Bool
  /// `StandardScaler` on the numeric columns (the indicators pass through,
  /// as a `ColumnTransformer` would leave them); nil when not scaled.
  public var scaler: StandardScaler?

  public init(
    numeric: [String], categorical: [Categorical] = [], dropFirst: Bool = false,
    scaler: StandardScaler? = nil
  ) {
    self.numeric = numeric
    self.categorical = categorical
    self.dropFirst = dropFirst
    self.scaler = scaler
  }

  /// The matrix's column names: `age`, then `sex_female`, `sex_male`, …
  public var featureNames: [String] {
    numeric
      + categorical.flatMap { c in
        c.encodedLevels(dropFirst: dropFirst).map { "\(c.column)_\($0)" }
      }
  }

  /// The file columns this encoding reads, in its order.
  public var sourceColumns: [String] { numeric + categorical.map(\.column) }
}
