import Testing
@testable import TranslintKit

#if canImport(Glibc)
import Glibc
#endif

/// Reporter output compared byte for byte with files in Golden/. Run with TRANSLINT_RECORD_GOLDEN=1 to rewrite them
/// (then review the diff).
struct ReporterGoldenTests {
    static let goldenFolder = String(#filePath).components(separatedBy: "/ReporterGoldenTests.swift")[0] + "/Golden"

    static let text = """
    yesterday the Ali team met.\r
    \r
    Users of wechat left 中文 micro-blog Sina. the the end
    """

    static func report(fixing: Bool = false) throws -> LintReport {
        let linter = LintEngine(glossary: ExampleGlossary.glossary)
        let streaming = try streamingRun(linter, path: "docs/article.txt", fixing: fixing)
        try streaming.feed(Array(text.utf8))
        return LintReport(files: [try streaming.finish()], fixing: fixing)
    }

    private func assertGolden(_ name: String, _ actual: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try TranslintKitTests.assertGolden("\(Self.goldenFolder)/\(name)", actual, sourceLocation: sourceLocation)
    }

    @Test func textReport() throws { try assertGolden("report.txt", TextReporter().render(try Self.report())) }
    @Test func jsonReport() throws { try assertGolden("report.json", JSONReporter().render(try Self.report())) }
    @Test func textReportInColour() throws { try assertGolden("report-color.txt", TextReporter(colors: true).render(try Self.report())) }
    @Test func textReportAfterFixing() throws { try assertGolden("report-fixed.txt", TextReporter().render(try Self.report(fixing: true))) }
    @Test func jsonReportAfterFixing() throws { try assertGolden("report-fixed.json", JSONReporter().render(try Self.report(fixing: true))) }

    @Test func sarifReport() throws { try assertGolden("report.sarif", SARIFReporter(toolVersion: "0.0.0-test", catalog: .standard).render(try Self.report())) }
    @Test func githubReport() throws { try assertGolden("report.github.txt", GitHubReporter().render(try Self.report())) }
    @Test func checkstyleReport() throws { try assertGolden("report.checkstyle.xml", CheckstyleReporter().render(try Self.report())) }
    @Test func sarifReportAfterFixingListsNothingFixed() throws {
        try assertGolden("report-fixed.sarif", SARIFReporter(toolVersion: "0.0.0-test", catalog: .standard).render(try Self.report(fixing: true)))
    }

    @Test("SARIF fingerprints stay the same when unrelated text before the finding changes")
    func sarifFingerprintsAreStable() throws {
        func fingerprints(_ text: String) throws -> [String] {
            let streaming = try streamingRun(LintEngine(glossary: ExampleGlossary.glossary), path: "a.txt", fixing: false)
            try streaming.feed(Array(text.utf8))
            let sarif = SARIFReporter(toolVersion: "t", catalog: .standard).render(LintReport(files: [try streaming.finish()]))
            return sarif.split(separator: "\n").filter { $0.contains("\"translint/v1\"") }.map(String.init)
        }
        let before = try fingerprints("The Amoy shop opened.\n\nSales of Amoy grew. Amoy won.")
        let after = try fingerprints("A new first paragraph was added here.\n\nThe Amoy shop opened.\n\nSales of Amoy grew. Amoy won.")
        #expect(before.count == 3 && Set(before).count == 3)
        #expect(before == after)
    }

    @Test("GitHub workflow commands escape what would break them")
    func githubEscaping() throws {
        #expect(GitHubReporter.escapeData("50% off\r\nnow") == "50%25 off%0D%0Anow")
        #expect(GitHubReporter.escapeProperty("a,b:c.txt") == "a%2Cb%3Ac.txt")
        #expect(CheckstyleReporter.escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;")
        #expect(SARIFReporter.uri("docs/my file#1.txt") == "docs/my%20file%231.txt")
        #expect(SARIFReporter.uri("/abs/中.txt") == "file:///abs/%E4%B8%AD.txt")
    }

    @Test func unifiedDiff() throws {
        let report = try Self.report(fixing: true)
        let diff = UnifiedDiff().render(path: "docs/article.txt", original: Array(Self.text.utf8), edits: report.files[0].appliedEdits)
        try assertGolden("report.diff", diff)
    }

    @Test func jsonOffsetsPointAtTheReportedText() throws {
        let bytes = Array(Self.text.utf8)
        for located in try Self.report().files[0].findings {
            let range = located.finding.range
            #expect(String(decoding: bytes[range.start..<range.end], as: UTF8.self) == located.text)
        }
    }

    @Test func longLinesAreShownAsAWindowWithTheCaretUnderTheFinding() throws {
        let line = String(repeating: "word ", count: 60) + "中文 Amoy " + String(repeating: "tail ", count: 40)
        let column = line.unicodeScalars.count - String(repeating: "tail ", count: 40).unicodeScalars.count - 4
        let located = LocatedFinding(finding: Finding(rule: "r", severity: .error, message: "m", range: ByteRange(0, 4)),
                                     text: "Amoy", line: 1, column: column, endLine: 1, endColumn: column + 4,
                                     lineText: line)
        let (shown, caret) = TextReporter(maxLineWidth: 60).excerpt(located)
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
        // Wide characters take two columns, so the caret is found by display width.
        var width = 0
        for scalar in shown.unicodeScalars { if shown.unicodeScalars.firstIndex(of: scalar) == nil { break }; _ = scalar }
        let prefix = shown.components(separatedBy: "Amoy")[0]
        for scalar in prefix.unicodeScalars { width += CharacterClass.displayWidth(scalar.value) }
        #expect(caret == String(repeating: " ", count: width) + "^~~~")
    }
}
