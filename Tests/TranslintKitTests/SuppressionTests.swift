import Testing
@testable import TranslintKit

/// Every suppression form, in plain text and Markdown; suppressed findings are neither reported nor fixed.
struct SuppressionTests {
    let linter = LintEngine(glossary: ExampleGlossary.glossary)

    func rules(_ text: String, _ format: DocumentFormat = .plainText) throws -> [String] { try linter.lint(text, format: format).map(\.rule) }

    @Test("disable-next-line, disable-line and disable … enable, for all rules or some",
          arguments: [
              ("# translint-disable-next-line\nThe Amoy shop.", [String]()),
              ("// translint-disable-next-line mistranslation\nThe Amoy shop.", []),
              ("translint-disable-next-line term-case\nThe Amoy shop.", ["unused-suppression", "mistranslation"]),
              ("The Amoy shop. # translint-disable-line", []),
              ("The Amoy shop. <!-- translint-disable-line mistranslation -- a real place name -->", []),
              ("The Amoy shop.\nThe Amoy mall. <!-- translint-disable-line -->", ["mistranslation"]),
              ("# translint-disable\nThe Amoy shop.\n\nthe wechat mall.\n# translint-enable\nThe Amoy end.", ["mistranslation"]),
              ("# translint-disable mistranslation, term-case\nThe Amoy shop uses wechat.\nthe end.", ["sentence-case"]),
              ("# translint-disable\nThe Amoy shop.\n# translint-enable mistranslation\nThe Amoy mall. the end.", ["mistranslation"]),
              ("# translint-disable\nAmoy to the end of the file, wechat too.", []),
          ])
    func plainTextForms(text: String, expected: [String]) throws {
        #expect(try rules(text) == expected, "\(text.debugDescription)")
    }

    @Test("suppressed findings are not fixed; the comments stay as written")
    func notFixed() throws {
        let text = "<!-- translint-disable-next-line -->\nThe Amoy shop.\nThe Amoy mall.\n"
        #expect(try linter.fix(text).fixed == "<!-- translint-disable-next-line -->\nThe Amoy shop.\nThe Taobao mall.\n")
    }

    @Test("in Markdown, suppressions live in HTML comments; the same words in code are not a directive")
    func markdown() throws {
        #expect(try rules("<!-- translint-disable-next-line mistranslation -->\nThe Amoy shop.\n", .markdown).isEmpty)
        #expect(try rules("The Amoy shop. <!-- translint-disable-line -->\n", .markdown).isEmpty)
        #expect(try rules("<!--\ntranslint-disable mistranslation\n-->\nThe Amoy shop.\n", .markdown).isEmpty)
        #expect(try rules("```\n# translint-disable-next-line\n```\nThe Amoy shop.\n", .markdown) == ["mistranslation"])
        #expect(try rules("Write `translint-disable-line` to silence a line. The Amoy shop.\n", .markdown) == ["mistranslation"])
    }

    @Test("a suppression that suppresses nothing is reported where its keyword starts")
    func unused() throws {
        let text = "Fine text.\n<!-- translint-disable-next-line repeated-word -->\nThe Amoy shop."
        let findings = try linter.lint(text)
        #expect(findings.map(\.rule) == ["unused-suppression", "mistranslation"])
        let unused = findings[0]
        #expect(unused.range.start == "Fine text.\n<!-- ".utf8.count)
        #expect(unused.message.contains("'repeated-word'") && unused.fix == nil)
        #expect(try linter.lint("# translint-disable-line no-such-rule\nText.")[0].message.contains("unknown rule 'no-such-rule'"))
        let quiet = LintEngine(glossary: ExampleGlossary.glossary, settings: RuleSettings(severity: ["unused-suppression": Severity?.none]))
        #expect(try quiet.lint("# translint-disable-line\nFine.").isEmpty)
    }

    @Test("an HTML comment holds one directive, and a report names at most eight of its rules (fuzz: markdown seed 1, input 14010)")
    func oneDirectivePerComment() throws {
        // A comment that is never closed, full of keywords: one directive, not one per keyword each naming the rest.
        let text = String(repeating: "<!-- translint-disable", count: 500) + "\nThe end.\n"
        let findings = try linter.lint(text, format: .markdown).filter { $0.rule == "unused-suppression" }
        #expect(findings.count == 1)
        #expect(findings[0].message.contains("'<!--', 'translint-disable<!--'") && findings[0].message.contains(" and 492 more"))
        #expect(findings[0].message.utf8.count < 600)
    }

    @Test("unused-suppression's documented examples")
    func documentedExamples() throws {
        let d = UnusedSuppression.description
        for example in d.nonTriggering {
            #expect(try !rules(example.text).contains(d.id), "\(example.text)")
        }
        for example in d.triggering {
            let (text, markers) = example.unmarked
            #expect(try linter.lint(text).filter { $0.rule == d.id }.map(\.range.start) == markers, "\(example.text)")
        }
    }

    @Test("a disable block stays open across streamed chunks, and its use is counted there")
    func acrossChunks() throws {
        let paragraph = "Filler text that is long enough to make chunks.\n\n"
        let text = "# translint-disable mistranslation\n" + String(repeating: paragraph, count: 20) + "The Amoy shop.\n\n"
            + "# translint-enable\n" + String(repeating: paragraph, count: 20) + "The Amoy mall.\n"
        let streaming = try streamingRun(linter, path: "x", fixing: false, chunkSize: 64)
        try streaming.feed(Array(text.utf8))
        let result = try streaming.finish()
        #expect(result.findings.map(\.finding.rule) == ["mistranslation"])
        #expect(result.findings.first?.line == 85)
    }

    @Test("ignore phrases from the glossary or the settings: nothing inside them is flagged")
    func ignorePhrases() throws {
        let settings = RuleSettings(ignore: ["Muhammad Ali"])
        let linter = LintEngine(glossary: ExampleGlossary.glossary, settings: settings)
        #expect(try linter.lint("Muhammad Ali boxed. Ali sells.").map(\.rule) == ["mistranslation"])
        let glossary = try GlossaryLoader.load(yaml: """
            version: 1
            source_language: zh-Hans
            target_language: en
            ignore: [Ali Baba and the Forty Thieves]
            terms:
              - target: Alibaba
                forbidden: [Ali]
            """, file: "g.yaml")
        #expect(try LintEngine(glossary: glossary).lint("He read Ali Baba and the Forty Thieves.").isEmpty)
    }
}
