/// Generated documents for property tests: prose in the shape machine translation gives (forbidden renderings in
/// every case shape, wrong-cased brand names, lowercase sentence starts, stray leading punctuation, repeated
/// words, terms hard-wrapped across lines), with suppression comments, and, in Markdown, protected spans (code,
/// link targets, HTML) whose byte ranges are kept so that a test can check nothing inside them is flagged or
/// changed. Every document is made again from its seed.
public struct GeneratedDocument: Sendable {
    public enum Kind: String, Sendable { case plainText = "txt", markdown = "md" }

    public var seed: UInt64
    public var kind: Kind
    public var bytes: [UInt8]
    /// Byte ranges (half-open) that no finding may touch and `--fix` may not change.
    public var protected: [Range<Int>]
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

public enum DocumentGenerator {
    /// Renderings the shipped zh-en glossaries forbid, and targets they enforce the casing of.
    static let forbidden = ["Amoy", "electricity business", "micro-blog", "micro-letter", "fast hand", "Ali", "sky cat",
                            "byte beating", "pay treasure", "hundred degrees", "Tengxun", "micro blog", "Tao Bao",
                            "net easy", "know almost", "micro-letter payment", "Ali cloud"]
    static let targets = ["WeChat", "Taobao", "Kuaishou", "Weibo", "Alibaba", "Tencent", "ByteDance", "Xiaomi", "Tmall"]
    static let words = ["the", "market", "sellers", "grew", "in", "of", "platform", "users", "said", "and", "a", "company",
                        "price", "online", "shop", "rose", "by", "it", "to", "daily", "we", "use", "new", "app", "Beijing",
                        "café", "naïve", "中文", "30%", "2019", "e.g.", "iPhone", "x86", "😀", "Straße", "İstanbul"]
    static let rules = ["mistranslation", "term-case", "sentence-case", "repeated-word", "leading-punctuation"]

    public static func document(seed: UInt64, kind: GeneratedDocument.Kind? = nil) -> GeneratedDocument {
        var random = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 1)
        let kind = kind ?? (random.chance(50) ? .markdown : .plainText)
        var out = Builder()
        if random.chance(5) { out.append("\u{FEFF}") }
        let paragraphs = 1 + random.below(7)
        for p in 0..<paragraphs {
            if p > 0 { out.append(random.chance(10) ? "\n\n\n" : "\n\n") }
            if kind == .markdown && random.chance(25) {
                block(&out, &random)
            } else if random.chance(30) {
                suppressed(&out, kind: kind, &random)
            } else {
                paragraph(&out, kind: kind, &random)
            }
        }
        if !random.chance(10) { out.append("\n") }
        var bytes = out.bytes
        if random.chance(10) {
            // CRLF line breaks throughout; protected ranges move with them.
            var crlf: [UInt8] = [], map: [Int] = []
            for byte in bytes {
                map.append(crlf.count)
                if byte == 0x0A { crlf.append(0x0D) }
                crlf.append(byte)
            }
            map.append(crlf.count)
            out.protected = out.protected.map { map[$0.lowerBound]..<map[$0.upperBound] }
            bytes = crlf
        }
        return GeneratedDocument(seed: seed, kind: kind, bytes: bytes, protected: out.protected)
    }

    public struct Builder {
        public init() {}
        var bytes: [UInt8] = []
        var protected: [Range<Int>] = []
        mutating func append(_ s: String) { bytes += Array(s.utf8) }
        mutating func appendProtected(_ s: String) {
            let start = bytes.count
            append(s)
            protected.append(start..<bytes.count)
        }
        var endsLine: Bool { bytes.isEmpty || bytes.last == 0x0A }
    }

    static func shaped(_ word: String, _ random: inout SplitMix64) -> String {
        switch random.below(10) {
        case 0..<5: return word
        case 5..<7: return word.prefix(1).uppercased() + word.dropFirst()
        case 7..<9: return word.uppercased()
        default: return word.lowercased()
        }
    }

    /// One word or term, in some case shape.
    static func token(_ random: inout SplitMix64) -> String {
        switch random.below(100) {
        case 0..<14: return shaped(random.pick(forbidden), &random)
        case 14..<20: return shaped(random.pick(targets), &random)
        case 20..<24: let w = random.pick(words); return w + " " + w
        default: return random.pick(words)
        }
    }

    public static func sentence(_ random: inout SplitMix64) -> String {
        var parts: [String] = []
        for _ in 0..<(2 + random.below(9)) { parts.append(token(&random)) }
        var s = parts.joined(separator: " ")
        switch random.below(10) {
        case 0: s = ", " + s
        case 1: s = s.uppercased()
        case 2..<6: s = s.prefix(1).uppercased() + s.dropFirst()
        default: break
        }
        return s + random.pick([".", ".", ".", "?", "!", ":", ""])
    }

    /// Sentences, hard-wrapped: a line break may fall between any two words, also inside a multi-word term.
    static func paragraph(_ out: inout Builder, kind: GeneratedDocument.Kind, _ random: inout SplitMix64) {
        if kind == .markdown && random.chance(30) { out.append(random.pick(["# ", "## ", "- ", "* ", "1. ", "> "])) }
        let text = (0..<(1 + random.below(4))).map { _ in sentence(&random) }.joined(separator: " ")
        var pieces = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for k in pieces.indices.dropFirst() where random.chance(12) { pieces[k] = "\n" + pieces[k] }
        var first = true
        for piece in pieces {
            if !first && !piece.hasPrefix("\n") { out.append(" ") }
            first = false
            out.append(piece)
            if kind == .markdown && random.chance(6) { inlineProtected(&out, &random) }
        }
    }

    /// Code, a link target or an inline tag, on one line, in text that would be flagged as prose.
    static func inlineProtected(_ out: inout Builder, _ random: inout SplitMix64) {
        let payload = random.pick(["Amoy the the", "micro-blog", "wechat", ", the", "fast hand", "electricity business"])
        switch random.below(3) {
        case 0:
            out.append(" ")
            out.appendProtected("`\(payload)`")
        case 1:
            out.append(" [\(random.pick(words))](")
            out.appendProtected("https://example.com/\(payload.replacingOccurrences(of: " ", with: "-"))")
            out.append(")")
        default:
            out.append(" ")
            out.appendProtected("<span title=\"\(payload)\">")
            out.append(random.pick(words))
            out.appendProtected("</span>")
        }
    }

    /// A fenced code block, whole; an indented one at the start of the document (elsewhere it could continue a
    /// list item, where CommonMark reads it as the item's paragraph).
    static func block(_ out: inout Builder, _ random: inout SplitMix64) {
        let body = (0..<(1 + random.below(3))).map { _ in sentence(&random) }
        if !out.bytes.isEmpty || random.chance(50) {
            let fence = random.pick(["```", "~~~", "````"])
            out.appendProtected(fence + random.pick(["", "text", "sh"]) + "\n" + body.joined(separator: "\n") + "\n" + fence)
        } else {
            out.appendProtected(body.map { "    " + $0 }.joined(separator: "\n"))
        }
    }

    static func directive(_ kind: String, _ random: inout SplitMix64) -> String {
        var rules: [String] = []
        for _ in 0..<random.below(3) { rules.append(random.pick(Self.rules)) }
        var text = "translint-\(kind)" + (rules.isEmpty ? "" : " " + rules.joined(separator: random.chance(50) ? " " : ","))
        if random.chance(20) { text += " -- quoting the original" }
        return text
    }

    static func comment(_ kind: String, document: GeneratedDocument.Kind, ownLine: Bool, _ random: inout SplitMix64) -> String {
        let text = directive(kind, &random)
        if document == .markdown || random.chance(30) { return "<!-- \(text) -->" }
        return ownLine ? random.pick(["# ", "// "]) + text : text
    }

    /// A paragraph with suppression comments: on the line before, at the end of a line, or around it.
    static func suppressed(_ out: inout Builder, kind: GeneratedDocument.Kind, _ random: inout SplitMix64) {
        switch random.below(5) {
        case 0:
            out.append(comment("disable-next-line", document: kind, ownLine: true, &random) + "\n")
            paragraph(&out, kind: kind, &random)
        case 1:
            paragraph(&out, kind: kind, &random)
            out.append(" " + comment("disable-line", document: kind, ownLine: false, &random))
            if random.chance(50) { out.append("\n"); paragraph(&out, kind: kind, &random) }
        case 2:
            out.append(comment("disable", document: kind, ownLine: true, &random) + "\n")
            paragraph(&out, kind: kind, &random)
            out.append("\n" + comment("enable", document: kind, ownLine: true, &random))
        case 3:
            // A comment in the middle of a line, prose on both sides, and the paragraph going on below it.
            paragraph(&out, kind: kind, &random)
            // Often with a fix across the line break after it: a repeated word or a term wrapped there.
            out.append(" <!-- " + directive(random.pick(["disable-next-line", "disable-line"]), &random) + " -->")
            out.append(random.pick([" the\nthe ", " and\nand ", " electricity\nbusiness ", " micro\nblog ", " Amoy\n", "\n", " "]))
            paragraph(&out, kind: kind, &random)
        default:
            // A comment inside a paragraph, between hard-wrapped lines.
            paragraph(&out, kind: kind, &random)
            out.append("\n" + comment(random.pick(["disable-next-line", "disable-line"]), document: kind, ownLine: true, &random) + "\n")
            paragraph(&out, kind: kind, &random)
        }
    }
}
