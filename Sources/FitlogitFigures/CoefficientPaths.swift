/// The picture every course shows for L1: each coefficient against C (log
/// scale), leaving zero one by one as the penalty weakens.
///
/// - Parameters:
///   - Cs: The grid, ascending, all > 0.
///   - series: One line per coefficient: its name and its value at each C.
///   - penalty: The penalty in words, for the title ("L1", "elastic net
///     l1_ratio=0.5", "L2").
public func coefficientPaths(
  Cs: [Double], series: [(name: String, values: [Double])], penalty: String
) -> Figure {
  precondition(!Cs.isEmpty && series.allSatisfy { $0.values.count == Cs.count })
  let all = series.flatMap(\.values)
  var lo = min(all.min() ?? 0, 0)
  var hi = max(all.max() ?? 0, 0)
  if hi - lo == 0 { (lo, hi) = (-1, 1) }
  let pad = 0.06 * (hi - lo)
  let xLo = Cs.first!
  let xHi = Cs.count > 1 ? Cs.last! : Cs.first! * 10
  var plot = Plot(
    width: 760, height: 420, title: "Coefficient paths, \(penalty) penalty",
    x: (xLo, xHi), y: (lo - pad, hi + pad), xLog: true,
    margin: (48, 180, 56, 64))
  plot.axes(xLabel: "C (inverse penalty strength, log scale)", yLabel: "coefficient")
  plot.svg.line(plot.left, plot.y(0), plot.right, plot.y(0), stroke: "#999999")
  let colors = [
    Palette.positive, Palette.negative, Palette.accent, Palette.second, "#E69F00",
    "#56B4E9", "#F0E442", Palette.neutral,
  ]
  for (k, s) in series.enumerated() {
    plot.svg.polyline(
      zip(Cs, s.values).map { (plot.x($0), plot.y($1)) },
      stroke: colors[k % colors.count], width: 2, dash: k < colors.count ? nil : "6 3")
  }
  // The legend in the right margin, clear of the paths.
  for (k, s) in series.enumerated() {
    let py = plot.top + 10 + Double(k) * 18
    plot.svg.line(
      plot.right + 12, py, plot.right + 32, py, stroke: colors[k % colors.count], width: 2.5,
      dash: k < colors.count ? nil : "6 3")
    plot.svg.text(String(s.name.prefix(20)), x: plot.right + 38, y: py + 4, size: 12)
  }
  return Figure(
    fileName: "coefficient-paths.svg", title: "Coefficient paths",
    caption: "Each coefficient of the fitted model against C, from the strongest penalty "
      + "(left) to the weakest (right); each fit starts from the one before it.",
    svg: plot.svg.text)
}
