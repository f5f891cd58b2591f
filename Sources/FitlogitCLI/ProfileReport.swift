import FitlogitInference
import FitlogitJSON
import FitlogitSystem

/// `summary --ci profile`: R's `confint(glm)` intervals beside the Wald
/// intervals of the table, and the warnings for ends R would print as NA.
enum ProfileReport {
  /// Whether an interval comes from the Wald statistic (statsmodels'
  /// `conf_int()`, R's `confint.default`) or the profile likelihood (R's
  /// `confint`).
  enum Method: String, CaseIterable {
    case wald, profile
  }

  /// A table with the profile and Wald ends of each parameter.
  static func text(_ s: LogitSummary, profile: [[Double?]]) -> String {
    let stub = SummaryReport.stubWidth(s.names)
    let width = stub + 12 * 4 + 8
    let lo = "[" + shortest(s.alpha / 2)
    let hi = shortest(1 - s.alpha / 2) + "]"
    func end(_ v: Double?) -> String {
      SummaryReport.pad(v.map { forg($0, precision: 3) } ?? "NA", 12, right: true)
    }
    var out = String(repeating: "=", count: width) + "\n"
    out += SummaryReport.pad("", stub, right: true)
      + SummaryReport.pad("profile likelihood", 24, right: true)
      + SummaryReport.pad("Wald", 32, right: true) + "\n"
    out += SummaryReport.pad("", stub, right: true)
      + [lo, hi].map { SummaryReport.pad($0, 12, right: true) }.joined()
      + String(repeating: " ", count: 8)
      + [lo, hi].map { SummaryReport.pad($0, 12, right: true) }.joined() + "\n"
    out += String(repeating: "-", count: width) + "\n"
    for (j, name) in s.names.enumerated() {
      out += SummaryReport.pad(name, stub, right: false) + end(profile[j][0]) + end(profile[j][1])
        + String(repeating: " ", count: 8) + end(s.ci[0][j][0]) + end(s.ci[0][j][1]) + "\n"
    }
    return out + String(repeating: "=", count: width) + "\n"
  }

  /// With `--odds-ratios`: exp(coef) and exp of the profile ends, R's
  /// `exp(cbind(OR = coef(m), confint(m)))`.
  static func oddsRatioText(_ s: LogitSummary, profile: [[Double?]]) -> String {
    let stub = SummaryReport.stubWidth(s.names)
    let width = stub + 11 + 12 * 2
    let lo = "[" + shortest(s.alpha / 2)
    let hi = shortest(1 - s.alpha / 2) + "]"
    var out = SummaryReport.pad("", stub + 11, right: true)
      + SummaryReport.pad("profile likelihood", 24, right: true) + "\n"
    out += SummaryReport.pad("", stub, right: true)
      + SummaryReport.pad("odds ratio", 11, right: true)
      + [lo, hi].map { SummaryReport.pad($0, 12, right: true) }.joined() + "\n"
    out += String(repeating: "-", count: width) + "\n"
    let ratios = s.oddsRatios[0]
    for (j, name) in s.names.enumerated() {
      out += SummaryReport.pad(name, stub, right: false)
        + SummaryReport.pad(forg(ratios[j], precision: 4), 11, right: true)
        + profile[j].map {
          SummaryReport.pad($0.map { forg(libmExp($0), precision: 3) } ?? "NA", 12, right: true)
        }.joined() + "\n"
    }
    return out + String(repeating: "=", count: width) + "\n"
  }

  /// One warning per end the profile did not reach.
  static func warnings(_ s: LogitSummary, profile: [[Double?]]) -> [String] {
    s.names.indices.flatMap { j in
      (0..<2).compactMap { e in
        profile[j][e] == nil
          ? "the profile of \(s.names[j]) did not reach its \(e == 0 ? "lower" : "upper") "
            + "end within 9 steps (R's confint prints NA there too)"
          : nil
      }
    }
  }

  static func json(_ profile: [[Double?]]) -> JSON {
    .array(profile.map { .array($0.map { $0.map(JSON.number) ?? .null }) })
  }

  /// exp of each end: `odds_ratio_profile_ci`.
  static func oddsRatioJSON(_ profile: [[Double?]]) -> JSON {
    json(profile.map { $0.map { $0.map(libmExp) } })
  }
}
