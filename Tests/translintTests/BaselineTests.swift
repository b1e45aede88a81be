import Foundation
import Testing

/// `--write-baseline` and `--baseline`, and SARIF's `baselineState`, run the way CI runs them.
@Suite(.serialized)
struct BaselineTests {
    static let glossary = CIFeatureTests.glossary
    static let text = "The Amoy shop opened.\n\nSales of Amoy grew. the market is big.\n"

    /// A project with the glossary and `docs/a.txt`; the baseline of `text` written to `baseline.json`.
    static func project() throws -> URL {
        let root = try CIFeatureTests.project([".translint.yml": "glossaries: [terms.yaml]\n", "terms.yaml": glossary, "docs/a.txt": text])
        let written = try CLI.run(["lint", "docs", "--write-baseline", "baseline.json"], in: root)
        #expect(written.status == 0)   // the run reports as usual, and writing the baseline is what it was asked
        return root
    }

    static func write(_ text: String, in root: URL) throws { try Data(text.utf8).write(to: root.appendingPathComponent("docs/a.txt")) }

    @Test("the baseline records every finding by fingerprint, with no line numbers, and a run against it is clean")
    func writeAndUse() throws {
        let root = try Self.project()
        let baseline = try String(contentsOf: root.appendingPathComponent("baseline.json"), encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(baseline.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String ?? "" }.sorted() == ["mistranslation", "mistranslation", "sentence-case"])
        #expect(findings.allSatisfy { $0["line"] == nil && ($0["fingerprint"] as? String)?.count == 16 })
        let again = try CLI.run(["lint", "docs", "--baseline", "baseline.json"], in: root)
        #expect(again.status == 0)
        #expect(again.out.contains("no findings in 1 file"), "\(again.out)")
    }

    @Test("lines added above and an unrelated edit elsewhere leave the known findings known")
    func lineShiftAndUnrelatedEdit() throws {
        let root = try Self.project()
        try Self.write("A new first paragraph.\n\nAnd another one, added later.\n\n" + Self.text.replacingOccurrences(of: "big.", with: "big.\n\nA closing line was edited."), in: root)
        let run = try CLI.run(["lint", "docs", "--baseline", "baseline.json", "--format", "json"], in: root)
        #expect(run.status == 0, "\(run.out)")
        let json = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect((json["summary"] as? [String: Any])?["findings"] as? Int == 0)
    }

    @Test("a new finding is reported alone and fails the run; the known ones stay quiet")
    func newFinding() throws {
        let root = try Self.project()
        try Self.write(Self.text + "\nThe Amoy market closed.\n", in: root)
        let run = try CLI.run(["lint", "docs", "--baseline", "baseline.json"], in: root)
        #expect(run.status == 1)
        let findings = run.out.split(separator: "\n").filter { $0.contains(": error:") || $0.contains(": warning:") }
        #expect(findings == ["docs/a.txt:5:5: error: use 'Taobao' instead of 'Amoy' [mistranslation]"])
    }

    @Test("SARIF marks results new or unchanged, and lists fixed baseline findings as absent")
    func sarifBaselineState() throws {
        let root = try Self.project()
        // The first Amoy is fixed by hand, a new one is added.
        try Self.write(Self.text.replacingOccurrences(of: "The Amoy shop", with: "The Taobao shop") + "\nThe Amoy market closed.\n", in: root)
        let run = try CLI.run(["lint", "docs", "--baseline", "baseline.json", "--format", "sarif"], in: root)
        #expect(run.status == 1)
        let sarif = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let states = results.map { "\($0["ruleId"] as? String ?? ""):\($0["baselineState"] as? String ?? "")" }.sorted()
        #expect(states == ["mistranslation:absent", "mistranslation:new", "mistranslation:unchanged", "sentence-case:unchanged"])
    }

    @Test("a file that is not a baseline is an error naming it, exit 2")
    func badBaseline() throws {
        let root = try Self.project()
        try Data("{\"findings\": 3}".utf8).write(to: root.appendingPathComponent("bad.json"))
        let run = try CLI.run(["lint", "docs", "--baseline", "bad.json"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.json: cannot read: not a translint baseline"), "\(run.stderr)")
    }
}
