import Foundation
import Testing
@testable import TranslintKit

/// The HTML report (issue 29): golden files, every finding marked in place, and input that cannot become markup.
/// `.ci/run` also validates these reports as HTML5 (html5lib, strict) and opens them in a headless Chromium.
struct HTMLReporterTests {
    static let run = HTMLReporter.Run(version: "0.0.0-test", date: "2026-01-01T00:00:00Z", glossaries: ["glossaries/example.yaml"],
                                      configuration: ".translint.yml", links: ReportLinks(home: "https://example.invalid", document: "https://example.invalid/README.md"),
                                      sourceLanguage: "zh-Hans", targetLanguage: "en")
    /// The PO fixture translates from English into Chinese.
    static var poRun: HTMLReporter.Run {
        var run = Self.run
        (run.sourceLanguage, run.targetLanguage) = ("en", "zh-Hans")
        return run
    }

    static func po() throws -> LintReport {
        let bytes = Array(try String(contentsOfPath: BilingualFileTests.folder + "/shop.po").utf8)
        let engine = LintEngine(glossary: ExampleGlossary.reversed)
        let run = try streamingRun(engine, path: "shop.po", fixing: false, kind: .bilingual(.po, includeFuzzy: false))
        try run.feed(bytes)
        return LintReport(files: [try run.finish()])
    }

    @Test("golden: the plain-text report fixture")
    func text() throws {
        try assertGolden("\(ReporterGoldenTests.goldenFolder)/report.html", HTMLReporter(run: Self.run).render(try ReporterGoldenTests.report()))
    }

    @Test("golden: a PO catalog, with each unit's source beside its translation")
    func poCatalog() throws {
        let html = HTMLReporter(run: Self.poRun).render(try Self.po())
        try assertGolden("\(ReporterGoldenTests.goldenFolder)/report-po.html", html)
        #expect(html.contains("<td class=\"source\" lang=\"en\">") && html.contains("<td class=\"text\" lang=\"zh-Hans\">"))
        #expect(html.contains("<th scope=\"col\">Source</th>"))
    }

    /// The ids of the findings marked in the text (`data-findings`), and of the listed findings.
    static func ids(_ html: String) -> (marked: Set<String>, listed: [String]) {
        var marked = Set<String>(), listed: [String] = []
        for part in html.components(separatedBy: "data-findings=\"").dropFirst() {
            marked.formUnion(part.prefix { $0 != "\"" }.split(separator: " ").map(String.init))
        }
        for part in html.components(separatedBy: "<li class=\"finding").dropFirst() {
            if let id = part.components(separatedBy: " id=\"").dropFirst().first?.prefix(while: { $0 != "\"" }) { listed.append(String(id)) }
        }
        return (marked, listed)
    }

    @Test("every finding is listed once and marked in its line, overlapping and empty ranges included")
    func everyFindingMarked() throws {
        // A line longer than a finding's 1 KiB window: findings far apart are each shown in their own window.
        let long = "Sellers on Amoy grew. " + String(repeating: "The market was calm all day. ", count: 150) + "Buyers left Amoy. the end.\n"
        let run = try streamingRun(LintEngine(glossary: ExampleGlossary.glossary), path: "long.txt", fixing: false)
        try run.feed(Array(long.utf8))
        for report in [try ReporterGoldenTests.report(), try Self.po(), LintReport(files: [try run.finish()])] {
            let html = HTMLReporter(run: Self.run).render(report)
            let (marked, listed) = Self.ids(html)
            #expect(listed.count == report.files.flatMap(\.findings).count)
            #expect(Set(listed) == marked, "\(Set(listed).symmetricDifference(marked))")
            #expect(!html.contains("class=\"caret"), "every finding here has text to mark")
        }
    }

    @Test("glossary notes, file names and text with markup, javascript: URLs and control characters render as text")
    func hostileInput() throws {
        let glossary = Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en", entries: [
            GlossaryEntry(source: "淘宝", target: "Taobao", forbidden: ["Amoy"], note: "<script>alert(1)</script> \"><img src=x onerror=alert(2)>"),
        ])
        let text = "\"><img src=x onerror=alert(3)> javascript:alert(4) \u{1B}[31m \u{202E}txt.exe Sellers on Amoy grew. <b>the</b> end\n"
        let engine = LintEngine(glossary: glossary)
        let run = try streamingRun(engine, path: "docs/<script>alert(5)</script>\u{202E}.txt", fixing: false)
        try run.feed(Array(text.utf8))
        let hostile = HTMLReporter.Run(version: "<v>", date: "<d>", glossaries: ["g/<script>.yaml"], configuration: "\"'><x>",
                                       links: ReportLinks(home: "h", document: "javascript:alert(6)//"))
        let html = HTMLReporter(run: hostile).render(LintReport(files: [try run.finish()]))
        for raw in ["<script>alert", "<img", "<b>", "<x>", "<v>", "<d>", "\u{1B}", "\u{202E}"] {
            #expect(!html.contains(raw), "\(raw) reached the report raw")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("␛[31m") && html.contains("⟨U+202E⟩"))
        // Only http(s) links are written.
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.components(separatedBy: "<script>").count == 2, "one script: the report's own")
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
    }

    @Test("the Content-Security-Policy allows exactly the report's own style and script, by their SHA-256")
    func policyHashes() throws {
        // The hashes are recomputed here from the text (Python's hashlib), so an edit of the style or the script
        // that forgets its hash fails here, not only in a browser.
        func sha256(_ text: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import base64,hashlib,sys; print('sha256-' + base64.b64encode(hashlib.sha256(sys.stdin.buffer.read()).digest()).decode())"]
            let input = Pipe(), output = Pipe()
            (process.standardInput, process.standardOutput) = (input, output)
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
            let out = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let css = try sha256(HTMLAssets.css), script = try sha256(HTMLAssets.script)
        #expect(css == HTMLAssets.cssHash, "the style's hash is \(css)")
        #expect(script == HTMLAssets.scriptHash, "the script's hash is \(script)")
        let html = HTMLReporter(run: Self.run).render(try ReporterGoldenTests.report())
        #expect(html.contains("style-src '\(HTMLAssets.cssHash)'; script-src '\(HTMLAssets.scriptHash)'") && !html.contains("unsafe-inline"))
        #expect(html.contains("<style>\(HTMLAssets.css)</style>") && html.contains("<script>\(HTMLAssets.script)</script>"))
    }

    @Test("the summary counts findings by rule and severity, and scores files")
    func summary() throws {
        let html = HTMLReporter(run: Self.run).render(try ReporterGoldenTests.report())
        #expect(html.contains("<title id=\"chart-title\">Findings by rule and severity</title>"))
        #expect(html.contains("<caption>Quality by file</caption>") && html.contains("<th scope=\"row\">docs/article.txt</th>"))
        #expect(html.contains("<dd>glossaries/example.yaml</dd>") && html.contains("<dd>2026-01-01T00:00:00Z</dd>"))
    }
}
