import CICU

/// Character classes the checks need, with an ASCII fast path.
enum CharacterClass {
    @inline(__always)
    static func properties(_ scalar: UInt32) -> Unicode.Scalar.Properties? {
        Unicode.Scalar(scalar)?.properties
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    @inline(__always)
    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always)
    static func isASCIIAlnum(_ byte: UInt8) -> Bool { isASCIILetter(byte) || isASCIIDigit(byte) }

    static func isLetter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isASCIILetter(UInt8(scalar)) }
        return properties(scalar)?.isAlphabetic ?? false
    }

    static func isDigit(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isASCIIDigit(UInt8(scalar)) }
        return properties(scalar)?.numericType == .decimal
    }

    static func isAlnum(_ scalar: UInt32) -> Bool { isLetter(scalar) || isDigit(scalar) }

    static func isLowercase(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar >= 0x61 && scalar <= 0x7A }
        return properties(scalar)?.isLowercase ?? false
    }

    static func isUppercase(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar >= 0x41 && scalar <= 0x5A }
        guard let p = properties(scalar) else { return false }
        return p.isUppercase || p.generalCategory == .titlecaseLetter
    }

    /// Space, tab, line breaks and the other Unicode white space.
    static func isWhitespace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
        case 0..<0x80: return false
        default: return properties(scalar)?.isWhitespace ?? false
        }
    }

    /// Marks that open a quotation or a bracket; sentence starts look past them.
    static func isOpening(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x2018, 0x201C, 0x00AB, 0x2039, 0x300C, 0x300E, 0x3008, 0x300A, 0x3010,
             0xFF08, 0x201E, 0x201A, 0x00BF, 0x00A1:
            return true
        default:
            return false
        }
    }

    /// Marks that close a quotation or a bracket, which may stand between a sentence's end and the next one.
    static func isClosing(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0x00BB, 0x203A, 0x300D, 0x300F, 0x3009, 0x300B, 0x3011, 0xFF09:
            return true
        default:
            return false
        }
    }

    /// Full-width terminals (Chinese, Japanese) that end a sentence without a following space.
    static func isUnspacedTerminal(_ scalar: UInt32) -> Bool {
        scalar == 0x3002 || scalar == 0xFF01 || scalar == 0xFF1F || scalar == 0xFF0E
    }

    /// Sentence_Break STerm, ATerm or Sep (UAX #29): what ICU's sentence break breaks after.
    static func isSentenceTerminal(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar == 0x2E || scalar == 0x21 || scalar == 0x3F }
        if scalar < 0x10000 { return sentenceTerminalTable[Int(scalar) >> 6] & (1 << UInt64(scalar & 63)) != 0 }
        return cicu_is_sentence_terminal(Int32(bitPattern: scalar)) != 0
    }

    static func isUnspacedScript(_ scalar: UInt32) -> Bool {
        scalar >= 0x0E00 && cicu_is_unspaced_script(Int32(bitPattern: scalar)) != 0
    }

    static func displayWidth(_ scalar: UInt32) -> Int {
        if scalar >= 0x20 && scalar < 0x7F { return 1 }
        if scalar == 0x09 { return 1 }
        return Int(cicu_display_width(Int32(bitPattern: scalar)))
    }
}

/// Sentence terminals of the Basic Multilingual Plane as a bitset, read from ICU once.
private let sentenceTerminalTable: [UInt64] = (0..<1024).map { word in
    var bits: UInt64 = 0
    for bit in 0..<64 where cicu_is_sentence_terminal(Int32(word * 64 + bit)) != 0 { bits |= 1 << UInt64(bit) }
    return bits
}
