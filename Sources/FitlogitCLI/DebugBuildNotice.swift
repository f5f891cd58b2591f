import FitlogitSystem

/// The one-line note a debug build prints before reading a large file.
///
/// `swift run` builds without optimization, which is fine for the article's
/// ten points and about 150 times slower on a 100k-row file (38.9 s against
/// 0.25 s): a new user who tries real data that way would conclude the tool
/// is slow. A release build never prints it.
enum DebugBuildNotice {
  /// Files larger than this (10 MB) get the note.
  static let threshold = 10_000_000

  static let text =
    "fitlogit: note: this is a debug build, about 100 times slower on large files;"
    + " for real data build the release binary with 'swift build -c release'"
    + " and run .build/release/fitlogit\n"

  /// The note, when this is a debug build and one of `arguments` names a
  /// regular file over ``threshold`` bytes; nil otherwise. Checked once per
  /// command line, so the note appears once however many files it reads.
  static func text(arguments: [String]) -> String? {
    #if DEBUG
      for argument in arguments where !argument.hasPrefix("-") {
        if let size = fileSize(argument), size > threshold { return text }
      }
    #endif
    return nil
  }
}
