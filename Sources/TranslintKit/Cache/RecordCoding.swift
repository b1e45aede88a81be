/// The byte-level pieces of a cache record (`CompiledGlossary`): varints, strings, and arrays of fixed-width integers
/// copied as they lie in memory. Written and read by the same build of translint on the same machine (records are
/// keyed by the build), so native byte order and layout are fine; nothing here is an interchange format.
///
/// Reading checks every length against the bytes and throws `RecordReader.Corrupt` on anything that does not fit,
/// never reading out of bounds.
struct RecordWriter {
    private(set) var bytes: [UInt8] = []

    mutating func uint(_ value: Int) {
        var v = UInt64(value)
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    /// Zigzag, so that small negative numbers stay short.
    mutating func int(_ value: Int) {
        let v = Int64(value)
        var z = UInt64(bitPattern: (v << 1) ^ (v >> 63))
        while z >= 0x80 { bytes.append(UInt8(z & 0x7F) | 0x80); z >>= 7 }
        bytes.append(UInt8(z))
    }

    mutating func uint64(_ value: UInt64) { raw([value]) }

    mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            uint(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// 0 for nil, else 1 and the string.
    mutating func optionalString(_ value: String?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        string(value)
    }

    /// 0 nil, 1 false, 2 true.
    mutating func optionalBool(_ value: Bool?) { bytes.append(value.map { $0 ? 2 : 1 } ?? 0) }

    mutating func strings(_ values: [String]) {
        uint(values.count)
        for value in values { string(value) }
    }

    /// A count, then the elements' bytes as they lie in memory.
    mutating func raw<T: FixedWidthInteger>(_ values: [T]) {
        uint(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

struct RecordReader {
    struct Corrupt: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Corrupt() }
        defer { offset += 1 }
        return bytes[offset]
    }

    private mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Corrupt() }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func uint() throws -> Int {
        let value = try varint()
        guard value <= UInt64(Int.max) else { throw Corrupt() }
        return Int(value)
    }

    mutating func int() throws -> Int {
        let z = try varint()
        return Int(Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1))
    }

    /// A count of elements of at least `size` bytes each that the rest of the record can hold.
    mutating func count(size: Int = 1) throws -> Int {
        let n = try uint()
        guard n <= (bytes.count - offset) / max(size, 1) else { throw Corrupt() }
        return n
    }

    mutating func uint64() throws -> UInt64 {
        let values: [UInt64] = try raw()
        guard values.count == 1 else { throw Corrupt() }
        return values[0]
    }

    mutating func string() throws -> String {
        let n = try count()
        defer { offset += n }
        // Not validated one by one: a record carries a checksum of its bytes, and decoding repairs, never traps.
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
    }

    mutating func optionalString() throws -> String? {
        switch try byte() {
        case 0: return nil
        case 1: return try string()
        default: throw Corrupt()
        }
    }

    mutating func optionalBool() throws -> Bool? {
        switch try byte() {
        case 0: return nil
        case 1: return false
        case 2: return true
        default: throw Corrupt()
        }
    }

    mutating func strings() throws -> [String] {
        let n = try count()
        if n == 0 { return [] }   // most lists are empty: no buffer
        var values: [String] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try string()) }
        return values
    }

    mutating func raw<T: FixedWidthInteger>() throws -> [T] {
        let n = try count(size: MemoryLayout<T>.size)
        let length = n * MemoryLayout<T>.size
        let source = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[offset..<offset + length])
        offset += length
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = n
        }
    }
}

/// A 128-bit hash of bytes (two 64-bit lanes), eight bytes at a step: the cache key of glossary files and the
/// checksum of a record. Not cryptographic: it guards against stale and damaged records, not against an adversary.
struct RecordHash {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344

    init() {}

    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x9E37_79B9_7F4A_7C15
        a ^= a >> 29
        b = (b ^ word) &* 0xC2B2_AE3D_27D4_EB4F
        b ^= b >> 32
    }

    /// The length first, so that no two lists of parts hash the same by moving a boundary.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var i = 0
        while i + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for k in i..<bytes.count { tail |= UInt64(bytes[k]) << (UInt64(k - i) * 8) }
            mix(tail)
        }
    }

    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    mutating func add(_ string: String) { add(Array(string.utf8)) }

    var value: (UInt64, UInt64) {
        // A final avalanche, so that the last words reach every bit.
        func finish(_ x: UInt64) -> UInt64 {
            var x = x
            x ^= x >> 33; x = x &* 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33; x = x &* 0xC4CE_B9FE_1A85_EC53
            return x ^ (x >> 33)
        }
        return (finish(a), finish(b ^ a))
    }

    /// A 64-bit checksum of `bytes`, two words a step in two lanes: a third of the instructions of `add`, for the
    /// megabytes of a record.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var a: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count), b: UInt64 = 0x1319_8A2E_0370_7344
        var i = 0
        while i + 16 <= bytes.count {
            a = (a ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            b = (b ^ bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
            a ^= a >> 29
            b ^= b >> 32
            i += 16
        }
        var rest = RecordHash()
        rest.add(UnsafeRawBufferPointer(rebasing: bytes[i...]))
        let (x, _) = rest.value
        return x ^ (a &* 0xFF51_AFD7_ED55_8CCD) ^ ((b &* 0xC4CE_B9FE_1A85_EC53) >> 7 | b << 57)
    }

    var hex: String {
        let (x, y) = value
        func digits(_ v: UInt64) -> String {
            let text = String(v, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return digits(x) + digits(y)
    }
}
