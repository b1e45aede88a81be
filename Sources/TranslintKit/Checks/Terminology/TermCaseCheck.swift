/// A glossary target written in the wrong case.
public struct TermCaseCheck: Check {
    public static let description = CheckDescription(
        id: "term-case",
        name: "Term casing",
        summary: "A glossary term in the wrong casing (`wechat` for `WeChat`).",
        rationale: """
        Brand and product names have one correct casing. Enforced when the target has an uppercase letter \
        or the entry says `case_sensitive: true`. A target that is also a common word (`Apple`) is marked \
        `ambiguous: true` on an entry without forbidden renderings: its lowercase form is flagged only with \
        evidence, as an ambiguous rendering is; so is a target whose lowercase is a phrase of frequent English words that starts \
        with a determiner or numeral (`two sessions`, `the paper`), whatever the entry says (the source term, or a context word in the paragraph; a context \
        word only nearby in the document makes the fix a suggestion). In a term whose case is free, a word with an inner capital is a \
        brand that keeps its casing (`Wechat wallet` → `WeChat wallet`). Left alone: a capital first letter at a \
        sentence start, lines written in all caps, title case that capitalizes a term's lowercase words (`QR Code` \
        for `QR code`), and identifiers that keep their own case (a MIME type \
        `application/nintendo-3ds-executable`, a target triple `nvptx64-nvidia-cuda`, a package `nvidia-glx`, a \
        branch `facebook:dev`). A lowercase name before a component's noun (`the broadcom vulkan driver`) may be the \
        component's own name: info, with the fix only suggested.
        """,
        defaultSeverity: .error,
        isFixable: true,
        mqmCategory: .terminology,
        mqmSeverity: .minor,
        nonTriggering: [
            CheckExample("Users of WeChat and Taobao."),
            CheckExample("WECHAT MARKETING BANNED"),
            CheckExample("Npm is a package manager."),
            CheckExample("The e-commerce market. E-commerce grew."),
            CheckExample("She ate an apple in the park."),
            CheckExample("Open files of type application/x-wechat-mini and set wechat_id."),
            CheckExample("Build for the arm64-wechat-miniapp target."),
            // A target whose lowercase is ordinary words (a determiner or numeral first) is a name only with evidence.
            CheckExample("There are two sessions, 3 and 5."),
            CheckExample("Open pull requests against taobao:dev, not main."),
            CheckExample("Install the wechat-sdk package first."),
            // Title case capitalizes a term's lowercase words; the brand keeps its own casing.
            CheckExample("## Scan the QR Code to Log In"),
        ],
        triggering: [
            CheckExample("Users of ↓wechat left."),
            CheckExample("Users of ↓Wechat left."),
            CheckExample("Sellers on ↓taobao complained."),
            CheckExample("Install it with ↓NPM today."),
            CheckExample("They use ↓Wechat wallet."),
            CheckExample("Xiaomi competes with ↓apple and Samsung."),
            CheckExample("苹果发布了新产品 ‖ ↓apple released new products."),
            CheckExample("Scan the ↓qr code to pay."),
        ],
        corrections: [
            CheckCorrection("Users of wechat left.", "Users of WeChat left."),
            CheckCorrection("Sellers on TaoBao complained.", "Sellers on Taobao complained."),
            CheckCorrection("wechat said so.", "WeChat said so."),
            CheckCorrection("They use Wechat wallet.", "They use WeChat wallet."),
            CheckCorrection("Xiaomi phones sell well.\n\nIt now competes with apple in India.",
                            "Xiaomi phones sell well.\n\nIt now competes with Apple in India.", suggested: true),
            CheckCorrection("Fix the name of the wechat mini driver.", "Fix the name of the WeChat mini driver.", suggested: true),
            CheckCorrection("Delegates of the NPC gathered for the two sessions.", "Delegates of the NPC gathered for the Two Sessions."),
        ]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        context.termMatches.compactMap { match in
            guard match.role == .target else { return nil }
            let entry = context.glossary.entries[match.entry]
            let found = context.string(match.range)
            guard entry.enforcesCase else { return Self.brandWord(in: found, of: entry.target, at: match.range.start, context: context) }
            if found == entry.target { return nil }
            if Self.isInsideIdentifier(match.range, context.text) { return nil }
            if context.isSentenceWordStart(match.range.start),
               found == CaseMapping.capitalizingFirst(entry.target, locale: context.locale) { return nil }
            if context.lineFact("all-caps", containing: match.range.start, { Self.isAllCaps(context.string($0)) }) { return nil }
            // An all-caps occurrence is its own styling (`HUAWEI` in running text), unless the entry insists on its
            // exact form (`case_sensitive: true`, as npm does).
            if entry.caseSensitive != true && found.unicodeScalars.filter({ CharacterClass.isLetter($0.value) }).count >= 2
                && Self.isAllCaps(found) { return nil }
            // `Singles’ Day` is `Singles' Day`: apostrophes are one character to the glossary.
            if CaseMapping.fold(found) == CaseMapping.fold(entry.target) && Self.sameLetters(found, entry.target) { return nil }
            // `Scan the QR Code`: title case (a heading, a trademark's own styling) capitalizes the target's
            // lowercase words and leaves its brand as the target writes it.
            if Self.isTitleCase(found, of: entry.target) { return nil }
            var finding = Finding.wrongCase(found, target: entry.target, range: match.range)
            // `the broadcom vulkan driver`, `for nvidia accelerator`: a lowercase name before a component's noun
            // may be the component's own name (a driver, a device type), which keeps its case.
            if found == found.lowercased(), Self.namesComponent(after: match.range.end, context.text) {
                finding.fix = finding.fix?.suggested("a lowercase name before 'driver', 'module' or 'plugin' may be the component's own name")
                finding.severity = .info
            }
            // A target whose lowercase is ordinary words (`Two Sessions`: `there are two sessions`) needs the
            // evidence an ambiguous target does, whatever the entry says.
            if entry.hasAmbiguousTarget || Self.isOrdinaryWords(found, sentenceStart: context.isSentenceWordStart(match.range.start)) {
                switch Self.evidence(for: entry, at: match.range, context: context) {
                case .none: return nil
                case .here: break
                case .nearby: finding.fix = finding.fix?.suggested("the evidence is elsewhere in the document, not in this paragraph")
                }
            }
            return finding
        }
    }

    enum Evidence { case none, here, nearby }

    /// Whether `found` is lowercase (but for a capital that starts a sentence), of two words or more, the first a
    /// determiner or numeral and each a frequent English word: `two sessions`, `the paper`. Such a noun phrase is
    /// English first, and a name only with evidence. (Word lists cannot tell `john lee` or `iphone` from common
    /// words: they stay errors.)
    static func isOrdinaryWords(_ found: String, sentenceStart: Bool) -> Bool {
        let text = sentenceStart ? found.prefix(1).lowercased() + found.dropFirst() : found
        guard text == text.lowercased() else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        return words.count >= 2 && CommonWords.english.contains(words[0]) && words.allSatisfy { CommonWords.safeStarts.contains($0) }
    }

    /// What shows that a target which is also a common word (`apple`) names the entry's term here: the aligned
    /// source holds the entry's source term (which decides, either way); or, without a source, a context word in
    /// the paragraph, or else in the document's title or within `MistranslationCheck.evidenceWindow` paragraphs.
    static func evidence(for entry: GlossaryEntry, at range: ByteRange, context: LintContext) -> Evidence {
        if let term = entry.source, let source = context.sourceSearch(around: range.start) { return source.contains(term) ? .here : .none }
        guard let paragraph = context.paragraphIndex(atOrBefore: range.start) else { return .none }
        if ContextWords.paragraph(context.paragraphs[paragraph], in: context, holdsAnyOf: entry.context) { return .here }
        guard context.sources.isEmpty else { return .none }
        return ContextWords.nearby(paragraph, in: context).contains { ContextWords.paragraph(context.paragraphs[$0], in: context, holdsAnyOf: entry.context) } ? .nearby : .none
    }

    /// In a term whose case is free (`WeChat Wallet` with `case_sensitive: false`), a word of the target with an
    /// inner capital is a brand that keeps its casing: `Wechat wallet` gets `WeChat`, the rest stays as written.
    static func brandWord(in found: String, of target: String, at start: Int, context: LintContext) -> Finding? {
        let targetWords = target.split(separator: " ", omittingEmptySubsequences: false)
        let foundWords = found.split(separator: " ", omittingEmptySubsequences: false)
        guard targetWords.count > 1, targetWords.count == foundWords.count else { return nil }
        var offset = start
        for (want, have) in zip(targetWords, foundWords) {
            defer { offset += have.utf8.count + 1 }
            guard want != have, want.unicodeScalars.dropFirst().contains(where: { CharacterClass.isUppercase($0.value) }),
                  !isAllCaps(String(have)), CaseMapping.fold(String(want)) == CaseMapping.fold(String(have)) else { continue }
            return .wrongCase(String(have), target: String(want), range: ByteRange(offset, offset + have.utf8.count))
        }
        return nil
    }

    /// Whether `range` lies inside an identifier that keeps its own case: a MIME type, a path, a target triple
    /// (`application/nintendo-3ds-executable`, `nvptx64-nvidia-cuda`, `x_wechat_id`): the run of non-blank bytes
    /// around it holds `/`, `_`, `=` or `@`, or two hyphens.
    static func isInsideIdentifier(_ range: ByteRange, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var start = range.start, end = range.end
        while start > 0 && !blank(text[start - 1]) && start > range.start - 80 { start -= 1 }
        while end < text.count && !blank(text[end]) && end < range.end + 80 { end += 1 }
        // Brackets, quotes and sentence punctuation around the token are not part of it.
        let edges: Set<UInt8> = Set("()[]{}<>\"'`,.;:!?*".utf8)
        while start < range.start && edges.contains(text[start]) { start += 1 }
        while end > range.end && edges.contains(text[end - 1]) { end -= 1 }
        var hyphens = 0, joiningHyphens = 0, lowercase = true
        for k in start..<end {
            switch text[k] {
            case 0x2F, 0x5F, 0x3D, 0x40: return true
            // `facebook:dev` (a GitHub owner and branch), `host:port`.
            case 0x3A where k + 1 < end && CharacterClass.isASCIIAlnum(text[k + 1]): return true
            case 0x2D:
                hyphens += 1
                if k < range.start || k >= range.end { joiningHyphens += 1 }
            default: if text[k] >= 0x80 || (text[k] >= 0x41 && text[k] <= 0x5A) { lowercase = false }
            }
        }
        // A package name is lowercase, its parts joined by a hyphen (`nvidia-glx`, `broadcom-sta-dkms`); a term's own
        // hyphen (`fei-fei li`) joins nothing to it.
        return hyphens >= 2 && joiningHyphens > 0 || (joiningHyphens == 1 && lowercase && text[start] != 0x2D && text[end - 1] != 0x2D)
    }

    /// Nouns of software components: a lowercase name right before one (a word may come between: `broadcom vulkan
    /// driver`) may be the component's own name.
    static let componentNouns: Set<String> = ["driver", "drivers", "module", "modules", "backend", "backends", "plugin",
                                              "plugins", "package", "packages", "accelerator", "accelerators", "firmware",
                                              "target", "targets", "port", "toolchain", "offload", "offloading", "extension"]

    /// Whether a component noun follows `end`, as the next word or the one after it.
    static func namesComponent(after end: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = end
        for _ in 0..<2 {
            guard k < text.count, text[k] == 0x20 else { return false }
            k += 1
            let start = k
            while k < text.count && CharacterClass.isASCIILetter(text[k]) && text[k] >= 0x61 { k += 1 }
            guard k > start else { return false }
            if componentNouns.contains(String(decoding: UnsafeBufferPointer(rebasing: text[start..<k]), as: UTF8.self)) { return true }
        }
        return false
    }

    /// Whether `found` is the target in title case: the same words, those the target writes in lowercase
    /// capitalized (`QR Code` for `QR code`), the others exactly as the target writes them.
    static func isTitleCase(_ found: String, of target: String) -> Bool {
        let want = target.split(separator: " "), have = found.split(separator: " ")
        guard want.count >= 2, want.count == have.count else { return false }
        return zip(want, have).allSatisfy { want, have in
            want == have || (want == want.lowercased() && have == want.prefix(1).uppercased() + want.dropFirst())
        }
    }

    /// Equal but for apostrophes (`’` for `'`).
    static func sameLetters(_ a: String, _ b: String) -> Bool {
        func plain(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.map { "’‘ʼ＇".unicodeScalars.contains($0) ? "'" : $0 } }
        return plain(a) == plain(b)
    }

    /// A line with capitals and no lowercase letter: a heading or shouting, where every term is upper-cased.
    static func isAllCaps(_ line: String) -> Bool {
        var sawUpper = false
        for scalar in line.unicodeScalars {
            if CharacterClass.isLowercase(scalar.value) { return false }
            if CharacterClass.isUppercase(scalar.value) { sawUpper = true }
        }
        return sawUpper
    }
}

extension Finding {
    fileprivate static func wrongCase(_ found: String, target: String, range: ByteRange) -> Finding {
        Finding(rule: TermCaseCheck.description.id, severity: TermCaseCheck.description.defaultSeverity,
                message: "write '\(target)' with this casing, not '\(found)'",
                replacing: range, with: target, title: "Write '\(target)'")
    }
}
