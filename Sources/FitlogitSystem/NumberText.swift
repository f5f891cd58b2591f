// Numbers to and from text through libc: strtod for correctly rounded
// parsing, printf conversions for reports that must match Python's digits.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Correctly rounded decimal-to-double conversion of `count` ASCII bytes.
///
/// The caller has already checked the syntax, so strtod sees only
/// `[+-]digits[.digits][e[+-]digits]` and cannot wander into hex or `nan`.
package func libcStrtod(_ bytes: UnsafePointer<UInt8>, count: Int) -> Double {
  withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buf in
    for i in 0..<count { buf[i] = CChar(bitPattern: bytes[i]) }
    buf[count] = 0
    return strtod(buf.baseAddress!, nil)
  }
}

/// One printf conversion (`%.*f`, `%#8.5g`) of `arguments`, at most 399
/// characters: the same digits as Python's `%` formatting and numpy.
package func printfFormat(_ format: String, _ arguments: CVarArg...) -> String {
  withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buf in
    _ = withVaList(arguments) { vsnprintf(buf.baseAddress!, 400, format, $0) }
    return String(cString: buf.baseAddress!)
  }
}
