/// A half-open range of UTF-8 byte offsets into the original text.
public struct ByteRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "ByteRange start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func overlaps(_ other: ByteRange) -> Bool {
        start < other.end && other.start < end
    }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    public func shifted(by delta: Int) -> ByteRange { ByteRange(start + delta, end + delta) }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
