import Foundation
import Testing
@testable import TranslintKit
#if canImport(FoundationXML)
import FoundationXML
#endif

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
    @Test func reviewdogReport() throws { try assertGolden("report.rdjsonl", ReviewdogReporter(links: Self.links).render(try Self.report())) }
    @Test func gitlabReport() throws { try assertGolden("report.gitlab.json", GitLabReporter().render(try Self.report())) }
    @Test func junitReport() throws { try assertGolden("report.junit.xml", JUnitReporter().render(try Self.report())) }
    @Test func junitReportAtErrorLevel() throws { try assertGolden("report-error.junit.xml", JUnitReporter(failLevel: .error).render(try Self.report())) }
    @Test func reportsAfterFixingListNothingFixed() throws {
        let fixed = try Self.report(fixing: true)
        #expect(ReviewdogReporter().render(fixed).split(separator: "\n").count == fixed.files[0].findings.filter { !$0.isFixed }.count)
        try assertGolden("report-fixed.gitlab.json", GitLabReporter().render(fixed))
    }

    @Test("every rule has the anchor its report links point at in README.md's Checks table")
    func ruleAnchors() throws {
        let readme = try String(contentsOfPath: String(#filePath).components(separatedBy: "/Tests/")[0] + "/README.md")
        for id in RuleCatalog.standard.ids { #expect(readme.contains("<a id=\"rule-\(id)\"></a>"), "no anchor for \(id)") }
        #expect(Self.links.rule("term-case") == "https://example.org/translint/README.md#rule-term-case")
    }

    static let links = ReportLinks(home: "https://example.org/translint", document: "https://example.org/translint/README.md")

    @Test("reviewdog positions are 1-based lines and UTF-8 byte columns, and each suggestion replaces exactly its edit's bytes")
    func reviewdogPositionsAreByteColumns() throws {
        let report = try Self.report()
        let lines = ReviewdogReporter().render(report).split(separator: "\n")
        let bytes = Array(Self.text.utf8)
        // The byte offset of each line start (the text has CRLF breaks; a line starts after LF).
        var lineStarts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { lineStarts.append(i + 1) }
        func offset(_ position: [String: Any]) -> Int { lineStarts[(position["line"] as! Int) - 1] + (position["column"] as! Int) - 1 }
        var suggestions = 0
        for (line, located) in zip(lines, report.files[0].findings) {
            let diagnostic = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let range = try #require((diagnostic["location"] as? [String: Any])?["range"] as? [String: Any])
            #expect(offset(range["start"] as! [String: Any]) == located.finding.range.start)
            #expect(offset(range["end"] as! [String: Any]) == located.finding.range.end)
            for (suggestion, edit) in zip(diagnostic["suggestions"] as? [[String: Any]] ?? [], located.finding.fix?.edits ?? []) {
                let r = suggestion["range"] as! [String: Any]
                #expect(offset(r["start"] as! [String: Any]) == edit.range.start && offset(r["end"] as! [String: Any]) == edit.range.end)
                #expect(suggestion["text"] as? String == edit.replacement)
                suggestions += 1
            }
        }
        #expect(lines.count == report.files[0].findings.count)
        #expect(suggestions > 0)
        // The multi-byte text before `micro-blog` makes byte and code-point columns differ.
        let microBlog = try #require(report.files[0].findings.first { $0.text == "micro-blog Sina" })
        #expect(lines.contains { $0.contains("\"column\":\(microBlog.column + 4)") })
    }

    @Test("GitLab fingerprints are unique in a report and stay the same when lines move")
    func gitlabFingerprints() throws {
        func fingerprints(_ text: String) throws -> [String] {
            let streaming = try streamingRun(LintEngine(glossary: ExampleGlossary.glossary), path: "a.txt", fixing: false)
            try streaming.feed(Array(text.utf8))
            let json = GitLabReporter().render(LintReport(files: [try streaming.finish()]))
            let issues = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            return issues.map { $0["fingerprint"] as! String }
        }
        let before = try fingerprints("The Amoy shop opened.\n\nSales of Amoy grew. Amoy won.")
        let after = try fingerprints("A new first paragraph.\n\nThe Amoy shop opened.\n\nSales of Amoy grew. Amoy won.")
        #expect(before.count == 3 && Set(before).count == 3)
        #expect(before == after)
    }

    @Test("the JUnit report is well-formed XML")
    func junitIsWellFormed() throws {
        let xml = JUnitReporter().render(try Self.report())
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
    }

    @Test("SARIF for code scanning: links, %SRCROOT%, the configuration's levels, baseline states, failed files")
    func sarifReportForCodeScanning() throws {
        let report = try Self.report()
        let known = report.files[0].findings[1]   // Ali: in the baseline
        var fingerprinter = Fingerprinter()
        let fingerprint = report.files[0].findings.prefix(2).map { fingerprinter.next($0) }[1]
        let baseline = Baseline([
            Baseline.Entry(path: "docs/article.txt", rule: known.finding.rule, text: known.text, fingerprint: fingerprint),
            Baseline.Entry(path: "docs/article.txt", rule: "mistranslation", text: "Amoy", fingerprint: "0123456789abcdef"),
        ])
        var reporter = SARIFReporter(toolVersion: "0.0.0-test", catalog: .standard,
                                     settings: RuleSettings(severity: ["unused-suppression": Severity?.none, "repeated-word": Severity?.some(.error)]),
                                     links: Self.links, sourceRoot: .init(root: "/work/repo", currentDirectory: "/work/repo/docs/.."),
                                     baseline: baseline)
        var out = reporter.begin() + reporter.beginFile("docs/article.txt")
        out += reporter.report(report.files[0].findings, path: "docs/article.txt", fixing: false)
        out += reporter.endFile("docs/article.txt", quality: report.files[0].quality)
        out += reporter.fileFailed("/elsewhere/bad.txt", message: "/elsewhere/bad.txt:1:2: invalid UTF-8 at byte offset 1; translint reads UTF-8 text only")
        out += reporter.end(report.summary)
        try assertGolden("report-ci.sarif", out)
        #expect(out.contains("\"baselineState\": \"unchanged\"") && out.contains("\"baselineState\": \"new\"") && out.contains("\"baselineState\": \"absent\""))
    }

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
        let prefix = shown.components(separatedBy: "Amoy")[0]
        for scalar in prefix.unicodeScalars { width += CharacterClass.displayWidth(scalar.value) }
        #expect(caret == String(repeating: " ", count: width) + "^~~~")
    }
}
