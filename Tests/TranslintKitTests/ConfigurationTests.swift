import Testing
@testable import TranslintKit
import TranslintTestSupport

/// `.translint.yml` and its patterns, read by the library (the CLI tests cover discovery).
struct ConfigurationTests {
    @Test("gitignore-style patterns", arguments: [
        ("*.md", "README.md", true), ("*.md", "docs/guide/intro.md", true), ("*.md", "docs/notes.txt", false),
        ("docs/*.md", "docs/a.md", true), ("docs/*.md", "docs/sub/a.md", false), ("docs/**/*.md", "docs/sub/deep/a.md", true),
        ("docs/**/*.md", "docs/a.md", true), ("vendor/", "vendor/lib/x.txt", true), ("vendor/", "src/vendor.txt", false),
        ("drafts", "a/drafts/b.txt", true), ("**/drafts/**", "x/drafts/y.txt", true), ("file?.txt", "file1.txt", true),
        ("file?.txt", "file10.txt", false), ("[a-c]*.txt", "b.txt", true), ("[!a-c]*.txt", "b.txt", false), ("./top.txt", "top.txt", true),
    ])
    func globs(pattern: String, path: String, matches: Bool) throws {
        #expect(Glob(pattern).matches(path) == matches, "\(pattern) on \(path)")
    }

    @Test("a full configuration reads back, relative paths resolved against its folder")
    func full() throws {
        let config = try Configuration.load(yaml: """
            glossaries: [terms, /abs/terms.yaml]
            include: ["**/*.md"]
            exclude: [vendor/]
            source_language: zh-Hans
            target_language: en
            min_score: 97.5
            ignore: [Muhammad Ali]
            rules:
              sentence-case: info
              repeated-word: off
              mistranslation: {severity: error, mqm_severity: critical}
            mqm_weights: {minor: 2, critical: 50}
            """, file: "repo/.translint.yml", root: "repo")
        #expect(config.glossaries == ["repo/terms", "/abs/terms.yaml"])
        #expect(config.includes("docs/a.md") && !config.includes("vendor/a.md") && !config.includes("a.txt"))
        #expect(config.minScore == 97.5 && config.sourceLanguage == "zh-Hans")
        let policy = RulePolicy(settings: config.rules)
        #expect(policy.severity(of: "sentence-case") == .info && !config.rules.isEnabled("repeated-word"))
        #expect(policy.penalty(of: "mistranslation") == 50 && policy.penalty(of: "term-case") == 2)
        let linter = LintEngine(glossary: ExampleGlossary.glossary, settings: config.rules)
        #expect(!linter.checks.contains { $0.id == "repeated-word" })
        #expect(try linter.lint("It rained. the the end.").map(\.severity) == [.info])
        #expect(config.printed().contains("repeated-word: {severity: off, mqm_severity: minor}   # Accuracy"))
    }

    @Test("an empty file is the defaults; errors name the line", arguments: [
        ("include: {a: b}\nexclude: [a]\n", "c.yml:1: 'include' must be a list of strings"),
        ("mqm_weights: {minor: -1}\n", "c.yml:1: 'minor' must be a number of penalty points"),
        ("rules:\n  sentence-case: {severity: error, weight: 3}\n", "c.yml:2: unknown key 'weight' in rule 'sentence-case'"),
        ("target_language: en_US\n", "c.yml:1: 'target_language' must be a BCP 47 language tag"),
        ("version: 2\n", "c.yml:1: unsupported version"),
        ("sources: docs\n", "c.yml:1: 'sources' must be a list of {translation: PATTERN, source: PATH}"),
        ("sources:\n  - {translation: \"*.md\"}\n", "c.yml:2: a 'sources' item needs 'translation' (a pattern) and 'source'"),
        ("sources:\n  - {translation: \"*.md\", source: a, from: b}\n", "c.yml:2: unknown key 'from'"),
    ])
    func errors(yaml: String, message: String) throws {
        do {
            _ = try Configuration.load(yaml: yaml, file: "c.yml", root: ".")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test("sources: the first rule that matches a translation names its source, with its placeholders", arguments: [
        ("docs/en/guide/a.md", "folder/docs/zh/guide/a.md"),
        ("docs/en/a.md", "folder/docs/zh/a.md"),
        ("notes/b.en.txt", "folder/notes/b.zh.txt"),
        ("c.en.txt", "folder/./c.zh.txt"),
        ("docs/fr/a.md", nil),
        ("docs/en/app.po", nil),   // bilingual files carry their own source
    ] as [(String, String?)])
    func sourcePairing(path: String, source: String?) throws {
        let config = try Configuration.load(yaml: """
            sources:
              - translation: "docs/en/**/*.md"
                source: "docs/zh/{rest}"
              - translation: "**/*.en.txt"
                source: "{dir}/{stem}.zh.txt"
              - translation: "docs/en/*.po"
                source: "docs/zh/{name}"
            """, file: "folder/.translint.yml", root: "folder")
        #expect(config.sourcePath(for: path) == source)
        #expect(config.printed().contains("sources:\n  - {translation: \"docs/en/**/*.md\", source: \"docs/zh/{rest}\"}\n"))
    }

    @Test func emptyIsDefault() throws {
        let config = try Configuration.load(yaml: "", file: "c.yml", root: ".")
        #expect(config.glossaries.isEmpty && config.minScore == nil && config.includes("anything.txt"))
    }

    @Test("Markdown property: whatever the document, masking keeps its length, fixes never touch code, and fixing twice changes nothing",
          arguments: 0..<100)
    func markdownProperty(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed) &* 7919 &+ 1)
        let pieces = ["the Amoy shop", "`Amoy code`", "**micro-blog**", "[Ali](https://x.com/Ali)", "\n\n", "\n", "- item wechat", "# the title",
                      "\n\n```\nAmoy fenced\n```\n\n", "\n\n| wechat | the cell |\n|---|---|\n| a | b |\n\n", "> quoted amoy", " ", ". the the end", "中文 Amoy",
                      "<!-- translint-disable-next-line -->\n", "<span>Amoy</span>", "\r\n", "\n\n    indented Amoy code\n\n"]
        var text = ""
        for _ in 0..<Int(generator.next() % 14 + 1) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let prepared = PreparedText.prepare(buffer, format: .markdown)
            #expect((prepared.masked ?? bytes).count == bytes.count)
        }
        let linter = LintEngine(glossary: ExampleGlossary.glossary)
        let (result, fixed) = try linter.run(text, kind: .text(.markdown))
        for edit in result.appliedEdits {
            let touched = String(decoding: bytes[edit.range.start..<edit.range.end], as: UTF8.self)
            #expect(!touched.contains("`") && !touched.contains("](") && !touched.contains("<"), "edit \(touched.debugDescription) in \(text.debugDescription)")
        }
        let again = try linter.fix(fixed, format: .markdown)
        #expect(again.fixed == fixed, "fixing twice changed \(text.debugDescription)")
        // Code spans and fences come through byte for byte.
        // (Four spaces after a list item continue the item, as in CommonMark: code only without a list before it.)
        let codes = ["`Amoy code`", "```\nAmoy fenced\n```", "https://x.com/Ali", "<span>"] + (text.contains("- item") ? [] : ["    indented Amoy code"])
        for code in codes where text.contains(code) {
            #expect(fixed.contains(code), "\(code) changed in \(text.debugDescription)")
        }
    }
}

struct SuggestionTests {
    @Test("a mistyped rule or key gets the closest known name; a word far from all gets none")
    func closest() throws {
        #expect(Suggestion.closest(to: "sentence-cse", in: RuleCatalog.standard.ids) == "sentence-case")
        #expect(Suggestion.closest(to: "glosaries", in: ["glossaries", "include", "exclude"]) == "glossaries")
        #expect(Suggestion.closest(to: "colour", in: ["glossaries", "include", "exclude"]) == nil)
        let error = #expect(throws: GlossaryError.self) {
            _ = try Configuration.load(yaml: "version: 1\nglosaries: [x]\n", file: "c.yml", root: ".")
        }
        #expect(error?.message.contains("did you mean 'glossaries'?") == true, "\(String(describing: error))")
    }
}
