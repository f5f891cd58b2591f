/// The static report: every figure inline, in the article's order, with its
/// caption and the fitted numbers; no script, nothing fetched. (`--plot`
/// writes ``livePage(_:extraSections:)``, which ends with the same figures.)
///
/// - Parameters:
///   - summary: Lines shown above the figures (coefficients, log loss).
public func htmlReport(title: String, summary: [String], figures: [Figure]) -> String {
  htmlPage(title: title, summary: summary, sections: [figuresSection(figures)])
}
