import Foundation
import Testing
@testable import TranslintKit

/// Inputs the long fuzz round found, kept in `Fixtures/fuzz/` as they were found (FAMILY-what.EXT) and run through
/// their family's target again: each must now pass every promise of the round. The time limit turns a hang back
/// into a failure.
struct FuzzReproducerTests {
    static let folder = FuzzTargets.fixtures + "/fuzz"

    static var reproducers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("every reproducer of the long fuzz round passes its target", .timeLimit(.minutes(10)), arguments: reproducers)
    func reproducer(name: String) throws {
        let family = String(name.prefix { $0 != "-" })
        #expect(FuzzTargets.families.contains(family), "\(name) does not start with a fuzz family")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name)))
        let problems = FuzzTargets.check(family)(bytes)
        #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
    }

    @Test("the folder holds reproducers")
    func present() { #expect(Self.reproducers.count >= 2) }

    @Test("a number past Double's range is its own key: 400 digits in a unit are compared, not looped on (po hang, seed 1)",
          .timeLimit(.minutes(10)))
    func infiniteNumberKey() throws {
        #expect(NumberExtractor.key(.infinity) == .infinity)
        let digits = String(repeating: "1", count: 400)
        let engine = LintEngine(glossary: ExampleGlossary.glossary)
        let po = "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\nmsgid \"共 \(digits) 和 5 个\"\nmsgstr \"\(digits) and 6 in all\"\n"
        let result = try engine.run(po, kind: .bilingual(.po, includeFuzzy: false), fixes: .none, path: "a.po").result
        let numbers = result.findings.filter { $0.finding.rule == "number-mismatch" }
        #expect(numbers.count == 1 && numbers[0].finding.message.contains("'6'"), "\(numbers.map(\.finding.message))")
    }

    @Test("placeholder scanning is linear: thousands of bare tags, `%(` and `%<PRI` without an end on one line (xcstrings hang, seed 1)",
          .timeLimit(.minutes(10)))
    func placeholderScanIsLinear() {
        let text = String(repeating: "<b> <x> ", count: 20_000) + "</x>"
        let found = Placeholders.placeholders(in: text)
        // Every `<x>` counts, since `</x>` closes one; `<b>` is HTML.
        #expect(found.filter { $0.key == "<x>" }.count == 20_000)
        #expect(found.filter { $0.key == "<b>" }.count == 20_000)
        #expect(Placeholders.placeholders(in: String(repeating: "%(", count: 50_000)).isEmpty)
        #expect(Placeholders.placeholders(in: String(repeating: "%<PRId and no end ", count: 20_000)).isEmpty)
        let attributes = "<a " + String(repeating: "word ", count: 50_000) + "x=\"1\">"
        #expect(Placeholders.placeholders(in: attributes).map(\.key) == ["<a>"])
    }
}
