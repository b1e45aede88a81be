/// Maps byte offsets of one text to 1-based lines and columns.
///
/// Columns count Unicode scalars from the start of the line, so they agree with
/// SARIF's `unicodeCodePoints` and with editors that count code points.
public struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    private let bytes: [UInt8]

    public init(_ buffer: UnsafeBufferPointer<UInt8>) { self.init(Array(buffer)) }

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                if buffer[i] == 0x0A { starts.append(i + 1) }
                i += 1
            }
        }
        lineStarts = starts
    }

    /// 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// 1-based line and column (in scalars) of `offset`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let line = lineIndex(of: offset)
        var column = 1
        var i = lineStarts[line]
        while i < offset && i < bytes.count {
            if !UTF8Bytes.isContinuation(bytes[i]) { column += 1 }
            i += 1
        }
        return (line + 1, column)
    }

    /// The bytes of the 0-based line `index`, without its line terminator (`\n` or `\r\n`).
    public func lineRange(_ index: Int) -> ByteRange {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D && index + 1 < lineStarts.count { end -= 1 }
        return ByteRange(start, max(start, end))
    }
}
