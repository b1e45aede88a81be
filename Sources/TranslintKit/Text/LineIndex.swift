/// Maps byte offsets of one text to 1-based lines and columns.
///
/// Columns count Unicode scalars from the start of the line, so they agree with
/// SARIF's `unicodeCodePoints` and with editors that count code points.
///
/// A column costs at most `checkpointStride` byte steps, whatever the line's length: the number of scalars before
/// every `checkpointStride`-th byte is kept, so thousands of findings on one long line stay linear overall.
public struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    private let bytes: [UInt8]
    /// `scalarCheckpoints[k]` is the number of scalars that start before byte `k * checkpointStride`.
    private let scalarCheckpoints: [Int]
    private static let checkpointStride = 256

    public init(_ buffer: UnsafeBufferPointer<UInt8>) { self.init(Array(buffer)) }

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            var i = ByteScan.firstIndex(of: 0x0A, in: buffer, from: 0, to: n)
            while i < n {
                starts.append(i + 1)
                i = ByteScan.firstIndex(of: 0x0A, in: buffer, from: i + 1, to: n)
            }
            // A checkpoint at every multiple of the stride up to the end, the end included when it is one.
            var scalars = 0
            var block = 0
            while true {
                checkpoints.append(scalars)
                let next = block + Self.checkpointStride
                guard next <= n else { break }
                scalars += Self.checkpointStride - ByteScan.continuationCount(in: buffer, from: block, to: next)
                block = next
            }
        }
        lineStarts = starts
        scalarCheckpoints = checkpoints
    }

    /// The number of scalars that start before byte `offset` (clamped to the text).
    public func scalarOffset(of offset: Int) -> Int {
        let offset = max(0, min(offset, bytes.count))
        let block = offset / Self.checkpointStride
        var count = scalarCheckpoints[min(block, scalarCheckpoints.count - 1)]
        var i = min(block, scalarCheckpoints.count - 1) * Self.checkpointStride
        while i < offset {
            if !UTF8Bytes.isContinuation(bytes[i]) { count += 1 }
            i += 1
        }
        return count
    }

    /// The number of scalars that start in `from..<to`.
    public func scalarCount(from: Int, to: Int) -> Int { max(0, scalarOffset(of: to) - scalarOffset(of: from)) }

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
        return (line + 1, 1 + scalarCount(from: lineStarts[line], to: offset))
    }

    /// The bytes of the 0-based line `index`, without its line terminator (`\n` or `\r\n`).
    public func lineRange(_ index: Int) -> ByteRange {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D && index + 1 < lineStarts.count { end -= 1 }
        return ByteRange(start, max(start, end))
    }
}
