/// A minimal SVG writer: elements appended as text, numbers formatted the
/// same way on every machine, so a figure is golden-testable byte for byte.
public struct SVG: Sendable {
  public let width: Double
  public let height: Double
  private var body: [String] = []

  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// The finished document.
  public var text: String {
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(width))\" "
      + "height=\"\(fmt(height))\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" "
      + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    for line in body { out += line + "\n" }
    return out + "</svg>\n"
  }

  mutating func raw(_ element: String) { body.append(element) }

  mutating func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#444",
    width: Double = 1, dash: String? = nil
  ) {
    var e = "<line x1=\"\(fmt(x1))\" y1=\"\(fmt(y1))\" x2=\"\(fmt(x2))\" y2=\"\(fmt(y2))\" "
      + "stroke=\"\(stroke)\" stroke-width=\"\(fmt(width))\""
    if let dash { e += " stroke-dasharray=\"\(dash)\"" }
    body.append(e + "/>")
  }

  mutating func rect(
    _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
    stroke: String? = nil, opacity: Double = 1, title: String? = nil
  ) {
    var e = "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(max(w, 0)))\" "
      + "height=\"\(fmt(max(h, 0)))\" fill=\"\(fill)\""
    if let stroke { e += " stroke=\"\(stroke)\"" }
    if opacity != 1 { e += " fill-opacity=\"\(fmt(opacity))\"" }
    if let title { body.append(e + "><title>\(escape(title))</title></rect>") } else {
      body.append(e + "/>")
    }
  }

  mutating func circle(
    _ cx: Double, _ cy: Double, r: Double, fill: String, stroke: String = "white",
    title: String? = nil
  ) {
    let e = "<circle cx=\"\(fmt(cx))\" cy=\"\(fmt(cy))\" r=\"\(fmt(r))\" fill=\"\(fill)\" "
      + "stroke=\"\(stroke)\" stroke-width=\"1\""
    if let title { body.append(e + "><title>\(escape(title))</title></circle>") } else {
      body.append(e + "/>")
    }
  }

  /// A diamond: the second marker, so the classes differ in shape as well
  /// as colour.
  mutating func diamond(_ cx: Double, _ cy: Double, r: Double, fill: String, title: String? = nil) {
    let points = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
      .map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ")
    let e = "<polygon points=\"\(points)\" fill=\"\(fill)\" stroke=\"white\" stroke-width=\"1\""
    if let title { body.append(e + "><title>\(escape(title))</title></polygon>") } else {
      body.append(e + "/>")
    }
  }

  mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
    let p = points.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ")
    var e = "<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" "
      + "stroke-width=\"\(fmt(width))\" stroke-linejoin=\"round\""
    if let dash { e += " stroke-dasharray=\"\(dash)\"" }
    body.append(e + "/>")
  }

  enum Anchor: String { case start, middle, end }

  mutating func text(
    _ s: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 13,
    weight: String? = nil, fill: String = "#222", rotate: Double? = nil
  ) {
    var e = "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" text-anchor=\"\(anchor.rawValue)\" "
      + "font-size=\"\(fmt(size))\" fill=\"\(fill)\""
    if let weight { e += " font-weight=\"\(weight)\"" }
    if let rotate { e += " transform=\"rotate(\(fmt(rotate)) \(fmt(x)) \(fmt(y)))\"" }
    body.append(e + ">\(escape(s))</text>")
  }
}

/// XML text escaping for element content and attribute values.
public func escape(_ s: String) -> String {
  var out = ""
  for c in s.unicodeScalars {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&apos;"
    default:
      if c.value < 0x20 && c != "\n" && c != "\t" { out += "?" } else {
        out.unicodeScalars.append(c)
      }
    }
  }
  return out
}

/// A coordinate with at most two decimals and no trailing zeros ("12.5",
/// "3", "-0.25"): short, and identical on every platform.
func fmt(_ v: Double) -> String {
  guard v.isFinite else { return "0" }
  let hundredths = (v * 100).rounded()
  if hundredths == 0 { return "0" }
  let negative = hundredths < 0
  let magnitude = Int64(abs(hundredths))
  let whole = magnitude / 100
  let fraction = magnitude % 100
  var s = (negative ? "-" : "") + String(whole)
  if fraction != 0 {
    s += "." + (fraction < 10 ? "0" : "") + String(fraction)
    while s.hasSuffix("0") { s.removeLast() }
  }
  return s
}

/// `v` with `places` decimals (rounded half away from zero), for labels.
func decimals(_ v: Double, _ places: Int) -> String {
  guard v.isFinite else { return v.isNaN ? "nan" : v > 0 ? "inf" : "-inf" }
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let scaled = (abs(v) * scale).rounded()
  if scaled >= 9e15 { return "\(v)" }
  let n = Int64(scaled)
  let whole = n / Int64(scale)
  var frac = String(n % Int64(scale))
  while frac.count < places { frac = "0" + frac }
  let sign = v < 0 && n != 0 ? "-" : ""
  return places == 0 ? sign + String(whole) : sign + String(whole) + "." + frac
}
