import Foundation
import Testing
@testable import TranslintKit

/// What reaches a terminal or a one-line format from inputs and glossaries: never a crash, never a raw control
/// character, and the caret under the finding.
struct TerminalSafetyTests {
    let engine = LintEngine(glossary: ExampleGlossary.glossary)

    static func textReport(_ result: FileResult) -> String {
        TextReporter(colors: false).render(LintReport(files: [result]))
    }

    @Test("zero-width and control characters before a finding neither crash the text report nor move the caret",
          arguments: ["Done\u{301}. the", "Done\u{200D}. the", "Done\u{AD}. the", "\u{FEFF}Done. the\nBed\u{FEFF}. the", "Done\u{0}. the",
                      "X \u{1B}]0;title\u{7}. the", "中\u{301}文 Go. the", String(repeating: "\u{301}", count: 300) + ". the"])
    func zeroWidthAndControls(text: String) throws {
        let result = try engine.run(text, fixes: .none).result
        let report = Self.textReport(result)
        #expect(!report.unicodeScalars.contains { TerminalText.isControl($0.value) && $0 != "\n" }, "\(report.debugDescription)")
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let caretLine = try #require(lines.firstIndex { $0.hasSuffix("^") || $0.contains("^~") })
        // The caret stands under `the`: the display width of what precedes it on the shown line.
        let shown = lines[caretLine - 1]
        let caretColumn = lines[caretLine].prefix { $0 == " " }.count
        let prefix = try #require(shown.range(of: "the", options: .backwards)).lowerBound
        let width = Self.displayWidth(String(shown[..<prefix]))
        #expect(caretColumn == width, "caret at \(caretColumn), `the` at \(width) in \(shown.debugDescription)")
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1 == "…" ? 1 : max(CharacterClass.displayWidth($1.value), 0)) }
    }

    @Test("control characters in messages and glossary notes are escaped in the text and GitHub reports")
    func escapesMessages() throws {
        let yaml = "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms:\n  - source: 淘宝\n    target: Taobao\n    forbidden: [Amoy]\n    note: \"evil\\e]0;pwned\\a\\r\\nnext line\"\n"
        let glossary = try GlossaryLoader.load(yaml: yaml, file: "g.yaml")
        let result = try LintEngine(glossary: glossary).run("Sellers on Amoy.\n", fixes: .none).result
        // The text report shows ESC as `\e`; GitHub's workflow commands percent-encode it, as they do `%`, CR and LF.
        for (report, shown) in [(Self.textReport(result), "\\e]0;pwned"), (GitHubReporter().render(LintReport(files: [result])), "%1B]0;pwned")] {
            #expect(!report.unicodeScalars.contains { TerminalText.isControl($0.value) && $0 != "\n" }, "\(report.debugDescription)")
            #expect(report.contains(shown), "\(report.debugDescription)")
        }
        #expect(!Self.textReport(result).contains("\nnext line"))
    }

    @Test("a finding on a very long line keeps a window of it, and the report still points at it")
    func longLineWindow() throws {
        let line = String(repeating: "word ", count: 20_000) + "Amoy " + String(repeating: "tail ", count: 20_000)
        let result = try engine.run(line, fixes: .none).result
        let finding = try #require(result.findings.first { $0.finding.rule == "mistranslation" })
        #expect(finding.lineText.utf8.count <= LocatedFinding.maxLineText + 4)
        #expect(finding.column == 100_001)
        let report = Self.textReport(LintReport(files: [result]).files[0])
        #expect(report.contains("Amoy") && report.contains(":1:100001:"))
        let (shown, caret) = TextReporter().excerpt(finding)
        let at = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
        #expect(at.map { String(shown.unicodeScalars.dropFirst($0).prefix(4).map(Character.init)) } == "Amoy")
    }
}
