/// Small UTF-8 helpers that work on raw bytes, so hot paths never build `Character`s.
enum UTF8Bytes {
    /// Length of the scalar whose lead byte is `lead` (1 for ASCII and for stray continuation bytes).
    @inline(__always)
    static func scalarLength(lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// How many scalars valid UTF-8 `bytes` hold.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for byte in bytes where !isContinuation(byte) { n += 1 }
        return n
    }

    /// Decodes the scalar starting at `offset` of valid UTF-8.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(bytes[offset])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[offset + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[offset + 1]) & 0x3F) << 6) | (UInt32(bytes[offset + 2]) & 0x3F), 3)
        }
        return (((b0 & 0x07) << 18) | ((UInt32(bytes[offset + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[offset + 2]) & 0x3F) << 6) | (UInt32(bytes[offset + 3]) & 0x3F), 4)
    }

    /// Decodes the scalar that ends just before `offset`.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> (scalar: UInt32, length: Int) {
        var start = offset - 1
        while start > 0 && isContinuation(bytes[start]) && offset - start < 4 { start -= 1 }
        return decode(bytes, at: start)
    }

    /// Appends the UTF-8 encoding of `scalar`.
    @inline(__always)
    static func encode(_ scalar: UInt32, into out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil when all of it is.
    /// Rejects overlong forms, surrogates and scalars above U+10FFFF, as the Unicode standard requires.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var i = 0
        while i < count {
            // Eight ASCII bytes at a time: the common case for English text.
            if i + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            var need: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return i
            }
            if i + need >= count { return i } // truncated sequence
            let b1 = bytes[i + 1]
            if b1 < lower || b1 > upper { return i }
            var j = 2
            while j <= need {
                if bytes[i + j] & 0xC0 != 0x80 { return i }
                j += 1
            }
            i += need + 1
        }
        return nil
    }
}

/// The byte offset of the first byte of `bytes` that is not well-formed UTF-8, or nil when all of it is.
public func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    UTF8Bytes.firstInvalidOffset(bytes)
}
