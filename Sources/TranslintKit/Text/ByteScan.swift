/// Scans over UTF-8 bytes eight at a time (SWAR: one 64-bit word per step where a byte loop takes eight), for the
/// passes that read every byte of a chunk: line breaks, scalar counts. Results are exact, as a byte loop's.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let high: UInt64 = 0x8080_8080_8080_8080

    @inline(__always) static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

    /// How many bytes of `marks` have their high bit set (and no other bit): a multiply, since the baseline
    /// x86-64 target has no population-count instruction and `nonzeroBitCount` becomes a dozen instructions.
    @inline(__always) static func markCount(_ marks: UInt64) -> Int { Int(((marks >> 7) &* ones) >> 56) }

    /// The high bit of each byte of `x` that is zero, and no other bit: exact, with no carry between bytes.
    @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }

    /// The eight bytes at `base + i`, the first in the lowest bits.
    @inline(__always) static func load(_ base: UnsafePointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
    }

    /// The first index in `from..<end` that holds `byte`, or `end`.
    static func firstIndex(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        guard let base = text.baseAddress else { return end }
        let pattern = broadcast(byte)
        var i = from
        while i + 8 <= end {
            let found = zeroBytes(load(base, i) ^ pattern)
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end && base[i] != byte { i += 1 }
        return i
    }

    /// The last index in `from..<end` that holds `byte`, or nil.
    static func lastIndex(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        guard let base = text.baseAddress else { return nil }
        let pattern = broadcast(byte)
        var i = end
        while i - 8 >= from {
            let found = zeroBytes(load(base, i - 8) ^ pattern)
            if found != 0 { return i - 8 + (63 - found.leadingZeroBitCount) >> 3 }
            i -= 8
        }
        while i > from { i -= 1; if base[i] == byte { return i } }
        return nil
    }

    /// How many bytes in `from..<end` are `byte`.
    static func count(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        guard let base = text.baseAddress else { return 0 }
        let pattern = broadcast(byte)
        var i = from, total = 0
        while i + 8 <= end {
            total += markCount(zeroBytes(load(base, i) ^ pattern))
            i += 8
        }
        while i < end { if base[i] == byte { total += 1 }; i += 1 }
        return total
    }

    /// How many bytes in `from..<end` are UTF-8 continuation bytes (`10xxxxxx`): the bytes that start no scalar.
    static func continuationCount(in text: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        guard let base = text.baseAddress else { return 0 }
        var i = from, total = 0
        while i + 8 <= end {
            let x = load(base, i)
            // Bit 7 set and bit 6 clear: shifting left by one brings each byte's bit 6 under its bit 7.
            total += markCount(x & ~(x << 1) & high)
            i += 8
        }
        while i < end { if base[i] & 0xC0 == 0x80 { total += 1 }; i += 1 }
        return total
    }
}
