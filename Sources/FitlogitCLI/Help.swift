/// The help texts, kept together so they read as one manual. Each command's
/// OPTIONS block comes from its option table, so it cannot drift from what
/// the parser accepts.
enum Help {
  static let main = """
    fitlogit: logistic regression and cross-entropy, as scikit-learn computes them

    USAGE:
      fitlogit DATA.csv [options]          same as 'fitlogit fit DATA.csv'
      fitlogit fit DATA.csv [options]      fit and report (see 'fitlogit fit --help')
      fitlogit predict MODEL.json DATA.csv [--proba] [--threshold T] [--json]
                                           (--interval: with a model from 'summary --save')
      fitlogit score MODEL.json DATA.csv [--threshold T] [--json] [--plot DIR]
                                           sklearn.metrics of a saved model on labelled data
      fitlogit loss [FILE.csv] --y-true LIST --y-pred LIST [options]
                                           cross-entropy as each framework computes it
      fitlogit summary DATA.csv [--target NAME] [--alpha 0.05] [--json]
                                           statsmodels' table: std errors, z, p, CIs
      fitlogit margeff DATA.csv [--at overall|mean] [--method dydx|eyex] [--dummy]
                                           statsmodels' marginal effects (get_margeff)
      fitlogit path DATA.csv [--Cs 20] [--l1-ratio R] [--plot DIR] [--json]
                                           coefficients along a grid of C
      fitlogit --help | --version

    EXAMPLE:
      fitlogit data/points.csv             the article's ten points: log loss 0.3329

    """

  static let fit = fitIntro + "\nOPTIONS:\n" + FitCommand.table.helpBlock

  private static let fitIntro = """
    USAGE: fitlogit fit DATA.csv [options]

    Fits scikit-learn's LogisticRegression to DATA.csv: the header names the
    columns, the last column (or --target) holds the labels, every other
    column is a feature: numbers as they are, text columns one indicator per
    level (pandas.get_dummies). NA, empty and pandas' other missing tokens
    are missing values: refused unless --dropna. DATA.csv '-' is standard input.

    """

  static let predict = predictIntro + "\nOPTIONS:\n" + PredictCommand.table.helpBlock

  private static let predictIntro = """
    USAGE: fitlogit predict MODEL.json DATA.csv [--proba] [--threshold T] [--json]

    Predicts with a model written by 'fitlogit fit --save'. DATA.csv needs a
    column for each of the model's features, by name; other columns are
    ignored. Prints one row per input row: the predicted label, or with
    --proba one probability column per class (scikit-learn's predict_proba).
    With --interval (two classes, a model from 'fitlogit summary --save'):
    P(positive class), its standard error and interval, as statsmodels'
    get_prediction(X).summary_frame() (delta method on the logit scale).

    """

  static let score = scoreIntro + "\nOPTIONS:\n" + ScoreCommand.table.helpBlock

  private static let scoreIntro = """
    USAGE: fitlogit score MODEL.json DATA.csv [options]

    Scores a model written by 'fitlogit fit --save' on labelled rows it may
    not have seen: accuracy_score, balanced_accuracy_score, log_loss,
    brier_score_loss, roc_auc_score, average_precision_score,
    matthews_corrcoef, confusion_matrix and classification_report, as
    sklearn.metrics computes them. DATA.csv needs the model's feature
    columns and its target column, by name.

    """

  static let path = pathIntro + "\nOPTIONS:\n" + PathCommand.table.helpBlock

  private static let pathIntro = """
    USAGE: fitlogit path DATA.csv [options]

    The regularization path: one fit per C of np.logspace(-4, 4, Cs),
    ascending, each started from the previous fit's coefficients (as
    scikit-learn's _logistic_regression_path). Prints the coefficients per C;
    with --plot DIR, draws them (coefficient-paths.svg).

    """

  static let summary = summaryIntro + "\nOPTIONS:\n" + SummaryCommand.table.helpBlock

  private static let summaryIntro = """
    USAGE: fitlogit summary DATA.csv [--target NAME] [--alpha 0.05] [--json]

    Fits the unpenalized logistic regression by Newton's method and prints
    what statsmodels' Logit(...).fit().summary() prints (MNLogit for more
    than two classes, the first class as reference): coefficients with
    standard errors from the observed information, z, P>|z|, confidence
    intervals, log-likelihoods, pseudo R-squared, AIC, BIC and deviances.
    --ci profile adds R's confint (profile likelihood) intervals;
    --compare-to COLS tests the model against the smaller one with only the
    columns COLS (likelihood ratio, Wald); --save writes the model with its
    covariance for 'fitlogit predict --interval'.

    """

  static let margeff = margeffIntro + "\nOPTIONS:\n" + MarginalEffectsCommand.table.helpBlock

  private static let margeffIntro = """
    USAGE: fitlogit margeff DATA.csv [--at overall|mean] [--method dydx|eyex] [--dummy] [--count]

    Fits the model 'fitlogit summary' fits and prints statsmodels'
    get_margeff(...).summary(): the change in P(y) per unit of each feature,
    averaged over the rows (--at overall) or at the mean row (--at mean),
    with delta-method standard errors, z, P>|z| and intervals; one block per
    class for more than two classes. --dummy and --count replace the
    derivative of 0/1 and count columns by a discrete change.

    """

  static let loss = lossIntro + "\nOPTIONS:\n" + LossCommand.table.helpBlock

  private static let lossIntro = """
    USAGE: fitlogit loss [FILE.csv] --y-true LIST --y-pred LIST [options]

    Cross-entropy (log loss) of predictions against targets as PyTorch, JAX
    (optax), MLX, Keras 2 (tf.keras of TensorFlow <= 2.15), Keras 3,
    scikit-learn and the textbook compute it. Without --convention every
    framework's loss is shown side by side, grouped by what it does with a
    probability of 0 or 1, each with the reason for its value. LIST is
    comma-separated numbers: 1,0,1 (binary: y_pred is the probability of 1);
    rows separated by ';' are categorical: 0,1,0;0,0,1, and a flat --y-true
    beside them holds class indices. With FILE.csv (or - for standard input),
    --y-true, --y-pred and --sample-weight name columns: one column of labels
    or class indices or K one-hot columns; one y_pred column or K. The file
    is read in blocks, so its length is not limited by memory.

    """
}
