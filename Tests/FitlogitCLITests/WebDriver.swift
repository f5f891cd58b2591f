import Foundation
import FitlogitTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A W3C WebDriver session on headless Chromium through chromedriver: the
/// few commands a reader's actions need (open, find, click, hover, keys,
/// read). Plain HTTP and JSON over a socket: Foundation's URLSession on
/// Linux refuses chromedriver's replies ("Failed writing header": they
/// write `Content-Length:251`, no space after the colon).
final class WebDriver {
  let process = Process()
  let port: Int
  var session = ""

  /// Where chromedriver is, or nil (then the tests that need it are
  /// skipped, and say why).
  static let chromedriver: String? = {
    let candidates = [
      ProcessInfo.processInfo.environment["FITLOGIT_CHROMEDRIVER"], "/usr/bin/chromedriver",
      "/usr/lib/chromium/chromedriver",
    ]
    let found = candidates.compactMap { $0 }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    if found == nil {
      print("LivePageBrowserTests: the WebDriver tests are skipped: no chromedriver at "
        + "/usr/bin/chromedriver (Debian's chromium-driver; set FITLOGIT_CHROMEDRIVER)")
    }
    return found
  }()

  /// Starts chromedriver on a free port and a headless Chromium session.
  init(chromium: String) throws {
    port = 20_000 + Int.random(in: 0..<20_000)
    process.executableURL = URL(fileURLWithPath: Self.chromedriver!)
    process.arguments = ["--port=\(port)", "--silent"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Ready within a few hundred milliseconds; give it 10 s.
    var ready = false
    var problem = ""
    for _ in 0..<100 where !ready {
      usleep(100_000)
      do {
        ready = (try get("/status") as? [String: Any])?["ready"] as? Bool == true
      } catch {
        problem = "\(error)"
      }
    }
    if !ready { stop() }
    try #require(ready, "chromedriver did not start: \(problem)")
    let options: [String: Any] = [
      "binary": chromium,
      "args": [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--window-size=1200,1400", "--user-data-dir=" + temporaryDirectory(),
      ],
    ]
    let created = try request(
      "POST", "/session",
      ["capabilities": ["alwaysMatch": ["goog:chromeOptions": options]]])
    session = created["sessionId"] as? String ?? ""
    if session.isEmpty { stop() }
    try #require(!session.isEmpty, "no session: \(created)")
  }

  /// Ends the session and chromedriver.
  func quit() {
    if !session.isEmpty { _ = try? request("DELETE", "/session/\(session)") }
    stop()
  }

  /// chromedriver ignores SIGTERM while it has no session to close.
  func stop() {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  func open(_ url: String) throws {
    _ = try request("POST", "/session/\(session)/url", ["url": url])
  }

  /// The element's WebDriver reference, by CSS selector.
  func find(_ css: String) throws -> String {
    let value = try request(
      "POST", "/session/\(session)/element", ["using": "css selector", "value": css])
    return try #require(
      value["element-6066-11e4-a52e-4f735466cecf"] as? String, "no element \(css): \(value)")
  }

  func click(_ css: String) throws {
    _ = try request("POST", "/session/\(session)/element/\(try find(css))/click", [:])
  }

  /// Moves the mouse onto the element's centre, as a reader's hover.
  func hover(_ css: String) throws {
    let element = try find(css)
    let move: [String: Any] = [
      "type": "pointerMove", "duration": 0, "x": 0, "y": 0,
      "origin": ["element-6066-11e4-a52e-4f735466cecf": element],
    ]
    _ = try request(
      "POST", "/session/\(session)/actions",
      [
        "actions": [
          [
            "type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"],
            "actions": [move],
          ]
        ]
      ])
  }

  /// Keys typed into the focused element (WebDriver's codes: U+E014 is →).
  func keys(_ css: String, _ text: String) throws {
    _ = try request(
      "POST", "/session/\(session)/element/\(try find(css))/value", ["text": text])
  }

  func text(_ css: String) throws -> String {
    try get("/session/\(session)/element/\(try find(css))/text") as? String ?? ""
  }

  /// A property (an input's `value`) or attribute (`data-value`).
  func property(_ css: String, _ name: String) throws -> String {
    let kind = name.hasPrefix("data-") ? "attribute" : "property"
    return try get("/session/\(session)/element/\(try find(css))/\(kind)/\(name)")
      as? String ?? ""
  }

  /// A command's `value`; a WebDriver error fails with its message.
  @discardableResult
  func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws
    -> [String: Any]
  {
    try requestValue(method, path, body) as? [String: Any] ?? [:]
  }

  /// A GET command's `value`, whatever its type (a string for text).
  func get(_ path: String) throws -> Any? {
    try requestValue("GET", path, nil)
  }

  private func requestValue(_ method: String, _ path: String, _ body: [String: Any]?)
    throws -> Any?
  {
    let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
    let data = try exchange(
      Data(("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        + "Content-Type: application/json\r\nContent-Length: \(payload.count)\r\n"
        + "Connection: close\r\n\r\n").utf8) + payload)
    let reply = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let value = reply?["value"]
    if let error = (value as? [String: Any])?["error"] as? String {
      let message = (value as? [String: Any])?["message"] as? String ?? ""
      throw WebDriverError(description: "\(method) \(path): \(error): \(message)")
    }
    return value
  }
}

extension WebDriver {
  /// One HTTP exchange on a fresh connection: the request out, the reply's
  /// body back (up to its Content-Length, or to the end).
  func exchange(_ request: Data) throws -> Data {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw WebDriverError(description: "socket: \(errno)") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw WebDriverError(description: "connect: \(errno)") }
    var timeout = timeval(tv_sec: 60, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    try request.withUnsafeBytes { bytes in
      var sent = 0
      while sent < bytes.count {
        let n = send(fd, bytes.baseAddress! + sent, bytes.count - sent, 0)
        guard n > 0 else { throw WebDriverError(description: "send: \(errno)") }
        sent += n
      }
    }
    var reply = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    let separator = Data("\r\n\r\n".utf8)
    while true {
      let n = recv(fd, &buffer, buffer.count, 0)
      if n < 0 { throw WebDriverError(description: "recv: \(errno)") }
      if n == 0 { break }
      reply.append(contentsOf: buffer[0..<n])
      if let end = reply.range(of: separator) {
        let head = String(decoding: reply[..<end.lowerBound], as: UTF8.self).lowercased()
        if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
          let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)),
          reply.count - end.upperBound >= length
        {
          return reply[end.upperBound..<(end.upperBound + length)]
        }
      }
    }
    guard let end = reply.range(of: separator) else {
      throw WebDriverError(description: "no reply")
    }
    return reply[end.upperBound...]
  }
}

struct WebDriverError: Error, CustomStringConvertible {
  let description: String
}
