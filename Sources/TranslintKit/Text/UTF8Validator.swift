/// Checks that a stream of blocks is well-formed UTF-8, and says where it is not.
public struct UTF8Validator: Sendable {
    public let path: String
    /// Bytes, lines and the current line's scalars before `carry`.
    private var offset = 0
    private var line = 1
    private var column = 1
    /// The start of a sequence that a block boundary cut.
    private var carry: [UInt8] = []

    public init(path: String) { self.path = path }

    public mutating func feed(_ block: UnsafeBufferPointer<UInt8>) throws {
        var bytes = carry
        bytes.append(contentsOf: block)
        // Keep an incomplete sequence at the end for the next block.
        var end = bytes.count
        var back = 0
        while back < 3 && end - back - 1 >= 0 && UTF8Bytes.isContinuation(bytes[end - back - 1]) { back += 1 }
        if end - back - 1 >= 0 {
            let lead = bytes[end - back - 1]
            if lead >= 0xC0 && UTF8Bytes.scalarLength(lead: lead) > back + 1 { end = end - back - 1 }
        }
        try check(Array(bytes[0..<end]))
        carry = Array(bytes[end...])
    }

    public mutating func finish() throws {
        if !carry.isEmpty { try check(carry) }
        carry = []
    }

    private mutating func check(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            if let bad = UTF8Bytes.firstInvalidOffset(buffer) {
                for k in 0..<bad { advance(buffer[k]) }
                throw InputError.invalidUTF8(path: path, offset: offset + bad, line: line, column: column)
            }
            // Only the position after the last line break matters for later errors.
            var lastBreak = -1
            for k in 0..<buffer.count where buffer[k] == 0x0A { line += 1; lastBreak = k }
            if lastBreak >= 0 { column = 1 }
            for k in (lastBreak + 1)..<buffer.count where !UTF8Bytes.isContinuation(buffer[k]) { column += 1 }
            offset += buffer.count
        }
    }

    private mutating func advance(_ byte: UInt8) {
        if byte == 0x0A { line += 1; column = 1 } else if !UTF8Bytes.isContinuation(byte) { column += 1 }
    }
}
