#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The version `--version` prints.
public let version = "0.1.0"

/// Runs one command line, in-process: what `fitlogit` does, with its output
/// captured so tests can compare it whole.
///
/// - Parameters:
///   - arguments: The words after the program name.
/// - Returns: The exit status: 0, 1 (bad data or a failed run) or 64 (usage).
public func run(
  _ arguments: [String], stdout: inout String, stderr: inout String
) -> Int32 {
  do {
    try dispatch(arguments, stdout: &stdout, stderr: &stderr)
    return 0
  } catch {
    var message = error.message
    if error.kind == .usage && !message.contains("--help") {
      message += " (see 'fitlogit --help')"
    }
    stderr += "fitlogit: error: \(message)\n"
    return error.exitStatus
  }
}

/// Runs the process's own command line and returns its exit status.
public func runMain() -> Int32 {
  var out = ""
  var err = ""
  let status = run(Array(CommandLine.arguments.dropFirst()), stdout: &out, stderr: &err)
  FileSystem.writeAll(out, toDescriptor: 1)
  FileSystem.writeAll(err, toDescriptor: 2)
  return status
}

private func dispatch(
  _ arguments: [String], stdout: inout String, stderr: inout String
) throws(CommandError) {
  guard let first = arguments.first else {
    throw .usage("missing DATA.csv: try 'fitlogit data/points.csv'")
  }
  let rest = Array(arguments.dropFirst())
  switch first {
  case "--help", "-h", "help":
    stdout += Help.main
  case "--version":
    stdout += "fitlogit \(version)\n"
  case "predict":
    try PredictCommand.run(rest, stdout: &stdout, stderr: &stderr)
  case "fit":
    try FitCommand.run(rest, stdout: &stdout, stderr: &stderr)
  default:
    try FitCommand.run(arguments, stdout: &stdout, stderr: &stderr)
  }
}
