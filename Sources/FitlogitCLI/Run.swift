import FitlogitCore

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
  do {
    try dispatch(arguments, stdout: &stdout, stderr: &stderr)
    return ExitStatus.success
  } catch {
    var message = error.message
    if error.kind == .usage && !message.contains("--help") {
      message += " (see 'fitlogit --help')"
    }
    stderr.write("fitlogit: error: \(message)\n")
    return error.exitStatus
  }
}

/// Runs the process's own command line and returns its exit status.
public func runMain() -> Int32 {
  var out = FileDescriptorStream(descriptor: 1)
  var err = FileDescriptorStream(descriptor: 2)
  return run(Array(CommandLine.arguments.dropFirst()), stdout: &out, stderr: &err)
}

/// Text written straight to a file descriptor, so `--verbose` progress
/// appears while a long fit runs.
struct FileDescriptorStream: TextOutputStream {
  let descriptor: Int32
  mutating func write(_ string: String) {
    FileSystem.writeAll(string, toDescriptor: descriptor)
  }
}

private func dispatch(
  _ arguments: [String], stdout: inout some TextOutputStream,
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
    try ScoreCommand.run(rest, stdout: &stdout, stderr: &stderr)
  case "path":
    try PathCommand.run(rest, stdout: &stdout, stderr: &stderr)
  case "summary":
    try SummaryCommand.run(rest, stdout: &stdout, stderr: &stderr)
  case "fit":
    try FitCommand.run(rest, stdout: &stdout, stderr: &stderr)
  default:
    try FitCommand.run(arguments, stdout: &stdout, stderr: &stderr)
  }
}
