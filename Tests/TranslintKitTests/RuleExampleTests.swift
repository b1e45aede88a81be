import Testing
@testable import TranslintKit

/// Replays every rule's own examples through the engine's one pipeline (the fix loop `lint --fix` runs), so a
/// rule's documentation is its test. Monolingual examples run with a multi-byte prefix and, for corrections, with
/// CRLF line breaks; bilingual examples (`source ‖ target`) run in the direction their source gives, with a
/// multi-byte paragraph before both sides. Every correction is checked to be idempotent: fixing the fixed text
/// changes nothing. A failing example is reported at the line where it is written.
struct RuleExampleTests {
    static let catalog = RuleCatalog.standard
    static let ids = catalog.ids

    /// The engine an example of `id` runs with: the rule alone; the engine's own rules (alignment, unused
    /// suppressions) with every rule, since they speak about the others.
    static func engine(for id: String, source: String?) -> LintEngine {
        let glossary = source.map { Self.isChinese($0) ? ExampleGlossary.glossary : ExampleGlossary.reversed } ?? ExampleGlossary.glossary
        let rule = catalog.rules.first { $0.id == id }
        return LintEngine(glossary: glossary, rules: rule.map { [$0] }, catalog: catalog)
    }

    static func isChinese(_ text: String) -> Bool { text.unicodeScalars.contains { CharacterClass.isUnspacedScript($0.value) } }

    static func isBilingual(_ id: String) -> Bool { catalog.isBilingual(id) || id == Alignment.description.id }

    /// One way to run an example: its text (target) with an optional source, each with a prefix.
    struct Variant {
        var sourcePrefix = "", targetPrefix = "", crlf = false
        func convert(_ s: String) -> String { crlf ? s.replacingLineFeeds() : s }
    }

    static func variants(for id: String, source: String?) -> [Variant] {
        guard let source else { return [Variant(), Variant(targetPrefix: "Ünïcödé «prefix» 中文.\n\n")] }
        return isChinese(source)
            ? [Variant(), Variant(sourcePrefix: "前言。\n\n", targetPrefix: "Ünïcödé «préface».\n\n")]
            : [Variant(), Variant(sourcePrefix: "Ünïcödé «préface».\n\n", targetPrefix: "前言。\n\n")]
    }

    static func split(_ example: String, bilingual: Bool) -> (source: String?, target: String) {
        guard bilingual else { return (nil, example) }
        let parts = example.components(separatedBy: BilingualContext.separator)
        return (parts[0], parts.dropFirst().joined(separator: BilingualContext.separator))
    }

    static func kind(_ source: String?, _ variant: Variant) -> DocumentKind {
        source.map { .paired(.plainText, source: variant.sourcePrefix + $0) } ?? .text(.plainText)
    }

    static func place(_ location: ExampleLocation) -> Testing.SourceLocation {
        let name = location.file.split(separator: "/").last.map(String.init) ?? location.file
        return Testing.SourceLocation(fileID: "TranslintKit/\(name)", filePath: location.file, line: location.line, column: 1)
    }

    @Test("non-triggering examples find nothing", arguments: ids)
    func nonTriggering(id: String) throws {
        let d = try #require(Self.catalog.description(id: id))
        for example in d.nonTriggering {
            let (source, target) = Self.split(example.text, bilingual: Self.isBilingual(id) || example.text.contains(BilingualContext.separator))
            for variant in Self.variants(for: id, source: source) {
                let text = variant.targetPrefix + target
                let found = try Self.engine(for: id, source: source).run(text, kind: Self.kind(source, variant), fixes: .none)
                    .result.findings.map(\.finding).filter { $0.rule == id }
                #expect(found.isEmpty, "\(id) flagged \(found.map(\.message)) in \(text.debugDescription)", sourceLocation: Self.place(example.location))
            }
        }
    }

    @Test("triggering examples find exactly the marked places", arguments: ids)
    func triggering(id: String) throws {
        let d = try #require(Self.catalog.description(id: id))
        for example in d.triggering {
            let (source, marked) = Self.split(example.text, bilingual: Self.isBilingual(id) || example.text.contains(BilingualContext.separator))
            let (target, markers) = CheckExample(marked).unmarked
            #expect(!markers.isEmpty, "\(id): triggering example without a ↓ marker", sourceLocation: Self.place(example.location))
            for variant in Self.variants(for: id, source: source) {
                let shift = variant.targetPrefix.utf8.count
                let starts = try Self.engine(for: id, source: source).run(variant.targetPrefix + target, kind: Self.kind(source, variant), fixes: .none)
                    .result.findings.map(\.finding).filter { $0.rule == id }.map { $0.range.start - shift }
                #expect(starts == markers, "\(id) in \(target.debugDescription): found at \(starts), marked at \(markers)",
                        sourceLocation: Self.place(example.location))
            }
        }
    }

    @Test("corrections give the documented text (CRLF too), and fixing again changes nothing", arguments: ids)
    func corrections(id: String) throws {
        let d = try #require(Self.catalog.description(id: id))
        for correction in d.corrections {
            let paired = Self.isBilingual(id) || correction.before.contains(BilingualContext.separator)
            let (source, before) = Self.split(correction.before, bilingual: paired)
            let after = Self.split(correction.after, bilingual: paired).target
            for base in Self.variants(for: id, source: source) {
                for crlf in [false, true] {
                    var variant = base
                    variant.crlf = crlf
                    let engine = Self.engine(for: id, source: source)
                    let kind = Self.kind(source.map(variant.convert), variant)
                    let input = variant.convert(variant.targetPrefix + before), expected = variant.convert(variant.targetPrefix + after)
                    // A suggested correction: --fix leaves the text as it is, and reports the fix as suggested;
                    // --unsafe-fixes writes it.
                    let safe = try engine.run(input, kind: kind, fixes: .apply)
                    if correction.suggested {
                        #expect(safe.fixed == input, "\(id): --fix applied a suggested fix to \(input.debugDescription): \(safe.fixed.debugDescription)",
                                sourceLocation: Self.place(correction.location))
                        #expect(safe.result.findings.contains { $0.finding.rule == id && $0.finding.fix?.applicability == .suggested },
                                "\(id): no suggested fix in \(input.debugDescription)", sourceLocation: Self.place(correction.location))
                    } else {
                        #expect(safe.result.findings.filter { $0.finding.rule == id }.allSatisfy { $0.finding.fix?.applicability != .suggested },
                                "\(id): a safe correction was suggested in \(input.debugDescription)", sourceLocation: Self.place(correction.location))
                    }
                    let fixed = try engine.run(input, kind: kind, fixes: .apply, unsafeFixes: correction.suggested).fixed
                    #expect(fixed == expected, "\(id): fixing \(input.debugDescription) gave \(fixed.debugDescription)",
                            sourceLocation: Self.place(correction.location))
                    let again = try engine.run(fixed, kind: kind, fixes: .apply, unsafeFixes: correction.suggested)
                    #expect(again.fixed == fixed && again.result.appliedEditCount == 0,
                            "\(id): fixing \(fixed.debugDescription) again gave \(again.fixed.debugDescription)", sourceLocation: Self.place(correction.location))
                }
            }
        }
    }

    @Test("every rule a report can name is documented with examples, ids are unique kebab-case")
    func catalogIsComplete() throws {
        var ids = Set<String>()
        for d in Self.catalog.descriptions {
            #expect(ids.insert(d.id).inserted, "duplicate rule id \(d.id)")
            #expect(d.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(d.id) is not kebab-case")
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty)
            #expect(!d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
            #expect(!d.triggering.isEmpty, "\(d.id) has no triggering example")
            if d.isFixable { #expect(!d.corrections.isEmpty, "\(d.id) is fixable but has no correction example") }
        }
    }

    @Test("every bilingual rule has examples in both directions")
    func bothDirections() throws {
        for rule in Self.catalog.rules where Self.catalog.isBilingual(rule.id) {
            let d = type(of: rule).description
            let sources = (d.triggering + d.nonTriggering).map { Self.split($0.text, bilingual: true).source ?? "" }
            let chinese = sources.filter(Self.isChinese)
            #expect(!chinese.isEmpty && chinese.count < sources.count, "\(d.id) needs zh→en and en→zh examples")
        }
    }

    @Test("README's rule table lists exactly the catalogue's rules, with their default severities")
    func readmeTable() throws {
        let readme = try String(contentsOfPath: String(#filePath).components(separatedBy: "/Tests/")[0] + "/README.md")
        let section = readme.components(separatedBy: "\n## Checks\n")[1].components(separatedBy: "\n## ")[0]
        var table: [(id: String, severity: String)] = []
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { String($0).trimmingCharacters(in: .whitespacesAndNewlinesASCII) }
            guard cells.count >= 2 else { continue }
            table.append((String(cells[0].filter { $0 != "`" }), cells[1]))
        }
        #expect(table.map(\.id) == Self.catalog.ids)
        for row in table {
            #expect(Self.catalog.description(id: row.id)?.defaultSeverity.rawValue == row.severity, "README says \(row.id) is \(row.severity)")
        }
    }

    @Test("a glossary term at a sentence start gives one finding, the glossary's, capitalized")
    func glossaryTermAtSentenceStart() throws {
        let engine = LintEngine(glossary: ExampleGlossary.glossary)
        let findings = try engine.lint("Prices fell. electricity business grew.")
        #expect(findings.map(\.rule) == ["mistranslation"])
        #expect(findings.first?.replacement == "E-commerce")
        #expect(try engine.lint("It rained. wechat users left.").map(\.rule) == ["term-case"])
    }

    @Test("Markdown reference pages: a parameter set in emphasis starts a sentence as written; a common word so set is still a start")
    func emphasizedStart() throws {
        let engine = LintEngine(glossary: ExampleGlossary.glossary)
        let page = "# curl_mime_type\n\nIt sets a part's type.\n\n*part* is the part's handle to assign the type to.\n"
        #expect(try engine.lint(page, format: .markdown).filter { $0.rule == "sentence-case" }.isEmpty)
        let common = "It sets a part's type.\n\n*this* is the handle to assign the type to.\n"
        #expect(try engine.lint(common, format: .markdown).map(\.rule) == ["sentence-case"])
        // A word with a marked access letter: Markdown blanks the brackets, and the word is still glued to them.
        let mnemonic = "- Dá a todos os usuários direitos para le[r] e e[x]ecutar:\n"
        #expect(try engine.lint(mnemonic, format: .markdown).filter { $0.rule == "repeated-word" }.isEmpty)
        #expect(try engine.lint("Keep it in the the box.\n", format: .markdown).map(\.rule) == ["repeated-word"])
    }

    @Test("an ambiguous rendering at a sentence start: the lowercase start is reported whether or not the glossary finds evidence")
    func ambiguousRenderingAtSentenceStart() throws {
        let engine = LintEngine(glossary: ExampleGlossary.glossary)
        // With evidence (a phone word in the paragraph), two errors on one word; --fix gives the glossary's name.
        let phones = "Prices fell. millet phones sold out."
        #expect(Set(try engine.lint(phones).map(\.rule)) == ["sentence-case", "mistranslation"])
        #expect(try engine.fix(phones).fixed == "Prices fell. Xiaomi phones sold out.")
        // Without evidence, the grain: only the lowercase start, whose fix is a suggestion (the word may be a name).
        let grain = "Prices fell. millet porridge is cheap."
        #expect(try engine.lint(grain).map(\.rule) == ["sentence-case"])
        #expect(try engine.fix(grain, unsafeFixes: true).fixed == "Prices fell. Millet porridge is cheap.")
    }
}

extension String {
    func replacingLineFeeds() -> String {
        var out = ""
        for scalar in unicodeScalars { if scalar == "\n" { out += "\r\n" } else { out.unicodeScalars.append(scalar) } }
        return out
    }
}
