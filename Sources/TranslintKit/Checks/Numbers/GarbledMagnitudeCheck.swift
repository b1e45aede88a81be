/// A number written as machine translation renders Chinese 亿 and 万 arithmetic: `19 billion 100 million`.
public struct GarbledMagnitudeCheck: Check {
    public static let description = CheckDescription(
        id: "garbled-magnitude",
        name: "Garbled magnitude",
        summary: "A number split over two scales, as machine translation writes 亿 and 万 (`3 billion 360 million`).",
        rationale: """
        Chinese counts in 万 (10⁴) and 亿 (10⁸), and machine translation carries the sum over word by word: 191亿 \
        comes out as `19 billion 100 million`, 33.6亿 as `3 billion 360 million`, 5万 as `5 ten thousand`. English \
        writes one number with one scale. Reported in English text, with the value it most likely means (`19.1 \
        billion`). The fix is only suggested (applied with `--unsafe-fixes`): the source decides what was meant. \
        Left alone: ranges and lists (`1 billion to 2 million`, `3 billion, 200 million`), a smaller part of a \
        thousand or more, and scales that do not nest (`2 million 3 billion`).
        """,
        defaultSeverity: .warning,
        isFixable: true,
        mqmCategory: .accuracy,
        mqmSeverity: .major,
        nonTriggering: [
            CheckExample("Sales reached 19.1 billion yuan."),
            CheckExample("Between 3 billion and 360 million users."),
            CheckExample("It sold 3 billion, 200 million of them last year."),
            CheckExample("From 2 million 3 billion followed."),
            CheckExample("Profits fell by 120 million. Revenue rose 8 billion."),
        ],
        triggering: [
            CheckExample("GMV reached ↓19 billion 100 million yuan."),
            CheckExample("It raised ↓3 billion 360 million yuan."),
            CheckExample("Users grew by ↓5 ten thousand."),
            CheckExample("About ↓2 million 500 thousand riders."),
        ],
        corrections: [
            CheckCorrection("GMV reached 19 billion 100 million yuan.", "GMV reached 19.1 billion yuan.", suggested: true),
            CheckCorrection("It raised 3 billion 360 million yuan.", "It raised 3.36 billion yuan.", suggested: true),
            CheckCorrection("Users grew by 5 ten thousand.", "Users grew by 50,000.", suggested: true),
        ]
    )

    public init() {}

    static let scales: [String: Double] = ["billion": 1e9, "billions": 1e9, "million": 1e6, "millions": 1e6, "thousand": 1e3, "thousands": 1e3]

    public func check(_ context: LintContext) -> [Finding] {
        guard context.isEnglish else { return [] }
        var findings: [Finding] = []
        for paragraph in context.paragraphs where paragraph.end > context.editableStart {
            // Most paragraphs have no scale word: one scan for `illion`, `thousand`, and they are done.
            let bytes = Array(context.text[paragraph.start..<paragraph.end])
            guard ByteSearch.contains(Self.illion, in: bytes) || ByteSearch.contains(Self.thousand, in: bytes) else { continue }
            let tokens = Self.tokens(bytes)
            let word = { (k: Int) in String(decoding: bytes[tokens[k].start..<tokens[k].end], as: UTF8.self).lowercased() }
            // One space between tokens k and k+1.
            let spaced = { (k: Int) in tokens[k + 1].start == tokens[k].end + 1 && bytes[tokens[k].end] == 0x20 }
            var k = 0
            while k < tokens.count {
                defer { k += 1 }
                guard tokens[k].isNumber, k + 1 < tokens.count,
                      let first = Double(String(decoding: bytes[tokens[k].start..<tokens[k].end].filter { $0 != 0x2C }, as: UTF8.self)) else { continue }
                let start = paragraph.start + tokens[k].start
                guard start >= context.editableStart else { continue }
                // `5 ten thousand`: 万 read as `ten thousand`.
                if k + 2 < tokens.count, word(k + 1) == "ten", word(k + 2) == "thousand" {
                    let end = paragraph.start + tokens[k + 2].end
                    findings.append(.garbled(context.string(ByteRange(start, end)), value: first * 1e4, range: ByteRange(start, end)))
                    k += 2
                    continue
                }
                // `19 billion 100 million`: the second part below a thousand of the smaller scale.
                guard k + 3 < tokens.count, !tokens[k + 1].isNumber, tokens[k + 2].isNumber, !tokens[k + 3].isNumber,
                      let big = Self.scales[word(k + 1)], let second = Double(word(k + 2)), second >= 1, second < 1000,
                      !bytes[tokens[k + 2].start..<tokens[k + 2].end].contains(0x2C),
                      let small = Self.scales[word(k + 3)], small < big, spaced(k + 1), spaced(k + 2) else { continue }
                let end = paragraph.start + tokens[k + 3].end
                findings.append(.garbled(context.string(ByteRange(start, end)), value: first * big + second * small, range: ByteRange(start, end)))
                k += 3
            }
        }
        return findings
    }

    private static let illion = Array("illion".utf8), thousand = Array("thousand".utf8)

    struct Token {
        var start: Int
        var end: Int
        var isNumber: Bool
    }

    /// Runs of ASCII letters, or of digits with `.` and `,` inside, as byte offsets into `bytes`.
    static func tokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let isDigit = b >= 0x30 && b <= 0x39
            let isLetter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            guard isDigit || isLetter else { i += 1; continue }
            var j = i + 1
            while j < bytes.count {
                let c = bytes[j]
                if isDigit && (c >= 0x30 && c <= 0x39 || ((c == 0x2E || c == 0x2C) && j + 1 < bytes.count && bytes[j + 1] >= 0x30 && bytes[j + 1] <= 0x39)) { j += 1; continue }
                if isLetter && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { j += 1; continue }
                break
            }
            tokens.append(Token(start: i, end: j, isNumber: isDigit))
            i = j
        }
        return tokens
    }

    /// `19.1 billion`, `50,000`: the value with one scale, as English writes it.
    static func written(_ value: Double) -> String {
        for (scale, word) in [(1e9, "billion"), (1e6, "million")] where value >= scale {
            return "\(JSONValue.format((value / scale * 1000).rounded() / 1000)) \(word)"
        }
        let whole = Int(value.rounded())
        var digits = String(whole), out = ""
        while digits.count > 3 { out = "," + digits.suffix(3) + out; digits = String(digits.dropLast(3)) }
        return digits + out
    }
}

extension Finding {
    fileprivate static func garbled(_ found: String, value: Double, range: ByteRange) -> Finding {
        let meant = GarbledMagnitudeCheck.written(value)
        var finding = Finding(rule: GarbledMagnitudeCheck.description.id, severity: GarbledMagnitudeCheck.description.defaultSeverity,
                              message: "'\(found)' is one number written over two scales; most likely '\(meant)'",
                              replacing: range, with: meant, title: "Write '\(meant)'")
        finding.fix = finding.fix?.suggested("the source decides which number was meant")
        return finding
    }
}
