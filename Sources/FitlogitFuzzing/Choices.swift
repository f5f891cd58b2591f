/// The fuzzer's bytes read as a stream of small choices, so one input picks
/// a whole structured case (which node to change, to what) and libFuzzer's
/// byte mutations become structural ones. Past the end every choice is 0:
/// any input, even an empty one, is a valid case.
package struct Choices {
  private let bytes: [UInt8]
  private var next = 0

  package init(_ bytes: [UInt8]) { self.bytes = bytes }

  package var isExhausted: Bool { next >= bytes.count }

  /// A number in 0..<count (count ≥ 1), from one or two bytes.
  package mutating func pick(_ count: Int) -> Int {
    precondition(count >= 1)
    var value = Int(take())
    if count > 256 { value = value << 8 | Int(take()) }
    return value % count
  }

  package mutating func element<T>(of items: [T]) -> T { items[pick(items.count)] }

  private mutating func take() -> UInt8 {
    defer { next += 1 }
    return next < bytes.count ? bytes[next] : 0
  }
}
