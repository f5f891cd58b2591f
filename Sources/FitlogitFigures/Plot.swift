/// Okabe–Ito colours, distinct under the common colour-vision deficiencies;
/// the article's green (positive) and red (negative) become blue and
/// vermillion, and the two classes also differ in marker shape.
enum Palette {
  static let positive = "#0072B2"
  static let negative = "#D55E00"
  static let accent = "#009E73"
  static let neutral = "#555555"
  static let light = "#DDDDDD"
  static let second = "#CC79A7"
}

/// One panel: a plotting frame inside an SVG, with its scales and axes.
struct Plot {
  var svg: SVG
  let left: Double, top: Double, right: Double, bottom: Double
  var x: Scale
  var y: Scale

  init(
    width: Double = 640, height: Double = 360, title: String,
    x: (Double, Double), y: (Double, Double), xLog: Bool = false, yLog: Bool = false,
    margin: (top: Double, right: Double, bottom: Double, left: Double) = (48, 24, 52, 64)
  ) {
    svg = SVG(width: width, height: height)
    left = margin.left
    top = margin.top
    right = width - margin.right
    bottom = height - margin.bottom
    self.x = Scale(domain: x, range: (left, right), logarithmic: xLog)
    self.y = Scale(domain: y, range: (bottom, top), logarithmic: yLog)
    if !title.isEmpty {
      svg.text(title, x: width / 2, y: 24, anchor: .middle, size: 15, weight: "bold")
    }
  }

  /// Axes with ticks and labels; `xTicks: false` leaves the x axis bare
  /// (figures where x has been dropped, as in the article's figure 7).
  mutating func axes(
    xLabel: String, yLabel: String, xTicks: Bool = true, yTicks: Bool = true, grid: Bool = true
  ) {
    if yTicks {
      let ticks = y.ticks(5)
      let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
      for t in ticks {
        let py = y(t)
        if grid { svg.line(left, py, right, py, stroke: "#EEEEEE") }
        svg.line(left - 4, py, left, py, stroke: "#444")
        svg.text(
          tickLabel(t, step: step, logarithmic: y.logarithmic), x: left - 7, y: py + 4,
          anchor: .end, size: 11, fill: "#444")
      }
    }
    if xTicks {
      let ticks = x.ticks(6)
      let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
      for t in ticks {
        let px = x(t)
        svg.line(px, bottom, px, bottom + 4, stroke: "#444")
        svg.text(
          tickLabel(t, step: step, logarithmic: x.logarithmic), x: px, y: bottom + 17,
          anchor: .middle, size: 11, fill: "#444")
      }
    }
    svg.line(left, bottom, right, bottom, stroke: "#444")
    svg.line(left, top, left, bottom, stroke: "#444")
    svg.text(xLabel, x: (left + right) / 2, y: bottom + 38, anchor: .middle, size: 12)
    svg.text(yLabel, x: left - 48, y: (top + bottom) / 2, anchor: .middle, size: 12, rotate: -90)
  }

  enum Corner { case topLeft, topRight, bottomRight, above }

  /// A legend box in a corner of the frame, or in one row above it (in the
  /// top margin) where every corner holds data.
  mutating func legend(
    _ items: [(label: String, color: String, marker: Marker)], corner: Corner = .topLeft
  ) {
    if corner == .above {
      var px = left + 8
      for item in items {
        marker(item.marker, px, top - 14, item.color)
        svg.text(item.label, x: px + 12, y: top - 10, size: 12)
        px += 36 + Double(item.label.count) * 7
      }
      return
    }
    let width = 24 + Double(items.map(\.label.count).max() ?? 0) * 7
    let height = Double(items.count) * 18 + 6
    let x0 = corner == .topLeft ? left + 8 : right - 8 - width
    let y0 = corner == .bottomRight ? bottom - 8 - height : top + 2
    svg.rect(x0, y0, width, height, fill: "white", stroke: Palette.light, opacity: 0.9)
    var py = y0 + 12
    for item in items {
      marker(item.marker, x0 + 12, py, item.color)
      svg.text(item.label, x: x0 + 24, y: py + 4, size: 12)
      py += 18
    }
  }

  private mutating func marker(_ kind: Marker, _ px: Double, _ py: Double, _ color: String) {
    switch kind {
    case .circle: svg.circle(px, py, r: 5, fill: color)
    case .diamond: svg.diamond(px, py, r: 6, fill: color)
    case .line: svg.line(px - 8, py, px + 8, py, stroke: color, width: 2.5)
    case .bar: svg.rect(px - 6, py - 6, 12, 12, fill: color)
    }
  }

  enum Marker { case circle, diamond, line, bar }

  /// The class marker: circles for the positive class, diamonds for the
  /// negative one.
  mutating func point(_ px: Double, _ py: Double, positive: Bool, title: String) {
    if positive {
      svg.circle(px, py, r: 6, fill: Palette.positive, title: title)
    } else {
      svg.diamond(px, py, r: 7, fill: Palette.negative, title: title)
    }
  }
}
