import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Configuration files, report formats, --report, --min-score, --only-changed and folder walks, run the way CI runs them.
@Suite(.serialized)
struct CIFeatureTests {
    /// A fresh folder holding `files` (path → content).
    static func project(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translint-ci-\(UUID().uuidString)")
        for (path, content) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return folder
    }

    static let glossary = """
        version: 1
        source_language: zh-Hans
        target_language: en
        terms:
          - source: 淘宝
            target: Taobao
            forbidden: [Amoy]
        """

    @Test("the configuration is found from a subfolder; its glossaries, rule severities and ignore list apply")
    func discovery() throws {
        let root = try Self.project([
            ".translint.yml": """
                glossaries: [terms/main.yaml]
                exclude: ["drafts/"]
                ignore: ["Amoy Harbour"]
                rules:
                  sentence-case: off
                  mistranslation: {severity: warning, mqm_severity: critical}
                """,
            "terms/main.yaml": Self.glossary,
            "docs/a.txt": "the Amoy shop. Amoy Harbour is old.\n",
            "drafts/b.txt": "Amoy draft.\n",
        ])
        let docs = root.appendingPathComponent("docs")
        let result = try CLI.run(["lint", "a.txt", "--format", "json"], in: docs)
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let findings = ((json["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
        #expect(findings.map { $0["rule"] as? String } == ["mistranslation"])
        #expect(findings.first?["severity"] as? String == "warning")
        let quality = (json["summary"] as? [String: Any])?["quality"] as? [String: Any]
        #expect(quality?["penalty"] as? Int == 25)   // critical by the configuration

        // Without paths, the configuration's folder is checked; drafts/ is excluded.
        let all = try CLI.run(["lint", "--verbose"], in: docs)
        #expect(all.out.contains("docs/a.txt:1:5:"))
        #expect(!all.out.contains("drafts/b.txt:"))
        #expect(all.stderr.contains("skipped \(root.path)/drafts/b.txt (excluded by the configuration)"))

        let printed = try CLI.run(["config", "--print"], in: docs)
        #expect(printed.status == 0)
        #expect(printed.out.hasPrefix("# effective configuration from ") && printed.out.contains("/.translint.yml\n"))
        #expect(printed.out.contains("sentence-case: {severity: off, mqm_severity: minor}"))
        #expect(printed.out.contains("mistranslation: {severity: warning, mqm_severity: critical}"))
        #expect(printed.out.contains("ignore: [\"Amoy Harbour\"]"))
    }

    @Test("configuration errors name file:line and exit 2", arguments: [
        ("rules:\n  no-such-rule: error\n", ".translint.yml:2: unknown rule 'no-such-rule'"),
        ("glossaries: [a.yaml]\ncolour: red\n", ".translint.yml:2: unknown key 'colour'"),
        ("rules:\n  sentence-case: loud\n", ".translint.yml:2: severity must be one of error, warning, info, off, not 'loud'"),
        ("min_score: high\n", ".translint.yml:1: 'min_score' must be a number"),
        ("rules: [\n", ".translint.yml:2: invalid YAML"),
    ])
    func configurationErrors(config: String, message: String) throws {
        let root = try Self.project([".translint.yml": config, "a.txt": "Fine.\n"])
        let result = try CLI.run(["lint", "a.txt"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try CLI.run(["lint", "a.txt", "--config", "missing.yml"], in: root).stderr.contains("missing.yml: cannot read"))
    }

    @Test("folder walks skip what .gitignore ignores, hidden and binary files and other formats, and say so with --verbose")
    func gitignore() throws {
        let root = try Self.project([
            ".gitignore": "build/\n*.log\n",
            "a.txt": "The Amoy shop.\n",
            "build/out.txt": "The Amoy build.\n",
            "run.log": "The Amoy log.\n",
            ".hidden/c.txt": "The Amoy secret.\n",
            "bin.txt": "Amoy\u{0}binary",
            "data.json": "{\"a\": \"The Amoy data.\"}",
        ])
        #expect(try CLI.shell("git init -q . && git add .gitignore a.txt", in: root) == 0)
        let result = try CLI.run(["lint", ".", "--glossary", CLI.root.appendingPathComponent(CLI.glossary).path, "--verbose", "--format", "github"], in: root)
        #expect(result.out.split(separator: "\n").count == 1)
        #expect(result.out.contains("file=a.txt,"))
        #expect(result.stderr.contains("skipped build/ (ignored by .gitignore)"))
        #expect(result.stderr.contains("skipped run.log (ignored by .gitignore)"))
        #expect(result.stderr.contains("skipped bin.txt (binary)"))
        #expect(result.stderr.contains("skipped data.json (not a translation format translint reads)"))
    }

    @Test("github output for the sample: one line per finding, with its line and column")
    func githubOnSample() throws {
        let text = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--format", "json"])
        let github = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--format", "github"])
        #expect(github.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: text.stdout) as? [String: Any])
        let findings = ((json["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
        let lines = github.out.split(separator: "\n")
        #expect(lines.count == 23 && findings.count == 23)
        for (line, finding) in zip(lines, findings) {
            #expect(line.hasPrefix("::\(finding["severity"]!) file=\(CLI.sample),line=\(finding["line"]!),col=\(finding["column"]!),"))
        }
    }

    @Test("--report writes more formats in the same run; --format diff prints the diff")
    func extraReports() throws {
        let (folder, file) = try CLI.sandbox()
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", CLI.root.appendingPathComponent(CLI.glossary).path,
                                  "--report", "sarif=out.sarif", "--report", "checkstyle=out.xml", "--report", "json=out.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.out.contains("23 findings"))
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out.sarif"))) as? [String: Any])
        let run = (sarif["runs"] as? [[String: Any]])?.first
        #expect((run?["results"] as? [Any])?.count == 23)
        #expect(run?["columnKind"] as? String == "unicodeCodePoints")
        let xml = try String(contentsOf: folder.appendingPathComponent("out.xml"), encoding: .utf8)
        #expect(xml.components(separatedBy: "<error ").count - 1 == 23)
        #expect(try XMLDocument(xmlString: xml).rootElement()?.name == "checkstyle")
        let diff = try CLI.run(["lint", "docs/article.txt", "--glossary", CLI.root.appendingPathComponent(CLI.glossary).path, "--format", "diff"], in: folder)
        #expect(diff.out.hasPrefix("--- a/docs/article.txt\n+++ b/docs/article.txt\n"))
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.sample)))
        let bad = try CLI.run(["lint", "docs/article.txt", "--report", "yaml=x"], in: folder)
        #expect(bad.status == 2)
    }

    @Test("colours: never when piped (the default), always on request")
    func colours() throws {
        let piped = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary])
        #expect(!piped.out.contains("\u{1B}["))
        let always = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--color", "always"])
        #expect(always.out.hasPrefix("\u{1B}[1m\(CLI.sample):1:1:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m use 'Alibaba'"))
        #expect(try CLI.run(["lint", CLI.sample, "--color", "sometimes"]).status == 2)
    }

    @Test("--min-score passes and fails on the sample as README.md documents")
    func minScore() throws {
        // The sample scores 84.89: 79 penalty points in 523 words.
        let pass = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--min-score", "80"])
        #expect(pass.status == 0)
        let fail = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--min-score", "90"])
        #expect(fail.status == 1)
        #expect(fail.out.contains("1 file scores below --min-score 90.00"))
        let fixed = try CLI.run(["lint", CLI.expected, "--glossary", CLI.glossary, "--min-score", "100"])
        #expect(fixed.status == 0)
        // The points by MQM category: 14 major terminology errors, 9 minor linguistic-convention ones.
        let json = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let quality = (object["summary"] as? [String: Any])?["quality"] as? [String: Any]
        #expect(quality?["categories"] as? [String: Int] == ["Terminology": 70, "Linguistic conventions": 9])
    }

    @Test("--only-changed reports and fixes only findings on lines changed since a revision")
    func onlyChanged() throws {
        let root = try Self.project(["a.txt": "The Amoy shop.\n\nOld line.\n", "terms.yaml": Self.glossary])
        #expect(try CLI.shell("git init -q . && git add . && git -c user.name=t -c user.email=t@t commit -qm one", in: root) == 0)
        try Data("The Amoy shop.\n\nNew Amoy line.\n".utf8).write(to: root.appendingPathComponent("a.txt"))
        let result = try CLI.run(["lint", "a.txt", "--glossary", "terms.yaml", "--only-changed", "HEAD", "--format", "github"], in: root)
        #expect(result.status == 1)
        #expect(result.out.split(separator: "\n").map { $0.contains("line=3,") } == [true])
        _ = try CLI.run(["lint", "a.txt", "--glossary", "terms.yaml", "--only-changed", "HEAD", "--fix"], in: root)
        #expect(try String(contentsOf: root.appendingPathComponent("a.txt"), encoding: .utf8) == "The Amoy shop.\n\nNew Taobao line.\n")
        // A file git does not track counts as changed throughout.
        try Data("Amoy one.\n".utf8).write(to: root.appendingPathComponent("new.txt"))
        #expect(try CLI.run(["lint", "new.txt", "--glossary", "terms.yaml", "--only-changed", "HEAD"], in: root).status == 1)
        let bad = try CLI.run(["lint", "a.txt", "--only-changed", "no-such-ref"], in: root)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'no-such-ref' is not a git revision"))
    }

    @Test("Markdown files are read as Markdown: --fix leaves code, URLs and front matter byte for byte")
    func markdownFix() throws {
        let text = "---\ntitle: Amoy\n---\n\nthe Amoy shop, see `Amoy` and <https://x.com/Amoy>.\n\n```\nAmoy\n```\n"
        let root = try Self.project(["doc.md": text, "terms.yaml": Self.glossary])
        let result = try CLI.run(["lint", "doc.md", "--glossary", "terms.yaml", "--fix"], in: root)
        #expect(result.status == 0)
        #expect(try String(contentsOf: root.appendingPathComponent("doc.md"), encoding: .utf8)
                == "---\ntitle: Amoy\n---\n\nThe Taobao shop, see `Amoy` and <https://x.com/Amoy>.\n\n```\nAmoy\n```\n")
    }
}

/// `sources:` in `.translint.yml` pairs plain-text and Markdown translations with their sources (issue 28).
struct SourcePairingTests {
    static let files = [
        ".translint.yml": "include: [\"en/**\"]\nsources:\n  - translation: \"en/**/*.md\"\n    source: \"zh/{rest}\"\n",
        "zh/news.md": "# 新闻\n\n淘宝的销售额增长了2亿元。\n",
        "en/news.md": "# News\n\nTaobao's sales grew by 20 million yuan.\n",
        "en/alone.md": "# Alone\n\nSales grew by 20 million yuan.\n",
    ]

    @Test("a translation the configuration pairs with its source gets the bilingual checks without --source; one without a source is checked alone")
    func pairedByConfiguration() throws {
        let root = try CIFeatureTests.project(Self.files)
        let result = try CLI.run(["--format", "json"], in: root)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        let files = report?["files"] as? [[String: Any]] ?? []
        let rules = Dictionary(uniqueKeysWithValues: files.map { file in
            (file["path"] as? String ?? "", (file["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        })
        #expect(rules["en/news.md"] == ["number-mismatch"], "\(rules)")
        #expect(rules["en/alone.md"] == [], "\(rules)")
        // --source still wins over the configuration.
        let given = try CLI.run(["en/news.md", "--source", "en/alone.md"], in: root)
        #expect(!given.out.contains("number-mismatch"), "\(given.out)")
    }
}
