/// The header's names for an error message, at most 20 of them: a header
/// of a million columns made a one-line error of 10.9 MB. `quote` shows one
/// name (``quoted(_:limit:)`` with a limit of 40 cuts a long one with "…").
public func columnList(_ names: [String], quote: (String) -> String) -> String {
  let shown = names.prefix(20).map(quote).joined(separator: ", ")
  return names.count > 20 ? shown + " and \(names.count - 20) more" : shown
}
