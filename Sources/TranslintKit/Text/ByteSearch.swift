/// Substring search on UTF-8 bytes, for the checks that ask whether a text holds a marker (`million`, `translator`)
/// before doing real work: Foundation's String search costs far more than the bytes do.
enum ByteSearch {
    /// Whether `haystack` holds `needle`; with `ignoringASCIICase`, ASCII letters compare without case.
    static func contains<C: Collection>(_ needle: [UInt8], in haystack: C, ignoringASCIICase: Bool = false) -> Bool
        where C.Element == UInt8, C.Index == Int {
        firstIndex(of: needle, in: haystack, from: haystack.startIndex, ignoringASCIICase: ignoringASCIICase) != nil
    }

    /// Where `needle` first occurs in `haystack` at or after `from`, or nil.
    static func firstIndex<C: Collection>(of needle: [UInt8], in haystack: C, from: Int, ignoringASCIICase: Bool = false) -> Int?
        where C.Element == UInt8, C.Index == Int {
        guard let first = needle.first else { return from }
        let start = max(from, haystack.startIndex)
        guard haystack.endIndex - start >= needle.count else { return nil }
        func fold(_ b: UInt8) -> UInt8 { ignoringASCIICase && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        for i in start...(haystack.endIndex - needle.count) where fold(haystack[i]) == fold(first) {
            var k = 1
            while k < needle.count && fold(haystack[i + k]) == fold(needle[k]) { k += 1 }
            if k == needle.count { return i }
        }
        return nil
    }
}
