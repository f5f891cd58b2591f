import FitlogitData
import Testing

/// ``Dataset/init(features:labels:featureNames:targetName:sampleWeights:)``:
/// the same dataset as the CSV reader gives, and every refusal as a value.
@Suite struct DatasetFromArraysTests {
  /// The arrays make the dataset the CSV text makes, scikit-learn's class
  /// order included ("1.0" and "1" are one class; 10 sorts after 9).
  @Test func sameAsTheCSVReader() throws {
    let csv = try Dataset(
      csv: Array("a,b,y\n1,2,10\n3,4,9\n5,6,1.0\n7,8,1\n".utf8), file: "d.csv")
    let arrays = try Dataset(
      features: [[1, 2], [3, 4], [5, 6], [7, 8]], labels: ["10", "9", "1.0", "1"],
      featureNames: ["a", "b"])
    #expect(arrays.classes == ["1", "9", "10"])
    #expect(arrays.classes == csv.classes)
    #expect(arrays.labels == [2, 1, 0, 0])
    #expect(arrays.labels == csv.labels)
    #expect(arrays.features == csv.features)
    #expect(arrays.featureNames == csv.featureNames)
    #expect(arrays.targetName == "y")
    #expect(arrays.sampleWeights == nil)
  }

  @Test func defaultNamesAndAMatrix() throws {
    let x = try Matrix(rows: 3, columns: 2, values: [1, 2, 3, 4, 5, 6])
    let d = try Dataset(
      features: x, labels: ["b", "a", "b"], targetName: "label", sampleWeights: [1, 0, 2.5])
    #expect(d.featureNames == ["x0", "x1"])
    #expect(d.classes == ["a", "b"])
    #expect(d.labels == [1, 0, 1])
    #expect(d.targetName == "label")
    #expect(d.sampleWeights == [1, 0, 2.5])
  }

  @Test(arguments: [
    ([[1.0, 2], [3]], ["a", "b"], nil, nil,
     "features[1] has 1 value, but features[0] has 2"),
    ([[1.0], [2]], ["a", "b", "a"], nil, nil, "features has 2 rows but labels has 3"),
    ([[1.0], [.nan]], ["a", "b"], nil, nil,
     "features[1][0] is nan; every feature must be a finite number"),
    ([[1.0, -.infinity]], ["a"], nil, nil,
     "features[0][1] is -inf; every feature must be a finite number"),
    ([[1.0], [2]], ["a", "b"], ["x", "y"], nil, "featureNames has 2 names for 1 feature column"),
    ([[1.0, 2], [2, 3]], ["a", "b"], ["x", "x"], nil, "featureNames has \"x\" twice"),
    ([[1.0], [2]], ["a", "a"], nil, nil,
     "labels has only one class (\"a\"); a classifier needs at least two"),
    ([[1.0], [2]], ["1", "1.0"], nil, nil,
     "labels has only one class (\"1\"); a classifier needs at least two"),
    ([], [], nil, nil, "labels is empty; a classifier needs at least two classes"),
    ([[1.0], [2]], ["a", "b"], nil, [1.0], "sampleWeights has 1 value for 2 rows"),
    ([[1.0], [2]], ["a", "b"], nil, [1.0, -0.5],
     "sampleWeights[1] is -0.5; a sample weight must be a finite number >= 0"),
    ([[1.0], [2]], ["a", "b"], nil, [.nan, 1],
     "sampleWeights[0] is nan; a sample weight must be a finite number >= 0"),
    ([[1.0], [2]], ["a", "b"], nil, [0.0, 0], "every sample weight is 0"),
  ] as [([[Double]], [String], [String]?, [Double]?, String)])
  func refusals(
    features: [[Double]], labels: [String], names: [String]?, weights: [Double]?,
    message: String
  ) {
    #expect(throws: DatasetError(message)) {
      try Dataset(
        features: features, labels: labels, featureNames: names, sampleWeights: weights)
    }
  }
}
