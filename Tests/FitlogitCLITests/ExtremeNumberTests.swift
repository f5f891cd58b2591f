import Foundation
import Testing

@testable import FitlogitCLI

/// No NaN or infinity reaches an output at the extremes of C, the sample
/// weights and the features, and the warnings there say what happened.
@Suite struct ExtremeNumberTests {
  /// λ = 1/(C·S) overflows: scikit-learn's lbfgs stops ABNORMAL with a NaN
  /// objective; fitlogit refuses before fitting.
  @Test func cBelowTheDoubleRangeIsRefused() {
    let r = cli(dataFile("points.csv"), "--C", "1e-320", "--json")
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: --C 1e-320 with 10 rows makes the penalty strength "
      + "1/(C·S) overflow, so the objective is not a number; use a larger --C\n")
  }

  @Test func weightsSummingPastTheLargestDoubleAreRefused() {
    let path = file("x,y,w\n1,0,1e308\n2,0,1e308\n3,1,1e308\n4,1,1e308\n2.5,0,1\n")
    let r = cli(path, "--target", "y", "--sample-weight", "w", "--json")
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: the sample weights sum to more than 1.8e308 (the "
      + "largest double), so the objective overflows; divide them by a constant (and "
      + "multiply --C by it: the fit is the same)\n")
  }

  /// scikit-learn divides the penalty by the weight sum, so weights of
  /// 1e-30 hold every coefficient at 0 there too (coef 0, intercept 0 from
  /// LogisticRegression().fit(..., sample_weight)); fitlogit fits the same
  /// and says so. 0.287682072451787 is log(4/3), the intercept-only model.
  @Test func tinyWeightsWarnThatTheyActLikeATinyC() throws {
    let path = file("x,y,w\n1,0,1e-30\n2,0,1e-30\n3,1,1e-30\n4,1,1e-30\n2.5,0,1e-30\n"
      + "5,1,1e-30\n5,1,1e-30\n")
    let (status, err, json) = fitJSON(path, "--target", "y", "--sample-weight", "w")
    #expect(status == 0)
    #expect(err == "fitlogit: warning: C=1.0 with sample weights summing to 7e-30 (the "
      + "penalty is 1/(C·S)) makes the penalty so strong that every coefficient is held at "
      + "0, and the solver stopped with the intercept at 0.0, not the intercept-only "
      + "model's 0.28768207245178085: the fit is not a model of the data (use larger "
      + "weights or a larger --C)\n")
    #expect(try #require(json?["coef"] as? [[Double]])[0][0] == 0)
  }

  /// Balanced classes: the intercept-only model's intercept is 0, so a fit
  /// held at 0 is that model, and the warning says so.
  @Test func tinyCOnBalancedClassesIsTheInterceptOnlyModel() {
    let (status, err, _) = fitJSON(file("x,y\n1,0\n2,1\n3,0\n4,1\n"), "--C", "1e-300")
    #expect(status == 0)
    #expect(err == "fitlogit: warning: C=1e-300 makes the penalty so strong that every "
      + "coefficient is held at 0; the fit is the intercept-only model (use a larger --C)\n")
  }

  /// Three classes; x·w of the first row overflows to ∞ − ∞ for the second
  /// class, and to +∞ for two classes in the second file's row.
  static let model = """
    {"format": "fitlogit-model", "version": 1, "target": "y", "classes": ["a", "b", "c"],
     "feature_names": ["u", "v"], "coef": [[1, 1], [2, -2], [-1, -1]],
     "intercept": [0, 0, 0]}
    """

  @Test func predictRefusesARowWhoseMarginIsNotANumber() {
    let model = file(Self.model, name: "model.json")
    let data = file("u,v\n1,2\n1e308,1e308\n", name: "big.csv")
    for command in [["predict", model, data, "--proba"], ["predict", model, data]] {
      let r = cli(command)
      #expect(r.status == 1)
      #expect(r.out == "")
      #expect(r.err == "fitlogit: error: \(data): data row 2: x·w overflows double "
        + "arithmetic (a feature value too large for the model's coefficients), so the "
        + "row has no probability; rescale the features\n")
    }
  }

  @Test func scoreRefusesARowWhoseMarginIsNotANumber() {
    let model = file(Self.model, name: "model.json")
    let data = file("u,v,y\n1e308,1e308,a\n", name: "big.csv")
    let r = cli(["score", model, data])
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: \(data): data row 1: x·w overflows double "
      + "arithmetic (a feature value too large for the model's coefficients), so the "
      + "row has no probability; rescale the features\n")
  }

  /// One margin of +∞ (the others −∞ and 0): softmax's limit is that class
  /// with probability 1, where exp(∞ − ∞) would print NaN.
  @Test func oneInfiniteMarginTakesAllTheProbability() {
    let model = file(Self.model, name: "model.json")
    let data = file("u,v\n1e308,1e308\n", name: "big.csv")
    let swapped = file(Self.model.replacingOccurrences(of: "[2, -2]", with: "[1, -1]"),
      name: "model2.json")
    #expect(cli(["predict", model, data, "--proba"]).status == 1)
    let r = cli(["predict", swapped, data, "--proba"])
    #expect(r.status == 0)
    #expect(r.out == "a,b,c\n1.0,0.0,0.0\n")
    #expect(cli(["predict", swapped, data]).out == "prediction\na\n")
  }

  /// Two margins of +∞: which class wins is lost, so the row is refused.
  @Test func twoInfiniteMarginsAreRefused() {
    let model = file(Self.model.replacingOccurrences(of: "[2, -2]", with: "[2, 0]"),
      name: "model.json")
    let data = file("u,v\n1e308,1e308\n", name: "big.csv")
    let r = cli(["predict", model, data])
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("fitlogit: error: \(data): data row 1: x·w overflows"))
  }
}
