import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// LSP's base protocol: each message is a header (`Content-Length: N`, optionally `Content-Type`, each line ending
/// in CRLF), an empty line, and N bytes of UTF-8 JSON.
final class FrameReader {
    enum Frame: Equatable {
        case message([UInt8])
        /// A header without a usable Content-Length: the frame is skipped and answered with a parse error.
        case malformed(String)
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    /// A frame larger than this is refused (and skipped), so a bad length cannot exhaust memory.
    static let maximumLength = 256 << 20

    init(fd: Int32) { self.fd = fd }

    /// After a malformed header: skip to the next `Content-Length`, whatever lies between.
    private var resyncing = false
    private static let lengthHeader = Array("Content-Length:".utf8)

    /// The next frame, or nil at the end of the input.
    func next() -> Frame? {
        if resyncing {
            guard resync() else { return nil }
            resyncing = false
        }
        while true {
            if let end = headerEnd() {
                let header = String(decoding: buffer[position..<end], as: UTF8.self)
                position = end + 4
                var length: Int?
                for line in header.split(separator: "\r\n") {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
                        length = Int(parts[1].trimmingCharacters(in: .whitespaces))
                    }
                }
                guard let length, length >= 0, length <= Self.maximumLength else {
                    resyncing = true
                    return .malformed("a header without a valid Content-Length: \(header.prefix(80))")
                }
                guard fill(upTo: position + length) else { return nil }
                let body = Array(buffer[position..<(position + length)])
                position += length
                compact()
                return .message(body)
            }
            guard fill(upTo: buffer.count + 1) else { return nil }
        }
    }

    /// Moves to the next `Content-Length:` header; false at the end of the input.
    private func resync() -> Bool {
        let needle = Self.lengthHeader
        while true {
            var i = position
            while i + needle.count <= buffer.count {
                if buffer[i] == needle[0] && buffer[i..<(i + needle.count)].elementsEqual(needle) {
                    position = i
                    return true
                }
                i += 1
            }
            position = max(position, buffer.count - needle.count + 1)
            compact()
            guard fill(upTo: buffer.count + 1) else { return false }
        }
    }

    private func headerEnd() -> Int? {
        guard buffer.count - position >= 4 else { return nil }
        var i = position
        while i + 3 < buffer.count {
            if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// Reads until the buffer holds `count` bytes; false at the end of the input.
    private func fill(upTo count: Int) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while buffer.count < count {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            buffer.append(contentsOf: chunk[..<n])
        }
        return true
    }

    private func compact() {
        if position > 1 << 20 || position == buffer.count {
            buffer.removeSubrange(0..<position)
            position = 0
        }
    }
}

/// Writes frames to standard output, one at a time: the only thing the server ever writes there.
final class FrameWriter: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    init(fd: Int32) { self.fd = fd }

    /// Writes one message, `{"jsonrpc":"2.0", …}` with `members` (already encoded JSON) in order.
    func send(_ members: [(String, Data)]) throws {
        var body = Data(#"{"jsonrpc":"2.0""#.utf8)
        for (key, value) in members {
            body.append(contentsOf: Array(#","\#(key)":"#.utf8))
            body.append(value)
        }
        body.append(UInt8(ascii: "}"))
        lock.lock()
        defer { lock.unlock() }
        var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(contentsOf: body)
        var offset = 0
        while offset < frame.count {
            let n = frame[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw POSIXError(.EPIPE) }
            offset += n
        }
    }

    /// A value as JSON, without escaping slashes (URIs stay readable).
    func encode(_ value: some Encodable) throws -> Data {
        if let fast = value as? FastJSON {
            var out = JSONBytes()
            fast.write(to: &out)
            return Data(out.bytes)
        }
        return try encoder.encode(value)
    }
}
