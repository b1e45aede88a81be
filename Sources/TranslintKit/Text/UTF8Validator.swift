/// Checks that a stream of blocks is well-formed UTF-8, says where it is not, and counts lines on the way.
public struct UTF8Validator: Sendable {
    public let path: String
    /// Bytes checked so far (not counting `carry`).
    private var offset = 0
    /// Line breaks in the bytes checked so far.
    public private(set) var lineBreaks = 0
    /// Scalars since the last line break.
    private var column = 1
    /// The start of a sequence that a block boundary cut.
    private var carry: [UInt8] = []

    public init(path: String) { self.path = path }

    /// A validator that starts at a line start `offset` bytes into the file, after `lineBreaks` line breaks.
    public init(path: String, offset: Int, lineBreaks: Int) {
        self.path = path
        self.offset = offset
        self.lineBreaks = lineBreaks
    }

    public mutating func feed(_ block: UnsafeBufferPointer<UInt8>) throws {
        if carry.isEmpty {
            let end = Self.completeLength(block)
            try check(UnsafeBufferPointer(rebasing: block[0..<end]))
            carry = Array(block[end...])
        } else {
            // Rare: a sequence straddles two blocks. Join them; the copy is one block at most.
            let joined = carry + Array(block)
            carry = []
            try joined.withUnsafeBufferPointer { try feed($0) }
        }
    }

    public mutating func finish() throws {
        let rest = carry
        carry = []
        if !rest.isEmpty { try rest.withUnsafeBufferPointer { try check($0) } }
    }

    /// The length of `bytes` without an incomplete sequence at its end.
    private static func completeLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var back = 0
        while back < 3 && bytes.count - back - 1 >= 0 && UTF8Bytes.isContinuation(bytes[bytes.count - back - 1]) { back += 1 }
        let leadIndex = bytes.count - back - 1
        if leadIndex >= 0, bytes[leadIndex] >= 0xC0, UTF8Bytes.scalarLength(lead: bytes[leadIndex]) > back + 1 { return leadIndex }
        return bytes.count
    }

    private mutating func check(_ buffer: UnsafeBufferPointer<UInt8>) throws {
        if let bad = UTF8Bytes.firstInvalidOffset(buffer) {
            for k in 0..<bad { advance(buffer[k]) }
            throw InputError.invalidUTF8(path: path, offset: offset + bad, line: lineBreaks + 1, column: column)
        }
        // Only the position after the last line break matters for later errors.
        let n = buffer.count
        lineBreaks += ByteScan.count(of: 0x0A, in: buffer, from: 0, to: n)
        let lastBreak = ByteScan.lastIndex(of: 0x0A, in: buffer, from: 0, to: n) ?? -1
        if lastBreak >= 0 { column = 1 }
        column += n - (lastBreak + 1) - ByteScan.continuationCount(in: buffer, from: lastBreak + 1, to: n)
        offset += buffer.count
    }

    private mutating func advance(_ byte: UInt8) {
        if byte == 0x0A { lineBreaks += 1; column = 1 } else if !UTF8Bytes.isContinuation(byte) { column += 1 }
    }
}
