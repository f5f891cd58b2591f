/// One self-contained page: every figure inline, in the article's order,
/// with its caption and the fitted numbers; no script, nothing fetched.
///
/// - Parameters:
///   - summary: Lines shown above the figures (coefficients, log loss).
public func htmlReport(title: String, summary: [String], figures: [Figure]) -> String {
  var out = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>\(escape(title))</title>
    <style>
    body { font-family: Helvetica, Arial, sans-serif; max-width: 820px; margin: 2em auto;
           padding: 0 1em; color: #222; line-height: 1.45; }
    h1 { font-size: 1.5em; }
    figure { margin: 2em 0; }
    figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
    figcaption { font-size: 0.95em; color: #444; margin-top: 0.4em; }
    pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; }
    </style>
    </head>
    <body>
    <h1>\(escape(title))</h1>

    """
  out += "<pre>" + summary.map(escape).joined(separator: "\n") + "</pre>\n"
  for (k, f) in figures.enumerated() {
    out += "<figure id=\"\(escape(f.fileName))\">\n"
    out += f.svg
    out += "<figcaption><b>\(k + 1). \(escape(f.title)).</b> \(escape(f.caption))</figcaption>\n"
    out += "</figure>\n"
  }
  return out + "</body>\n</html>\n"
}
