/// The help texts, kept together so they read as one manual.
enum Help {
  static let main = """
    fitlogit: logistic regression and cross-entropy, as scikit-learn computes them

    USAGE:
      fitlogit DATA.csv [options]          same as 'fitlogit fit DATA.csv'
      fitlogit fit DATA.csv [options]      fit and report (see 'fitlogit fit --help')
      fitlogit predict MODEL.json DATA.csv [--proba] [--json]
      fitlogit loss --y-true LIST --y-pred LIST [options]
                                           cross-entropy under every convention
      fitlogit summary DATA.csv [--target NAME] [--alpha 0.05] [--json]
                                           statsmodels' table: std errors, z, p, CIs
      fitlogit --help | --version

    EXAMPLE:
      fitlogit data/points.csv             the article's ten points: log loss 0.3329

    """

  static let fit = """
    USAGE: fitlogit fit DATA.csv [options]

    Fits scikit-learn's LogisticRegression to DATA.csv: the header names the
    columns, the last column (or --target) holds the labels, every other
    column is a numeric feature.

    OPTIONS:
      --target NAME           label column (default: the last column)
      --penalty l2|none       default l2, scikit-learn's default
      --C VALUE               inverse regularization strength, > 0 (default 1)
      --no-intercept          fit_intercept=False
      --solver lbfgs|gd|newton  default lbfgs; newton is sklearn's newton-cholesky
      --tol VALUE             stop when max |gradient| <= VALUE, > 0 (default 1e-4)
      --max-iter N            iterations allowed, >= 1 (default 100)
      --sample-weight NAME    a numeric column of sample weights (not a feature)
      --class-weight balanced weight classes by n / (K · class count), as sklearn
      --json                  print the JSON report instead of text
      --save MODEL.json       write the fitted model (for 'fitlogit predict')
      --plot DIR              write the article's figures (SVG) and DIR/index.html
      --verbose               one line per iteration and the timings, on stderr
      -h, --help              show this help

    """

  static let predict = """
    USAGE: fitlogit predict MODEL.json DATA.csv [--proba] [--json]

    Predicts with a model written by 'fitlogit fit --save'. DATA.csv needs a
    column for each of the model's features, by name; other columns are
    ignored. Prints one row per input row: the predicted label, or with
    --proba one probability column per class (scikit-learn's predict_proba).

    OPTIONS:
      --proba                 print class probabilities instead of labels
      --json                  print JSON instead of CSV
      -h, --help              show this help

    """

  static let summary = """
    USAGE: fitlogit summary DATA.csv [--target NAME] [--alpha 0.05] [--json]

    Fits the unpenalized logistic regression by Newton's method and prints
    what statsmodels' Logit(...).fit().summary() prints (MNLogit for more
    than two classes, the first class as reference): coefficients with
    standard errors from the observed information, z, P>|z|, confidence
    intervals, log-likelihoods, pseudo R-squared, AIC, BIC and deviances.

    OPTIONS:
      --target NAME           label column (default: the last column)
      --alpha A               confidence level 1 - A for the intervals (default 0.05)
      --json                  statsmodels' attribute names as JSON
      --penalty l2, --C VALUE a penalized fit: refused unless --allow-penalized,
                              because its standard errors are not the textbook ones
      --allow-penalized       print the penalized table anyway, labelled as such
      -h, --help              show this help

    """

  static let loss = """
    USAGE: fitlogit loss --y-true LIST --y-pred LIST [options]

    Cross-entropy (log loss) of predictions against targets as Keras 2
    (tf.keras), Keras 3, scikit-learn and the textbook compute it. Without
    --convention every convention is shown side by side, each with the reason
    it differs. LIST is comma-separated numbers: 1,0,1 (binary: y_pred is the
    probability of 1); rows separated by ';' are categorical: 0,1,0;0,0,1.

    OPTIONS:
      --convention exact|sklearn|keras2|keras3
                              print just this convention's number
      --from-logits           y_pred holds logits, not probabilities
      --label-smoothing F     Keras' label smoothing, in [0, 1]
      --reduction mean|sum|none
                              mean (Keras' sum over batch size), sum, or per sample
      --sample-weight LIST    one weight per sample
      --precision float64|float32
                              float32 reproduces the digits Keras prints
      --json                  JSON: {"loss", "convention", "reduction", ...}
      -h, --help              show this help

    """
}
