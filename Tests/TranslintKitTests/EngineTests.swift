import Testing
@testable import TranslintKit

/// The engine's one pipeline: what every input kind shares, tested once here.
struct EngineTests {
    let engine = LintEngine(glossary: ExampleGlossary.glossary)

    @Test("a finding skipped for overlapping and fixed by a later pass counts as fixed, and nothing remains")
    func skippedThenFixed() throws {
        // `Amoy amoy`: mistranslation fixes both words, repeated-word (which overlaps them) is skipped; the next pass
        // sees `Taobao Taobao` and removes the repeat. Nothing is left, so nothing may be reported as remaining.
        let (result, fixed) = try engine.run("We use Amoy amoy daily.\n")
        #expect(fixed == "We use Taobao daily.\n")
        #expect(result.findings.count >= 2)
        #expect(result.findings.allSatisfy { $0.isFixed }, "\(result.findings.filter { !$0.isFixed }.map(\.finding.rule))")
        #expect(try engine.lint(fixed).isEmpty)
        // The same through a bilingual file: the loop is the same one.
        let po = "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"我们每天用淘宝。\"\nmsgstr \"We use Amoy amoy daily.\"\n"
        let file = try engine.lintFile(Array(po.utf8), path: "x.po", format: .po, fixing: true)
        #expect(String(decoding: file.fixed, as: UTF8.self).contains("msgstr \"We use Taobao daily.\""))
        #expect(file.result.findings.filter { $0.finding.fix?.isSafe == true }.allSatisfy { $0.isFixed })
    }

    @Test("--only-changed holds in follow-up passes of bilingual files: a line outside the filter is never fixed")
    func bilingualFollowUpKeepsLineFilter() throws {
        // Line 5's fix makes `Taobao Taobao`, which a follow-up pass fixes; line 8 is within reach of that pass
        // but outside the filter, so its `Amoy` must stay.
        let po = """
            msgid ""
            msgstr "Language: en\\n"

            msgid "在淘宝卖。"
            msgstr "Sellers on Taobao Amoy."

            msgid "在淘宝买。"
            msgstr "Buy on Amoy."

            """
        let (result, fixed) = try engine.lintFile(Array(po.utf8), path: "x.po", format: .po, fixing: true, lineFilter: { first, _ in first == 5 })
        let text = String(decoding: fixed, as: UTF8.self)
        #expect(text.contains("msgstr \"Sellers on Taobao.\""), "\(text)")
        #expect(text.contains("msgstr \"Buy on Amoy.\""), "\(text)")
        #expect(result.findings.allSatisfy { $0.line == 5 })
        // Plain text behaves the same way.
        let plain = "Sellers on Taobao Amoy.\nBuy on Amoy.\n"
        var out: [UInt8] = []
        let plainResult = try engine.run(path: "t.txt", kind: .text(.plainText), session: try engine.makeSession(),
                                         options: RunOptions(fixes: .apply, lineFilter: { first, _ in first == 1 }),
                                         read: { try Array(plain.utf8).withUnsafeBufferPointer($0) }, output: { out += $0 })
        #expect(String(decoding: out, as: UTF8.self) == "Sellers on Taobao.\nBuy on Amoy.\n")
        #expect(plainResult.findings.allSatisfy { $0.line == 1 })
    }

    @Test("previewing fixes (a diff) reports and scores exactly what linting does", arguments: [
        "Sellers on Amoy grew. the the market fell.\n",
        "We use Amoy amoy daily.\n\nwechat users left.\n",
    ])
    func previewChangesNothing(text: String) throws {
        let lint = try engine.run(text, fixes: .none).result
        let preview = try engine.run(text, fixes: .preview)
        #expect(preview.result.findings == lint.findings)
        #expect(preview.result.quality == lint.quality)
        #expect(preview.result.followUpFixes == 0)
        // The previewed edits are those --fix applies.
        let applied = try engine.run(text, fixes: .apply)
        #expect(preview.fixed == applied.fixed)
        #expect(preview.result.appliedEdits == applied.result.appliedEdits)
        #expect(applied.result.quality.penalty <= lint.quality.penalty)
    }

    @Test("a rule given to the engine keeps its own description: SARIF and the score see its category")
    func ruleOutsideTheCatalog() throws {
        let engine = LintEngine(glossary: ExampleGlossary.glossary, rules: [RepeatedWordCheck()], catalog: RuleCatalog([]))
        #expect(engine.catalog.description(id: "repeated-word")?.mqmCategory == .accuracy)
        let result = try engine.run("It is the the end.", fixes: .none).result
        #expect(result.quality.penaltyByCategory[.accuracy] == 1)
        let sarif = SARIFReporter(toolVersion: "t", catalog: engine.catalog).render(LintReport(files: [result]))
        #expect(sarif.contains("\"ruleIndex\" : 0") || sarif.contains("\"ruleIndex\": 0"))
    }
}
