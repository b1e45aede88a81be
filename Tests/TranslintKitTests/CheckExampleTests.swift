import Testing
@testable import TranslintKit

/// Replays every check's own examples, so a check's documentation is its test.
struct CheckExampleTests {
    static let checks: [any Check.Type] = CheckRegistry.all

    private func linter(for check: any Check.Type) -> Linter {
        Linter(glossary: ExampleGlossary.glossary, checks: [check.init()])
    }

    /// Prefixes that shift every offset, the first by multi-byte characters: offsets must still land right.
    static let prefixes = ["", "Ünïcödé «prefix» 中文.\n\n"]

    @Test("non-triggering examples find nothing", arguments: checks.map { $0.description.id })
    func nonTriggering(id: String) throws {
        let check = try #require(CheckRegistry.check(id: id))
        for example in check.description.nonTriggering {
            for prefix in Self.prefixes {
                let findings = linter(for: check).lint(prefix + example.text).filter { $0.rule == id }
                #expect(findings.isEmpty, "\(id) flagged \(findings.map(\.message)) in: \(prefix + example.text)")
            }
        }
    }

    @Test("triggering examples find exactly the marked places", arguments: checks.map { $0.description.id })
    func triggering(id: String) throws {
        let check = try #require(CheckRegistry.check(id: id))
        for example in check.description.triggering {
            let (text, markers) = example.unmarked
            #expect(!markers.isEmpty, "\(id): triggering example without a ↓ marker: \(example.text)")
            for prefix in Self.prefixes {
                let shift = prefix.utf8.count
                let starts = linter(for: check).lint(prefix + text).filter { $0.rule == id }.map { $0.range.start - shift }
                #expect(starts == markers, "\(id) in \(prefix + text): found at \(starts), marked at \(markers)")
            }
        }
    }

    @Test("corrections give the documented text, also with CRLF line breaks", arguments: checks.map { $0.description.id })
    func corrections(id: String) throws {
        let check = try #require(CheckRegistry.check(id: id))
        for correction in check.description.corrections {
            for prefix in Self.prefixes {
                for crlf in [false, true] {
                    let convert = { (s: String) in crlf ? s.replacingLineFeeds() : s }
                    let before = convert(prefix + correction.before), after = convert(prefix + correction.after)
                    let fixed = linter(for: check).fix(before).fixed
                    #expect(fixed == after, "\(id): fixing \(before.debugDescription) gave \(fixed.debugDescription)")
                    // The fixed text triggers nothing more, so fixing twice changes nothing.
                    let again = linter(for: check).lint(fixed).filter { $0.rule == id }
                    #expect(again.isEmpty, "\(id): the fixed text still has \(again.map(\.message))")
                }
            }
        }
    }

    @Test("every check is documented with examples, ids are unique kebab-case")
    func catalog() {
        var ids = Set<String>()
        for check in Self.checks {
            let d = check.description
            #expect(ids.insert(d.id).inserted, "duplicate check id \(d.id)")
            #expect(d.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(d.id) is not kebab-case")
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty)
            #expect(!d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
            #expect(!d.triggering.isEmpty, "\(d.id) has no triggering example")
            if d.isFixable { #expect(!d.corrections.isEmpty, "\(d.id) is fixable but has no correction example") }
        }
    }

    @Test("a glossary term at a sentence start gives one finding, the glossary's, capitalized")
    func glossaryTermAtSentenceStart() {
        let linter = Linter(glossary: ExampleGlossary.glossary)
        let findings = linter.lint("Prices fell. electricity business grew.")
        #expect(findings.map(\.rule) == ["mistranslation"])
        #expect(findings.first?.replacement == "E-commerce")
        #expect(linter.lint("It rained. wechat users left.").map(\.rule) == ["term-case"])
    }
}

extension String {
    func replacingLineFeeds() -> String {
        var out = ""
        for scalar in unicodeScalars { if scalar == "\n" { out += "\r\n" } else { out.unicodeScalars.append(scalar) } }
        return out
    }
}
