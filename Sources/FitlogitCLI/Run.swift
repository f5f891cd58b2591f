import FitlogitCore
import FitlogitSystem

/// The version `--version` prints.
public let version = fitlogitVersion

/// Runs one command line, in-process: what `fitlogit` does, with its output
/// sent to the given streams so tests can capture and compare it whole.
///
/// - Parameters:
///   - arguments: The words after the program name.
/// - Returns: The exit status: `ExitStatus.success`, `.data` (bad data or a
///   failed run) or `.usage` (0, 1 or 64).
public func run(
  _ arguments: [String], stdout: inout some TextOutputStream,
  stderr: inout some TextOutputStream
) -> Int32 {
  // Held until the end, as a full disk would hold it: a failed command
  // shows nothing on standard output.
  var report = ""
  let status = run(arguments, stdout: &report, stderr: &stderr) { .written }
  if status == ExitStatus.success { stdout.write(report) }
  return status
}

/// ``run(_:stdout:stderr:)`` with the end of standard output checked
/// between the command and the commit of its files: a command whose report
/// could not be written fails, and its files are discarded with it.
func run(
  _ arguments: [String], stdout: inout some TextOutputStream,
  stderr: inout some TextOutputStream,
  finishStandardOutput: () -> StandardOutput.Outcome
) -> Int32 {
  let outputs = StagedOutputs()
  if let notice = DebugBuildNotice.text(arguments: arguments) { stderr.write(notice) }
  var out = PrintableStream(base: stdout)
  var err = PrintableStream(base: stderr)
  defer {
    stdout = out.base
    stderr = err.base
  }
  do throws(CommandError) {
    try dispatch(arguments, outputs: outputs, stdout: &out, stderr: &err)
    try outputs.writeThrough()
    switch finishStandardOutput() {
    case .written, .closedPipe: break
    case .failed(let code): throw StandardOutput.error(code)
    }
    try outputs.commit()
    return ExitStatus.success
  } catch {
    outputs.discard()
    var message = error.message
    if error.kind == .usage && !message.contains("--help") {
      message += " (see 'fitlogit --help')"
    }
    // The data file's notes first: they may explain the error.
    for note in error.notes { err.write("fitlogit: note: \(printable(note, limit: 1000))\n") }
    // One line, and a bounded one, whatever names the message quotes.
    err.write("fitlogit: error: \(printable(message, limit: 1000))\n")
    return error.exitStatus
  }
}

/// Runs the process's own command line and returns its exit status.
///
/// Standard output is buffered and checked (``StandardOutput``); SIGPIPE
/// and SIGXFSZ become write errors, and INT, TERM, HUP and QUIT remove any
/// staged file before ending the process (``SignalCleanup``).
public func runMain() -> Int32 {
  SignalCleanup.turnWriteSignalsIntoErrors()
  let output = StandardOutput(descriptor: 1)
  var out = StandardOutput.Stream(output: output)
  var err = FileDescriptorStream(descriptor: 2)
  return run(
    Array(CommandLine.arguments.dropFirst()), stdout: &out, stderr: &err,
    finishStandardOutput: output.finish)
}

private func dispatch(
  _ arguments: [String], outputs: StagedOutputs, stdout: inout some TextOutputStream,
  stderr: inout some TextOutputStream
) throws(CommandError) {
  guard let first = arguments.first else {
    throw .usage("missing DATA.csv: try 'fitlogit data/points.csv'")
  }
  let rest = Array(arguments.dropFirst())
  switch first {
  case "--help", "-h", "help":
    stdout.write(Help.main)
  case "--version":
    stdout.write("fitlogit \(version)\n")
  case "predict":
    try PredictCommand.run(rest, stdout: &stdout, stderr: &stderr)
  case "loss":
    try LossCommand.run(rest, stdout: &stdout, stderr: &stderr)
  case "score":
    try ScoreCommand.run(rest, outputs: outputs, stdout: &stdout, stderr: &stderr)
  case "path":
    try PathCommand.run(rest, outputs: outputs, stdout: &stdout, stderr: &stderr)
  case "summary":
    try SummaryCommand.run(rest, outputs: outputs, stdout: &stdout, stderr: &stderr)
  case "margeff":
    try MarginalEffectsCommand.run(rest, stdout: &stdout, stderr: &stderr)
  case "fit":
    try FitCommand.run(rest, outputs: outputs, stdout: &stdout, stderr: &stderr)
  default:
    try FitCommand.run(arguments, outputs: outputs, stdout: &stdout, stderr: &stderr)
  }
}
