/// Generated bilingual files (Chinese source, English target, as the shipped zh-en glossaries read them): PO,
/// XLIFF 1.2 and String Catalogs whose targets are generated prose with placeholders and, in XLIFF, inline markup.
/// The byte ranges of placeholders and markup in the file are kept: nothing may be flagged or changed there.
public enum BilingualGenerator {
    public enum Format: String, Sendable, CaseIterable { case po, xliff = "xlf", xcstrings }

    public struct File: Sendable {
        public var format: Format
        public var bytes: [UInt8]
        public var protected: [Range<Int>]
    }

    static let sources = ["淘宝卖家在电商平台上开店。", "点击这里访问微博。", "商家超过2亿。", "分享到微信", "快手用户增长", "你好，%s！", "{0} 个新订单"]
    static let placeholders: [Format: [String]] = [
        .po: ["%s", "%(name)s", "%1$d", "{0}", "{name}"],
        .xliff: ["%s", "{0}", "{name}", "%@"],
        .xcstrings: ["%@", "%lld", "%1$@", "{0}"],
    ]

    public static func files(_ format: Format, count: Int, seed: UInt64 = 0) -> [[UInt8]] {
        (0..<count).map { file(format, seed: seed &+ UInt64($0)).bytes }
    }

    /// A target: generated prose, with placeholders (and XLIFF inline elements) between words; each piece is
    /// `(text, isProtected)`, unescaped.
    static func target(_ format: Format, _ random: inout SplitMix64) -> [(String, Bool)] {
        var pieces: [(String, Bool)] = []
        let words = (0..<(1 + random.below(3))).map { _ in DocumentGenerator.sentence(&random) }.joined(separator: " ")
            .split(separator: " ").map(String.init)
        for (k, word) in words.enumerated() {
            if k > 0 { pieces.append((" ", false)) }
            if random.chance(12) {
                pieces.append((random.pick(placeholders[format]!), true))
                pieces.append((" ", false))
            }
            if format == .xliff && random.chance(10) {
                if random.chance(50) {
                    pieces.append(("<x id=\"\(k)\"/>", true))
                    pieces.append((word, false))
                } else {
                    pieces.append(("<g id=\"\(k)\">", true))
                    pieces.append((word, false))
                    pieces.append(("</g>", true))
                }
            } else {
                pieces.append((word, false))
            }
        }
        if random.chance(20) { pieces.insert((random.pick(placeholders[format]!), true), at: 0); pieces.insert((" ", false), at: 1) }
        return pieces
    }

    static func escape(_ text: String, _ format: Format) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch (format, scalar) {
            case (.xliff, "&"): out += "&amp;"
            case (.xliff, "<"): out += "&lt;"
            case (.xliff, ">"): out += "&gt;"
            case (.po, "\""), (.xcstrings, "\""): out += "\\\""
            case (.po, "\\"), (.xcstrings, "\\"): out += "\\\\"
            case (.po, "\n"), (.xcstrings, "\n"): out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func file(_ format: Format, seed: UInt64) -> File {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 77)
        var out = DocumentGenerator.Builder()
        func unit(_ id: Int) -> (String, [(String, Bool)]) {
            (random.pick(sources) + " \(id)", target(format, &random))
        }
        func appendTarget(_ pieces: [(String, Bool)]) {
            for (text, isProtected) in pieces {
                if isProtected { out.appendProtected(format == .xliff ? text : escape(text, format)) } else { out.append(escape(text, format)) }
            }
        }
        let count = 1 + random.below(6)
        switch format {
        case .po:
            out.append("msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n")
            for k in 0..<count {
                let (source, pieces) = unit(k)
                out.append("\n#: app.py:\(k + 1)\nmsgid \"\(escape(source, .po))\"\nmsgstr \"")
                appendTarget(pieces)
                out.append("\"\n")
            }
        case .xliff:
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n")
            out.append("  <file original=\"app.txt\" source-language=\"zh-Hans\" target-language=\"en\" datatype=\"plaintext\">\n    <body>\n")
            for k in 0..<count {
                let (source, pieces) = unit(k)
                out.append("      <trans-unit id=\"\(k + 1)\">\n        <source>\(escape(source, .xliff))</source>\n        <target>")
                appendTarget(pieces)
                out.append("</target>\n      </trans-unit>\n")
            }
            out.append("    </body>\n  </file>\n</xliff>\n")
        case .xcstrings:
            out.append("{\n  \"sourceLanguage\" : \"zh-Hans\",\n  \"strings\" : {")
            for k in 0..<count {
                let (source, pieces) = unit(k)
                out.append((k > 0 ? "," : "") + "\n    \"\(escape(source, .xcstrings))\" : {\n      \"localizations\" : {\n        \"en\" : {\n")
                out.append("          \"stringUnit\" : {\n            \"state\" : \"translated\",\n            \"value\" : \"")
                appendTarget(pieces)
                out.append("\"\n          }\n        }\n      }\n    }")
            }
            out.append("\n  },\n  \"version\" : \"1.0\"\n}\n")
        }
        return File(format: format, bytes: out.bytes, protected: out.protected)
    }
}
