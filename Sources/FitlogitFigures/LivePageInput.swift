/// What the interactive page needs beyond the article's figures: the fits
/// the reader can jump to, the solvers' paths, and the penalty.
public struct LivePageInput: Sendable {
  public var title: String
  /// Lines shown above everything (coefficients, log loss).
  public var summary: [String]
  /// The static figures, shown last and readable with scripts off.
  public var figures: [Figure]
  /// The data and the fitted model (scikit-learn's, penalized).
  public var article: ArticleFigureInput
  /// The fit's penalty: the page's objective is the weighted mean log loss
  /// plus this term, the value the solver minimizes and the command line
  /// prints.
  public var penalty: PagePenalty
  /// Each row's weight in the objective (sample weights, class weights
  /// folded in); nil when every row weighs 1.
  public var weights: [Double]?
  /// Models the buttons set, first the fit the page opens with.
  public var presets: [Preset]
  /// Iterates of each solver, from (0, 0) to its optimum.
  public var paths: [SolverPath]
  /// What the paths are, in a sentence or two, when that needs saying
  /// (whose iterates, and why a solver is missing).
  public var pathNote: String

  /// A model a button sets, with its exact loss and objective over all
  /// rows, computed by the command line (the page's own sum may use a
  /// sample of very large data).
  public struct Preset: Sendable {
    public var label: String
    public var w: Double
    public var b: Double
    public var logLoss: Double
    /// Σ sᵢℓᵢ / S; the log loss itself without weights.
    public var weightedLogLoss: Double
    public var objective: Double
    public init(
      label: String, w: Double, b: Double, logLoss: Double, weightedLogLoss: Double? = nil,
      objective: Double
    ) {
      self.label = label
      self.w = w
      self.b = b
      self.logLoss = logLoss
      self.weightedLogLoss = weightedLogLoss ?? logLoss
      self.objective = objective
    }
  }

  /// One solver's accepted iterates: (w, b), objective and gradient.
  public struct SolverPath: Sendable {
    public var name: String
    public var points: [(w: Double, b: Double)]
    public var objective: [Double]
    public var gradient: [(w: Double, b: Double)]
    public init(
      name: String, points: [(w: Double, b: Double)], objective: [Double],
      gradient: [(w: Double, b: Double)]
    ) {
      self.name = name
      self.points = points
      self.objective = objective
      self.gradient = gradient
    }
  }

  public init(
    title: String, summary: [String], figures: [Figure], article: ArticleFigureInput,
    penalty: PagePenalty, weights: [Double]? = nil, presets: [Preset], paths: [SolverPath],
    pathNote: String = ""
  ) {
    self.title = title
    self.summary = summary
    self.figures = figures
    self.article = article
    self.penalty = penalty
    self.weights = weights
    self.presets = presets
    self.paths = paths
    self.pathNote = pathNote
  }
}
