import FitlogitSystem

/// Standard output, written in large chunks and checked: a full disk is an
/// error (`writing standard output: No space left on device`, exit 1)
/// rather than a silent exit 0 with half the rows, and a reader that stops
/// early (`| head`) ends the output quietly, as Unix tools do.
///
/// The first failed write is remembered and everything after it dropped;
/// ``finish()`` flushes and says how it went.
final class StandardOutput {
  enum Outcome: Equatable {
    case written
    /// The reader closed the pipe: not an error of this command.
    case closedPipe
    /// The `errno` of the first failed write.
    case failed(Int32)
  }

  /// Flush whenever this many bytes are waiting: `predict` writes 200,000
  /// rows in a few dozen system calls instead of one per row.
  static let chunk = 1 << 16

  let descriptor: Int32
  private var pending: [UInt8] = []
  private var failure: Int32?

  init(descriptor: Int32) {
    self.descriptor = descriptor
    pending.reserveCapacity(Self.chunk)
  }

  func append(_ text: String) {
    guard failure == nil else { return }
    pending.append(contentsOf: text.utf8)
    if pending.count >= Self.chunk { flush() }
  }

  private func flush() {
    if failure == nil {
      failure = pending.withUnsafeBytes { writeBytes(descriptor, $0) }
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// Writes what is left and reports the first failure, if any.
  func finish() -> Outcome {
    flush()
    switch failure {
    case nil: return .written
    case errnoBrokenPipe: return .closedPipe
    case let code?: return .failed(code)
    }
  }

  /// The error for a failed write, in the words of strerror.
  static func error(_ code: Int32) -> CommandError {
    .data("writing standard output: \(systemErrorText(code))")
  }

  /// A `TextOutputStream` over it, for the commands.
  struct Stream: TextOutputStream {
    let output: StandardOutput
    mutating func write(_ string: String) { output.append(string) }
  }
}

/// Text written straight to a file descriptor, unbuffered, so `--verbose`
/// progress appears while a long fit runs. (Used for standard error: a
/// failure to write there cannot be reported anywhere.)
struct FileDescriptorStream: TextOutputStream {
  let descriptor: Int32
  mutating func write(_ string: String) {
    writeAll(string, toDescriptor: descriptor)
  }
}
