import Foundation
import FitlogitTestSupport
import Testing

/// The interactive page in a real browser: headless Chromium loads
/// index.html from file://, and the page's own script sets the inputs from
/// the query string as a reader's typing would (`?w=…&b=…&threshold=…`).
/// The expected numbers are statsmodels' and scikit-learn's
/// (scripts/make_page_golden.py). Without Chromium the test is skipped, and
/// says why.
@Suite struct LivePageBrowserTests {
  static let chromium: String? = {
    let candidates = [
      ProcessInfo.processInfo.environment["FITLOGIT_CHROMIUM"], "/usr/bin/chromium",
      "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
    ]
    let found = candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    if found == nil {
      print("LivePageBrowserTests skipped: no Chromium at /usr/bin/chromium, "
        + "/usr/bin/chromium-browser or /usr/bin/google-chrome (set FITLOGIT_CHROMIUM)")
    }
    return found
  }()

  let golden = FitlogitTestSupport.golden("live_page.json")

  /// The page for data/points.csv, written once per test.
  func page() throws -> String {
    let dir = temporaryDirectory()
    let r = cli(dataFile("points.csv"), "--plot", dir)
    try #require(r.status == 0)
    return dir + "/index.html"
  }

  @Test(.enabled(if: chromium != nil, "Chromium is not installed"))
  func maximumLikelihoodAndAThreshold() throws {
    let ml = golden["maximum_likelihood"] as! [String: Double]
    let dom = try run(["--dump-dom", url(try page(), "w=\(ml["w"]!)&b=\(ml["b"]!)&threshold=0.75")])
    let loss = try #require(element("log-loss", in: dom))
    #expect(loss.text == "0.3052")
    // The page's sum against scikit-learn's log_loss at the same (w, b):
    // the same clipped formula, so only the summation order differs.
    let value = try #require(Double(attribute("data-value", of: loss.tag) ?? ""))
    #expect(abs(value - ml["log_loss"]!) <= 1e-12)
    let cm = (golden["thresholds"] as! [String: Any])["0.75"] as! [String: Double]
    for cell in ["tn", "fp", "fn", "tp"] {
      #expect(element("cm-" + cell, in: dom)?.text == String(Int(cm[cell]!)), "\(cell)")
    }
    #expect(element("accuracy", in: dom)?.text == "0.8000")
    #expect(element("precision", in: dom)?.text == "1.0000")
    #expect(element("recall", in: dom)?.text == "0.7143")
    #expect(abs(cm["recall"]! - 0.7142857142857143) <= 1e-15)
    #expect(element("threshold-value", in: dom)?.text == "0.75")
  }

  @Test(.enabled(if: chromium != nil, "Chromium is not installed"))
  func scikitLearnsFit() throws {
    let sk = golden["sklearn"] as! [String: Double]
    let dom = try run(["--dump-dom", url(try page(), "w=\(sk["w"]!)&b=\(sk["b"]!)&threshold=0.5")])
    let loss = try #require(element("log-loss", in: dom))
    #expect(loss.text == "0.3329")
    let value = try #require(Double(attribute("data-value", of: loss.tag) ?? ""))
    #expect(abs(value - sk["log_loss"]!) <= 1e-12)
    let objective = try #require(element("objective", in: dom))
    #expect(objective.text == "0.380144")
    let o = try #require(Double(attribute("data-value", of: objective.tag) ?? ""))
    #expect(abs(o - sk["objective"]!) <= 1e-12)
    #expect(element("cm-tn", in: dom)?.text == "2")
    #expect(element("cm-fp", in: dom)?.text == "1")
    #expect(element("cm-fn", in: dom)?.text == "1")
    #expect(element("cm-tp", in: dom)?.text == "6")
    #expect(element("precision", in: dom)?.text == "0.8571")
  }

  /// 400 points: the live bars are per bin, and the script must still
  /// redraw everything. Read last in the update, the table's losses prove
  /// the binned bars before them ran.
  @Test(.enabled(if: chromium != nil, "Chromium is not installed"))
  func manyPointsFollowTheSliders() throws {
    let many = golden["many"] as! [String: Any]
    let dir = temporaryDirectory()
    let csv = packageRoot.appendingPathComponent("Tests/FitlogitCLITests/Golden/page_many.csv").path
    try #require(cli(csv, "--plot", dir).status == 0)
    let w = many["w"] as! Double, b = many["b"] as! Double
    let dom = try run(["--dump-dom", url(dir + "/index.html", "w=\(w)&b=\(b)")])
    let loss = try #require(element("log-loss", in: dom))
    let value = try #require(Double(attribute("data-value", of: loss.tag) ?? ""))
    #expect(abs(value - (many["log_loss"] as! Double)) <= 1e-12)
    #expect(loss.text == "0.6210")
    for (i, expected) in zip(many["rows"] as! [Int], many["row_loss"] as! [Double]) {
      let cell = try #require(element("t-loss-\(i)", in: dom))
      #expect(cell.text == String(format: "%.4f", expected), "row \(i)")
    }
    #expect(dom.contains("per bin of age (40 equal bins) and class"))
  }

  /// A blank 1000×1400 page is a 7 kB PNG; the page's first screen, with
  /// the sliders and the sigmoid, is well over 100 kB.
  @Test(.enabled(if: chromium != nil, "Chromium is not installed"))
  func screenshotIsNotBlank() throws {
    let png = temporaryDirectory() + "/page.png"
    _ = try run(["--window-size=1000,1400", "--screenshot=" + png, url(try page(), "w=1.5&b=0")])
    let data = try Data(contentsOf: URL(fileURLWithPath: png))
    #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    // Width and height from the IHDR chunk.
    let size = data.subdata(in: 16..<24).reduce(0) { $0 << 8 | UInt64($1) }
    #expect(size == (1000 << 32) | 1400)
    #expect(data.count > 50_000, "\(data.count) bytes: blank?")
  }

  // MARK: - As a reader: buttons, hover, the threshold slider (WebDriver)

  static let webDriver = chromium != nil && WebDriver.chromedriver != nil

  /// Clicks each button and reads the model and loss it sets, hovers the
  /// solver's last iterate, and moves the threshold with the keyboard.
  @Test(.enabled(if: webDriver, "Chromium or chromedriver is not installed"))
  func buttonsHoverAndThreshold() throws {
    let penalties = golden["penalties"] as! [String: [String: Double]]
    let sk = penalties["l2"]!, none = penalties["none"]!
    let driver = try WebDriver(chromium: Self.chromium!)
    defer { driver.quit() }
    try driver.open(url(try page(), ""))
    // scikit-learn's fit, maximum likelihood, the start: each button's
    // (w, b) is the command line's fit, which follows scikit-learn's
    // lbfgs to rounding (1e-12 leaves room for a few ulps of drift).
    for (button, w, b, loss, text) in [
      ("#preset-1", none["w"]!, none["b"]!, none["log_loss"]!, "0.3052"),
      ("#preset-0", sk["w"]!, sk["b"]!, sk["log_loss"]!, "0.3329"),
      ("#preset-2", 0, 0, log(2.0), "0.6931"),
    ] {
      try driver.click(button)
      let shownW = try #require(Double(try driver.property("#w", "value")))
      let shownB = try #require(Double(try driver.property("#b", "value")))
      #expect(abs(shownW - w) <= 1e-12 && abs(shownB - b) <= 1e-12, "\(button): \(shownW), \(shownB)")
      #expect(try driver.text("#log-loss") == text, "\(button)")
      let value = try #require(Double(try driver.property("#log-loss", "data-value")))
      #expect(abs(value - loss) <= 1e-12, "\(button)")
    }
    // The last L-BFGS iterate is scikit-learn's n_iter_-th, at its
    // objective.
    let last = Int(sk["n_iter"]!)
    try driver.hover("circle.iterate[data-info^=\"L-BFGS iterate \(last):\"]")
    let info = try driver.text("#iterate-info")
    #expect(info.hasPrefix(
      "L-BFGS iterate \(last): objective \(String(format: "%.6f", sk["objective"]!)), gradient ("),
      "\(info)")
    // From 0.50, 25 steps of 0.01 right: 0.75.
    try driver.keys("#threshold", String(repeating: "\u{E014}", count: 25))
    #expect(try driver.text("#threshold-value") == "0.75")
    let cm = (golden["thresholds"] as! [String: Any])["0.75"] as! [String: Double]
    for cell in ["tn", "fp", "fn", "tp"] {
      #expect(try driver.text("#cm-" + cell) == String(Int(cm[cell]!)), "\(cell)")
    }
    #expect(try driver.text("#recall") == String(format: "%.4f", cm["recall"]!))
  }

  /// Each penalty's and weighting's page, in one browser: at the command
  /// line's fit (the first button) the page's own script gives the
  /// objective the command line printed; typed to scikit-learn's fit, it
  /// gives scikit-learn's objective and losses (scripts/make_page_golden.py,
  /// `penalties`).
  @Test(.enabled(if: webDriver, "Chromium or chromedriver is not installed"))
  func everyPenaltysObjective() throws {
    let penalties = golden["penalties"] as! [String: [String: Double]]
    let weighted = packageRoot.appendingPathComponent("Tests/FitlogitCLITests/Golden/page_weighted.csv").path
    let cases: [(String, [String], String?)] = [
      ("l1", [dataFile("points.csv"), "--l1-ratio", "1", "--solver", "saga"], "saga"),
      ("elasticnet", [dataFile("points.csv"), "--l1-ratio", "0.5", "--solver", "saga"], nil),
      ("l2", [dataFile("points.csv")], nil),
      ("none", [dataFile("points.csv"), "--C", "inf"], nil),
      ("balanced", [dataFile("points.csv"), "--class-weight", "balanced"], nil),
      ("sample_weight", [weighted, "--sample-weight", "s"], nil),
    ]
    let driver = try WebDriver(chromium: Self.chromium!)
    defer { driver.quit() }
    for (name, arguments, solver) in cases {
      let g = penalties[name]!
      let dir = temporaryDirectory()
      let r = cli(arguments + ["--json", "--plot", dir])
      try #require(r.status == 0)
      let printed = try #require(
        try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
      // The first button is the command line's own fit: there the script's
      // objective is the one the command line printed.
      try driver.open(url(dir + "/index.html", ""))
      try driver.click("#preset-0")
      let atFit = try #require(Double(try driver.property("#objective", "data-value")))
      #expect(abs(atFit - (printed["objective"] as! Double)) <= 1e-12, "\(name) at the fit")
      try driver.open(url(dir + "/index.html", "w=\(g["w"]!)&b=\(g["b"]!)"))
      // The page's sum and scikit-learn's differ in order and in the
      // loss's form: a few ulps.
      for (id, key) in [
        ("#objective", "objective"), ("#log-loss", "log_loss"),
      ] + (g["log_loss"] != g["weighted_log_loss"] ? [("#weighted-log-loss", "weighted_log_loss")] : []) {
        let value = try #require(Double(try driver.property(id, "data-value")))
        #expect(abs(value - g[key]!) <= 1e-12, "\(name) \(id): \(value) against \(g[key]!)")
      }
      #expect(try driver.text("#objective") == String(format: "%.6f", g["objective"]!))
      if let solver {
        // Its first iterate is the start, (0, 0): log 2, and no penalty.
        try driver.hover("circle.iterate[data-info^=\"\(solver) iterate 0:\"]")
        #expect(try driver.text("#iterate-info").hasPrefix(
          "\(solver) iterate 0: objective \(String(format: "%.6f", log(2.0))), smooth part's gradient"))
      }
    }
  }

  // MARK: - Driving the browser

  func url(_ path: String, _ query: String) -> String { "file://" + path + "?" + query }

  /// Runs headless Chromium, returning its standard output; stopped after a
  /// minute so a hung browser fails the test instead of the run.
  func run(_ arguments: [String]) throws -> String {
    let profile = temporaryDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.chromium!)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--user-data-dir=" + profile, "--virtual-time-budget=2000",
    ] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let timer = DispatchWorkItem { process.terminate() }
    DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: timer)
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    try #require(process.terminationStatus == 0, "chromium exited with \(process.terminationStatus)")
    return String(decoding: data, as: UTF8.self)
  }

  /// The start tag and text of the element with this id.
  func element(_ id: String, in dom: String) -> (tag: String, text: String)? {
    guard let at = dom.range(of: "id=\"\(id)\"") else { return nil }
    guard let open = dom[..<at.lowerBound].lastIndex(of: "<"),
      let close = dom[at.upperBound...].firstIndex(of: ">")
    else { return nil }
    let rest = dom[dom.index(after: close)...]
    let text = rest.prefix { $0 != "<" }
    return (String(dom[open...close]), String(text))
  }

  func attribute(_ name: String, of tag: String) -> String? {
    guard let at = tag.range(of: " \(name)=\"") else { return nil }
    return String(tag[at.upperBound...].prefix { $0 != "\"" })
  }
}
