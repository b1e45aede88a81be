/// SplitMix64: a tiny, fast, seedable generator, so that every fuzzed input and generated document can be made
/// again from its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// A seeded mutation engine in the manner of libFuzzer's mutators: byte flips, insertions of tokens that parsers
/// trip over, deletions, duplications, splices with other seeds, very long lines and deep nesting.
public struct Mutator: Sendable {
    /// Tokens that readers and checks treat specially: markup, entities, escapes, line breaks, zero-width and
    /// combining characters, invalid UTF-8, and the words the glossaries flag.
    public static let interestingTokens: [[UInt8]] = [
        "<", ">", "&", "&#0;", "&#x0;", "&amp;", "&foo;", "&#1114112;", "&lt;", "\"", "'", "\\", "\\q", "\\n", "\\\"",
        "\r", "\r\n", "\n", "\n\n", "\t", "\u{0}", "\u{FEFF}", "\u{301}", "\u{200D}", "\u{AD}", "\u{1B}[31m", "\u{7}",
        "\u{2028}", "\u{85}", "<!--", "-->", "<!-- translint-disable-next-line -->", "<!-- translint-disable-line -->",
        "<!-- translint-disable -->", "<!-- translint-enable -->", "# translint-disable-next-line\n", "translint-disable",
        "`", "```", "~~~", "    ", "]]>", "<![CDATA[", "<?xml", "<!DOCTYPE x [<!ENTITY e \"x\">]>", "%s", "%1$d", "%@",
        "{0}", "{name}", "%(name)s", "msgid \"", "msgstr \"", "msgstr[-1] \"", "#, fuzzy\n", "#~ ", "\"value\": 42",
        "\\u0000", "\\ud800", "{", "}", "[", "]", "(", ")", ":", ",", ";", ".", "?", "!", "- ", "* ", "> ", "# ", "|",
        "](", "[^1]", "<x/>", "<g id=\"1\">", "</g>", "<mrk mtype=\"protected\">", "translate=\"no\"", "---\n",
        "Amoy", "amoy", "AMOY", "electricity business", "electricity\nbusiness", "micro-blog", "wechat", "WECHAT",
        "fast hand", "FAST HAND", "the the", "the\nthe", ", the", "淘宝", "微博", "２亿", "1,000", "e.g.", "http://x.y/a b",
        "A\u{301}", "😀", "👩\u{200D}💻", "ß", "İ", "ǅ",
    ].map { Array($0.utf8) }

    /// Byte sequences that are not UTF-8: a stray continuation byte, an overlong NUL, a surrogate, a cut sequence,
    /// bytes that never occur.
    public static let invalidUTF8: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    /// The longest input a mutation may make.
    public var maxLength: Int
    /// How long a "very long line" is at most.
    public var longLine: Int
    /// How deep "deep nesting" goes at most.
    public var deepNesting: Int
    /// Tokens of the format under test (its own brackets for nesting).
    public var nestingPairs: [([UInt8], [UInt8])]

    public init(maxLength: Int = 200_000, longLine: Int = 20_000, deepNesting: Int = 2_000,
                nestingPairs: [(String, String)] = [("[", "]"), ("<g>", "</g>"), ("> ", ""), ("{\"a\":", "}"), ("  - ", "")]) {
        self.maxLength = maxLength
        self.longLine = longLine
        self.deepNesting = deepNesting
        self.nestingPairs = nestingPairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    /// `input` after 1 to 8 stacked mutations; `corpus` gives the other half of splices.
    public func mutate(_ input: [UInt8], corpus: [[UInt8]], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(random.chance(30) ? 8 : 3)) {
            mutateOnce(&bytes, corpus: corpus, &random)
            if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        }
        return bytes
    }

    private func mutateOnce(_ bytes: inout [UInt8], corpus: [[UInt8]], _ random: inout SplitMix64) {
        let at = random.below(bytes.count + 1)
        switch random.below(100) {
        case 0..<12:   // flip one bit
            guard !bytes.isEmpty else { return }
            let i = random.below(bytes.count)
            bytes[i] ^= UInt8(1) << UInt8(random.below(8))
        case 12..<20:   // a random byte, replaced
            guard !bytes.isEmpty else { return }
            bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
        case 20..<50:   // an interesting token, inserted
            bytes.insert(contentsOf: random.pick(Self.interestingTokens), at: at)
        case 50..<55:   // invalid UTF-8
            bytes.insert(contentsOf: random.pick(Self.invalidUTF8), at: at)
        case 55..<65:   // a range deleted
            guard !bytes.isEmpty else { return }
            let start = random.below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + random.below(random.chance(20) ? 400 : 16)))
        case 65..<72:   // a range duplicated
            guard !bytes.isEmpty else { return }
            let start = random.below(bytes.count)
            let piece = Array(bytes[start..<min(bytes.count, start + 1 + random.below(200))])
            bytes.insert(contentsOf: piece, at: random.below(bytes.count + 1))
        case 72..<84:   // a splice: a piece of another seed inserted, or the tail replaced
            guard let other = corpus.isEmpty ? nil : random.pick(corpus), !other.isEmpty else { return }
            let start = random.below(other.count)
            let piece = other[start..<min(other.count, start + 1 + random.below(600))]
            if random.chance(50) { bytes.insert(contentsOf: piece, at: at) } else { bytes.replaceSubrange(at..., with: piece) }
        case 84..<89:   // a very long line: a piece of the input repeated without line breaks
            let source = bytes.isEmpty ? Array("the Amoy ".utf8) : Array(bytes[at..<min(bytes.count, at + 1 + random.below(24))]).filter { $0 != 0x0A }
            let unit = source.isEmpty ? Array("the Amoy ".utf8) : source
            let count = max(1, random.below(longLine) / unit.count)
            var line: [UInt8] = []
            line.reserveCapacity(count * unit.count)
            for _ in 0..<count { line += unit }
            bytes.insert(contentsOf: line, at: at)
        case 89..<93:   // deep nesting
            let (open, close) = random.pick(nestingPairs)
            let depth = 1 + random.below(deepNesting)
            var nest: [UInt8] = []
            for _ in 0..<depth { nest += open }
            nest += Array("Amoy".utf8)
            for _ in 0..<depth { nest += close }
            bytes.insert(contentsOf: nest, at: at)
        case 93..<96:   // truncated
            bytes.removeSubrange(at...)
        default:   // line breaks rewritten: CRLF or bare CR
            let crlf = random.chance(50)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16)
            for byte in bytes {
                if byte == 0x0A { if crlf { out += [0x0D, 0x0A] } else { out.append(0x0D) } } else { out.append(byte) }
            }
            bytes = out
        }
    }
}
