import FitlogitCore
import FitlogitData
import FitlogitOptimization

// fitlogit-bench FILE.csv [--repeat N] [--mode auto|serial|reader|mmap]
// Times, separately: reading the file, parsing it into a Dataset, one
// objective evaluation (serial and blocked), and the fit. Prints one line
// of `key=value` pairs per measurement (median of N runs) and peak RSS.
import FitlogitSystem

func now() -> Double { monotonicSeconds() }

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1
    ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func readFile(_ path: String) -> [UInt8] {
  do {
    return try readWholeFile(path)
  } catch {
    fail("cannot open \(path)", status: dataError)
  }
}

let usage =
  "usage: fitlogit-bench FILE.csv [--repeat N]"
  + " [--mode auto|serial|reader|mmap] [--only parse|objective|fit|all]\n"
  + "       fitlogit-bench --generate ROWS COLUMNS OUT.csv"

/// The exit statuses fitlogit uses (its `ExitStatus`): 1 for a file that
/// cannot be read or parsed, 64 (EX_USAGE) for a wrong command line.
let dataError: Int32 = 1
let usageError: Int32 = 64

/// A developer tool still answers bad input with a line, not a trap.
func fail(_ message: String, status: Int32 = usageError) -> Never {
  let text = "fitlogit-bench: error: \(message)\n\(usage)\n"
  writeAll(text, toDescriptor: 2)
  exitProcess(status)
}

var args = Array(CommandLine.arguments.dropFirst())
var repeats = 5
var mode = "auto"
var what = "all"
var path: String?
func value(after option: String, in args: inout [String]) -> String {
  guard !args.isEmpty else { fail("\(option) needs a value") }
  return args.removeFirst()
}
if args.first != "--generate" {
  while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--repeat":
      guard let n = Int(value(after: a, in: &args)), n > 0 else {
        fail("--repeat needs a positive integer")
      }
      repeats = n
    case "--mode":
      mode = value(after: a, in: &args)
      guard ["auto", "serial", "reader", "mmap"].contains(mode) else {
        fail("unknown --mode \(mode)")
      }
    case "--only":
      what = value(after: a, in: &args)
      guard ["parse", "objective", "fit", "all"].contains(what) else {
        fail("unknown --only \(what)")
      }
    case "-h", "--help":
      print(usage)
      exitProcess(0)
    case _ where a.hasPrefix("-"): fail("unknown option \(a)")
    default: path = a
    }
  }
}

/// A CSV like make_classification's (two Gaussian classes), seeded, for
/// machines without Python: `--generate N D OUT.csv`.
func generate(rows: Int, columns: Int, to path: String) {
  var rng = SeededGenerator(seed: 2024)
  func next() -> UInt64 { rng.next() }
  func gaussian() -> Double {
    let u = (Double(next() >> 11) + 0.5) * 0x1p-53
    let v = Double(next() >> 11) * 0x1p-53
    return (-2 * libmLog(u)).squareRoot() * libmCos(2 * Double.pi * v)
  }
  let out: SequentialFile
  do {
    out = try SequentialFile(creating: path)
  } catch {
    fail("cannot write \(path)", status: dataError)
  }
  out.write((0..<columns).map { "x\($0)" }.joined(separator: ",") + ",y\n")
  for _ in 0..<rows {
    let y = next() & 1
    var line = ""
    for j in 0..<columns {
      let shift = j < 10 ? (y == 1 ? 1.0 : -1.0) * Double(j % 3 + 1) * 0.3 : 0
      line += "\(gaussian() + shift),"
    }
    out.write(line + "\(y)\n")
  }
}

if args.first == "--generate" {
  guard args.count == 4, let rows = Double(args[1]), rows >= 1, rows < 1e9,
    let columns = Int(args[2]), columns >= 1
  else { fail("--generate needs ROWS COLUMNS OUT.csv") }
  generate(rows: Int(rows), columns: columns, to: args[3])
  exitProcess(0)
}
guard let path else { fail("no FILE.csv") }

var t0 = now()
// --mode mmap parses the mapped file (Dataset(csvFile:)), never copying it.
let bytes = mode == "mmap" ? [] : readFile(path)
let readTime = now() - t0
let size = fileSize(path) ?? 0
let parseMode: Dataset.CSVParseMode =
  mode == "serial" ? .chunks(1) : mode == "reader" ? .recordReader : .automatic
var parseTimes: [Double] = []
var data: Dataset!
for _ in 0..<(what == "all" || what == "parse" ? repeats : 1) {
  data = nil
  t0 = now()
  do {
    data =
      try mode == "mmap"
      ? Dataset(csvFile: path)
      : Dataset(csv: bytes, file: path, mode: parseMode)
  } catch {
    fail("\(error)", status: dataError)
  }
  parseTimes.append(now() - t0)
}
let mb = Double(size) / 1e6
let parse = median(parseTimes)
print(
  "file=\(path) bytes=\(size) rows=\(data.sampleCount)"
    + " d=\(data.featureCount)"
    + " read_s=\(readTime) parse_s=\(parse) parse_MBps=\(mb / parse)")
if what == "parse" {
  print("peak_rss_MB=\(peakResidentMegabytes())")
  exitProcess(0)
}

let regression = LogisticRegression()
var objective = regression.objective(for: data)
var w = [Double](repeating: 0, count: objective.dimension)
for j in w.indices { w[j] = 0.01 * Double(j % 7) - 0.03 }
var g = w
let elements = Double(data.sampleCount * data.featureCount)
var eval = 0.0
var results: [(Double, [Double])] = []
for blocked in [false, true] {
  objective.blocked = blocked
  var evalTimes: [Double] = []
  var f = 0.0
  for _ in 0..<max(repeats, 5) {
    t0 = now()
    f = objective.value(at: w, gradient: &g)
    evalTimes.append(now() - t0)
  }
  results.append((f, g))
  let t = median(evalTimes)
  if blocked
    == (data.sampleCount * data.featureCount
      >= LogisticObjective.blockedThreshold)
  {
    eval = t
  }
  print(
    "objective_\(blocked ? "blocked" : "sequential")_eval_s=\(t)"
      + " ns_per_element=\(t / elements * 1e9) f=\(f)"
      + (blocked ? " kernel=\(KernelPath.current.name)" : ""))
}
var gradientDifference = 0.0
for j in g.indices {
  let a = results[0].1[j]
  let b = results[1].1[j]
  gradientDifference = max(gradientDifference, abs(a - b) / max(abs(a), 1e-300))
}
print(
  "blocked_vs_sequential: f_rel_diff="
    + "\(abs(results[0].0 - results[1].0) / abs(results[0].0))"
    + " g_max_rel_diff=\(gradientDifference)")
objective.blocked = nil
if what == "objective" { exitProcess(0) }

var fitTimes: [Double] = []
var fit: Fit!
for _ in 0..<max(1, repeats / 2) {
  t0 = now()
  fit = regression.fit(data)
  fitTimes.append(now() - t0)
}
let fitTime = median(fitTimes)
let evaluations = fit.optimization.evaluations
print(
  "fit_s=\(fitTime) evaluations=\(evaluations)"
    + " iterations=\(fit.optimization.iterations)"
    + " fit_over_evals_x_eval=\(fitTime / (Double(evaluations) * eval))"
    + " log_loss=\(fit.logLoss)")
// One pass at the solution, where the margins are those the fit saw.
var atSolution: [Double] = []
var gs = fit.optimization.x
for _ in 0..<5 {
  t0 = now()
  _ = objective.value(at: fit.optimization.x, gradient: &gs)
  atSolution.append(now() - t0)
}
let evalAtSolution = median(atSolution)
print(
  "eval_at_solution_s=\(evalAtSolution)"
    + " fit_over_evals_x_eval_at_solution="
    + "\(fitTime / (Double(evaluations) * evalAtSolution))"
)
print("peak_rss_MB=\(peakResidentMegabytes())")
