import FitlogitKernels
import FitlogitSystem

/// Where the vector number scanner (FitlogitKernels' `fl_scan_numbers`,
/// AVX2) may read a row's fields in one call: runs of number columns whose
/// values go to consecutive outputs. Both chunked parsers (plain and
/// one-hot encoded) read a row through it, and read whatever field it
/// leaves with their own Swift code, which is the whole of the baseline
/// path.
struct NumberRuns {
  /// Per file column j: how many columns from j on are number columns
  /// with consecutive outputs; 0 where none is, or where the variant has
  /// no scanner.
  let lengths: [Int]
  /// The variant's code for the C kernels.
  let path: Int32
  /// Calls, and calls that read no field, in the current window of
  /// ``window`` calls.
  private var calls = 0
  private var misses = 0
  /// False once most calls of a window read nothing (a file of numbers in
  /// exponent form, say): each such call only classifies a field the Swift
  /// parser then reads anyway, so the rest of the chunk goes straight to it.
  private(set) var active = true
  static let window = 4096

  /// - Parameters:
  ///   - columnRoles: Per file column, its feature index or a negative
  ///     ``CSVColumnRoles`` role.
  ///   - output: The output index of feature k when it is read as a
  ///     number, nil when it is text.
  init(columnRoles: [Int], output: (Int) -> Int?, kernel: KernelPath) {
    var lengths = [Int](repeating: 0, count: columnRoles.count)
    path = kernel.code
    if fl_scan_numbers_supported(path) != 0 {
      for j in columnRoles.indices.reversed() {
        guard columnRoles[j] >= 0, let o = output(columnRoles[j]) else { continue }
        let continues =
          j + 1 < columnRoles.count && lengths[j + 1] > 0
          && output(columnRoles[j + 1]) == o + 1
        lengths[j] = continues ? lengths[j + 1] + 1 : 1
      }
    }
    self.lengths = lengths
  }

  /// Whether a run the scanner should read starts at file column j.
  @inline(__always)
  func starts(at j: Int) -> Bool { active && lengths[j] > 0 }

  /// What reading a run did to a row.
  enum Step {
    /// The scanner read nothing: the caller reads column j itself.
    case none
    /// It read up to the row's last column, or up to a separator, and
    /// the row goes on at this column and offset.
    case next(column: Int, offset: Int)
    /// The field after the run ends with neither the delimiter nor the
    /// row's end: not a clean row.
    case broken
  }

  /// Reads the run at file column j (one where ``starts(at:)``) into
  /// `out[0...]` and steps past the separator after it, as a row reader
  /// steps past each field.
  @inline(__always)
  mutating func step(
    _ b: UnsafePointer<UInt8>, from p: Int, count n: Int, column j: Int, last: Int,
    delimiter: UInt8, into out: UnsafeMutablePointer<Double>
  ) -> Step {
    let (k, e) = scan(b, from: p, count: n, column: j, delimiter: delimiter, into: out)
    guard k > 0 else { return .none }
    let column = j + k - 1
    guard column < last else { return .next(column: column + 1, offset: e) }
    guard e < n, b[e] == delimiter else { return .broken }
    return .next(column: column + 1, offset: e + 1)
  }

  /// Reads up to `lengths[j]` number fields starting at `b[p]` into
  /// `out[0...]`: how many it read, and the offset where the last one ends
  /// (its separator or line end; `p` when it read none).
  @inline(__always)
  mutating func scan(
    _ b: UnsafePointer<UInt8>, from p: Int, count n: Int, column j: Int,
    delimiter: UInt8, into out: UnsafeMutablePointer<Double>
  ) -> (read: Int, end: Int) {
    var next: UnsafePointer<UInt8>? = nil
    let k = fl_scan_numbers(
      path, b, b + p, b + n, delimiter, lengths[j], powersOfFiveTable, out, &next)
    calls += 1
    if k == 0 { misses += 1 }
    if calls == Self.window {
      if 2 * misses > calls { active = false }
      calls = 0
      misses = 0
    }
    return (k, next! - b)
  }
}
