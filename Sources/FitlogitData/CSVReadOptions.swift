/// Which columns of a CSV file are used, and how, as a user chooses them.
public struct CSVReadOptions: Sendable, Equatable {
  /// The label column (default: the last column).
  public var target: String?
  /// A numeric column used as sample weights instead of as a feature.
  public var sampleWeight: String?
  /// Only these features, in this order (pandas' `df[features]`).
  public var features: [String]?
  /// Columns left out (`df.drop(columns=exclude)`).
  public var exclude: [String]
  /// Numeric-coded columns to treat as categories (R's `factor(x)`,
  /// statsmodels' `C(x)`); text columns are categorical anyway.
  public var categorical: [String]
  /// Drop each categorical column's first level (`drop_first=True`).
  public var dropFirst: Bool
  /// Drop every row with a missing value in a used column (R's `na.omit`)
  /// instead of refusing the file.
  public var dropMissing: Bool
  /// Scale the numeric columns by mean and population standard deviation
  /// (scikit-learn's `StandardScaler`).
  public var standardize: Bool
  /// The field separator; nil: `,`, tab for `.tsv`, or detected from a
  /// header that has `;` or tabs and no `,` (``CSVDelimiter``).
  public var delimiter: UInt8?
  /// A column of group labels (text or numbers), kept out of the features
  /// and dropped with the rows `dropMissing` drops: the clusters of a
  /// cluster-robust covariance (``Dataset/groups``).
  public var groups: String?

  public init(
    target: String? = nil, sampleWeight: String? = nil,
    features: [String]? = nil, exclude: [String] = [],
    categorical: [String] = [], dropFirst: Bool = false,
    dropMissing: Bool = false, standardize: Bool = false, delimiter: UInt8? = nil,
    groups: String? = nil
  ) {
    self.groups = groups
    self.delimiter = delimiter
    self.standardize = standardize
    self.target = target
    self.sampleWeight = sampleWeight
    self.features = features
    self.exclude = exclude
    self.categorical = categorical
    self.dropFirst = dropFirst
    self.dropMissing = dropMissing
  }
}
