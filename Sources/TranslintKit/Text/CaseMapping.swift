import CICU

/// Locale-aware case operations, backed by ICU.
public enum CaseMapping {
    /// Full upper-casing of `text` for `locale` (e.g. "tr" maps i to İ).
    public static func uppercase(_ text: String, locale: String) -> String {
        map(text, mode: 0, locale: locale)
    }

    /// Full lower-casing of `text` for `locale`.
    public static func lowercased(_ text: String, locale: String) -> String {
        map(text, mode: 1, locale: locale)
    }

    /// `text` with its first scalar upper-cased; the rest unchanged.
    public static func capitalizingFirst(_ text: String, locale: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        let rest = String(text.unicodeScalars.dropFirst())
        return uppercase(String(first), locale: locale) + rest
    }

    private static func map(_ text: String, mode: Int32, locale: String) -> String {
        var source = Array(text.utf8)
        guard !source.isEmpty else { return text }
        var capacity = source.count * 3 + 8
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            let length = source.withUnsafeMutableBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    src.withMemoryRebound(to: CChar.self) { s in
                        dst.withMemoryRebound(to: CChar.self) { d in
                            cicu_map_case(mode, locale, s.baseAddress, Int32(s.count), d.baseAddress, Int32(d.count))
                        }
                    }
                }
            }
            if length < 0 { return text }
            if Int(length) <= capacity { return String(decoding: out[0..<Int(length)], as: UTF8.self) }
            capacity = Int(length)
        }
    }

    /// Simple default case folding of one scalar (one scalar in, one out).
    @inline(__always)
    static func fold(_ scalar: UInt32) -> UInt32 {
        if scalar < 0x80 { return (scalar >= 0x41 && scalar <= 0x5A) ? scalar + 0x20 : scalar }
        if scalar < 0x10000 { return UInt32(bmpFoldTable[Int(scalar)]) }
        return UInt32(bitPattern: cicu_fold_case(Int32(bitPattern: scalar)))
    }

    /// `fold(text)` as a String.
    static func foldString(_ text: String) -> String { String(decoding: fold(text), as: UTF8.self) }

    /// Simple case folding of UTF-8 `text`, scalar by scalar.
    static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { UTF8Bytes.encode(fold(scalar.value), into: &out) }
        return out
    }
}

/// Case folding of the Basic Multilingual Plane, read from ICU once. Immutable after that.
/// Apostrophes fold to `'`: machine translation writes `Singles’ Day` and `woudn’t` where a glossary has `'`.
private let bmpFoldTable: [UInt16] = (0..<0x10000).map { c in
    if c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07 { return 0x27 }
    let folded = cicu_fold_case(Int32(c))
    return folded >= 0 && folded < 0x10000 ? UInt16(folded) : UInt16(c)
}
