/// Finds URLs and e-mail addresses, whose text is never flagged or changed.
enum LinkDetector {
    /// Ranges of URLs (`scheme://…`, `www.…`) and e-mail addresses in `text`, ascending, non-overlapping.
    static func links(in text: UnsafeBufferPointer<UInt8>) -> [ByteRange] {
        var spans: [ByteRange] = []
        let count = text.count
        var i = 0
        let colon = ByteScan.broadcast(0x3A), at = ByteScan.broadcast(0x40), w = ByteScan.broadcast(0x77), caseBit = ByteScan.broadcast(0x20)
        while i < count {
            // Only ':' (scheme://), 'w'/'W' (www.) and '@' can start a link; everything else is skipped fast, eight
            // bytes at a time where none of them is one.
            if i + 8 <= count, let base = text.baseAddress {
                let word = ByteScan.load(base, i)
                let candidates = ByteScan.zeroBytes(word ^ colon) | ByteScan.zeroBytes(word ^ at) | ByteScan.zeroBytes((word | caseBit) ^ w)
                if candidates == 0 { i += 8; continue }
                i += candidates.trailingZeroBitCount >> 3   // the first byte that may start one (the masks are exact)
            }
            let byte = text[i]
            guard Self.mayStartLink[Int(byte)] else { i += 1; continue }
            if byte == 0x3A, i + 2 < count, text[i + 1] == 0x2F, text[i + 2] == 0x2F {          // "://"
                var start = i
                while start > 0 && isSchemeByte(text[start - 1]) { start -= 1 }
                if start < i {
                    let end = linkEnd(text, from: i + 3)
                    append(ByteRange(start, end), to: &spans)
                    i = end
                    continue
                }
            } else if byte == 0x77 || byte == 0x57, i + 4 < count,                           // "www."
                      text[i + 1] | 0x20 == 0x77, text[i + 2] | 0x20 == 0x77, text[i + 3] == 0x2E,
                      i == 0 || !isLinkByte(text[i - 1]) {
                let end = linkEnd(text, from: i + 4)
                append(ByteRange(i, end), to: &spans)
                i = end
                continue
            } else if byte == 0x40 {                                                         // "@"
                var start = i
                while start > 0 && isLocalPartByte(text[start - 1]) { start -= 1 }
                var end = i + 1
                var sawDot = false
                while end < count && (CharacterClass.isASCIIAlnum(text[end]) || text[end] == 0x2D || text[end] == 0x2E) {
                    if text[end] == 0x2E { sawDot = true }
                    end += 1
                }
                while end > i + 1 && text[end - 1] == 0x2E { end -= 1 }   // a sentence's full stop is not the domain's
                if start < i && sawDot && end > i + 1 {
                    append(ByteRange(start, end), to: &spans)
                    i = end
                    continue
                }
            }
            i += 1
        }
        return spans
    }

    private static let mayStartLink: [Bool] = (0..<256).map { $0 == 0x3A || $0 == 0x40 || $0 == 0x77 || $0 == 0x57 }

    private static func append(_ range: ByteRange, to spans: inout [ByteRange]) {
        if let last = spans.last, last.end > range.start {
            spans[spans.count - 1] = ByteRange(min(last.start, range.start), max(last.end, range.end))
        } else {
            spans.append(range)
        }
    }

    /// A URL runs to the next space, quote or angle bracket; trailing sentence punctuation is not part of it.
    private static func linkEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < text.count && isLinkByte(text[end]) { end += 1 }
        while end > start, let last = Optional(text[end - 1]),
              last == 0x2E || last == 0x2C || last == 0x3A || last == 0x3B || last == 0x21 || last == 0x3F || last == 0x29 {
            if last == 0x29 {
                // Keep a closing parenthesis that closes one inside the URL (Wikipedia-style links).
                var opens = 0, closes = 0
                for k in start..<end { if text[k] == 0x28 { opens += 1 } else if text[k] == 0x29 { closes += 1 } }
                if closes <= opens { break }
            }
            end -= 1
        }
        return end
    }

    private static func isSchemeByte(_ b: UInt8) -> Bool {
        CharacterClass.isASCIIAlnum(b) || b == 0x2B || b == 0x2D || b == 0x2E
    }

    private static func isLinkByte(_ b: UInt8) -> Bool {
        // Non-ASCII bytes count as part of internationalized URLs, except they stop at spaces, which are ASCII.
        b > 0x20 && b != 0x22 && b != 0x3C && b != 0x3E && b != 0x60 && b != 0x7F
    }

    private static func isLocalPartByte(_ b: UInt8) -> Bool {
        CharacterClass.isASCIIAlnum(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }
}
