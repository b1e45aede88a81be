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

extension ByteRange {
    /// `ranges` sorted, with those that overlap or touch joined into one.
    static func merged(_ ranges: [ByteRange]) -> [ByteRange] {
        var result: [ByteRange] = []
        for range in ranges.sorted() {
            if let last = result.last, range.start <= last.end {
                result[result.count - 1] = ByteRange(last.start, max(last.end, range.end))
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// Whether `range` overlaps one of `merged` (sorted and disjoint, as `merged(_:)` makes them) or, empty, lies
    /// inside one: a binary search, so that checking every finding of a long line against its markup stays linear.
    static func touches(merged ranges: [ByteRange], _ range: ByteRange) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].end <= range.start { low = mid + 1 } else { high = mid }
        }
        guard low < ranges.count else { return false }
        return ranges[low].overlaps(range) || (range.isEmpty && ranges[low].contains(range.start))
    }

    /// The items whose range touches none of `ranges` (in any order).
    static func outside<T>(_ ranges: [ByteRange], _ items: [T], range: (T) -> ByteRange) -> [T] {
        guard !ranges.isEmpty else { return items }
        let merged = merged(ranges)
        return items.filter { !touches(merged: merged, range($0)) }
    }
}
