import Foundation
import Testing

/// Which files a run checks: folder walks take only translations (never code, data, the configuration or the
/// glossaries), `--force-exclude` applies the same rules to files named on the command line, and the pre-commit
/// hooks rely on both.
@Suite(.serialized)
struct FileSelectionTests {
    static let glossary = """
        version: 1
        source_language: zh-Hans
        target_language: en
        terms:
          - source: 淘宝
            target: Taobao
            forbidden: [Amoy]
          - source: 阿里巴巴
            target: Alibaba
            forbidden: [Ali, Ali Baba]
        """

    /// A git repository with a configuration, a glossary folder, code, JSON, YAML, a PO template and one Markdown
    /// translation, all committed.
    static func repository() throws -> URL {
        let root = try CIFeatureTests.project([
            ".translint.yml": "version: 1\nglossaries: [glossaries/]\n",
            "glossaries/terms.yaml": glossary,
            "Sources/app.swift": "let shop = \"the Amoy shop.\"   // ali\n",
            "data.json": "{\"name\": \"the Amoy shop.\"}\n",
            "config.yaml": "name: the Amoy shop.\n",
            "po/messages.pot": "msgid \"the Amoy shop.\"\nmsgstr \"\"\n",
            "docs/guide.md": "# Guide\n\nthe Amoy shop.\n",
        ])
        #expect(try CLI.shell("git init -q . && git add -A && git -c user.name=t -c user.email=t@t commit -qm one", in: root) == 0)
        return root
    }

    /// The files `git status` reports as changed.
    static func changed(in root: URL) throws -> [String] {
        let result = try CLI.sh("git status --porcelain", in: root)
        return result.out.split(separator: "\n").map { String($0.dropFirst(3)) }.sorted()
    }

    /// The pre-commit hooks this repository ships: id → (entry, files regex).
    static func hooks() throws -> [String: (entry: String, files: String?)] {
        let text = try String(contentsOf: CLI.root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        var hooks: [String: (entry: String, files: String?)] = [:]
        var id: String?
        func value(_ line: Substring, _ key: String) -> String? {
            let trimmed = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "- ", with: "", options: .anchored)
            guard trimmed.hasPrefix(key + ":") else { return nil }
            var v = trimmed.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("'") && v.hasSuffix("'") { v = String(v.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
            return v
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if let v = value(line, "id") { id = v; hooks[v] = ("", nil) }
            if let id, let v = value(line, "entry") { hooks[id]?.entry = v }
            if let id, let v = value(line, "files") { hooks[id]?.files = v }
        }
        return hooks
    }

    @Test("a folder walk with --fix changes only the translation: not the configuration, the glossaries, code, JSON or YAML")
    func folderWalkFixesOnlyTranslations() throws {
        let root = try Self.repository()
        let result = try CLI.run(["lint", ".", "--fix", "--verbose"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.changed(in: root) == ["docs/guide.md"])
        #expect(try String(contentsOf: root.appendingPathComponent("docs/guide.md"), encoding: .utf8) == "# Guide\n\nThe Taobao shop.\n")
        #expect(result.stderr.contains("skipped glossaries/terms.yaml (a glossary in use)"))
        for skipped in ["Sources/app.swift", "data.json", "config.yaml", "po/messages.pot"] {
            #expect(result.stderr.contains("skipped \(skipped) (not a translation format translint reads)"), "\(skipped)")
        }
        // Without paths the configuration's folder is walked the same way.
        #expect(try CLI.shell("git checkout -q -- .", in: root) == 0)
        #expect(try CLI.run(["lint", "--fix"], in: root).status == 0)
        #expect(try Self.changed(in: root) == ["docs/guide.md"])
    }

    @Test("the pre-commit hooks select only translations and, given every staged file, change only the translation")
    func preCommitHooks() throws {
        let hooks = try Self.hooks()
        let root = try Self.repository()
        let staged = try CLI.sh("git ls-files", in: root).out.split(separator: "\n").map(String.init)
        #expect(staged.count == 7)
        for id in ["translint", "translint-fix"] {
            let hook = try #require(hooks[id], "no hook \(id)")
            #expect(hook.entry.contains("--force-exclude"), "\(id): \(hook.entry)")
            let pattern = try NSRegularExpression(pattern: try #require(hook.files, "\(id) has no files: pattern"))
            let selected = staged.filter { pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
            #expect(selected == ["docs/guide.md"], "\(id)")
            // As pre-commit runs it: the entry, then the files. Also with every staged file, should a user widen `files:`.
            for files in [selected, staged] {
                let arguments = Array(hook.entry.split(separator: " ").dropFirst().map(String.init)) + files
                let result = try CLI.run(arguments, in: root)
                if id == "translint" {
                    #expect(result.status == 1)
                    #expect(result.out.contains("docs/guide.md:3:1:"))
                    #expect(!result.out.contains("app.swift") && !result.out.contains("data.json") && !result.out.contains("terms.yaml"))
                } else {
                    #expect(result.status == 0, "\(result.stderr)")
                    #expect(try Self.changed(in: root) == ["docs/guide.md"])
                    #expect(try CLI.shell("git checkout -q -- .", in: root) == 0)
                }
            }
        }
    }

    @Test("files named on the command line are checked as given; with --force-exclude they follow the folder-walk rules")
    func forceExclude() throws {
        let root = try Self.repository()
        try Data("exclude: [\"drafts/\"]\nglossaries: [glossaries/]\n".utf8).write(to: root.appendingPathComponent(".translint.yml"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try Data("the Amoy draft.\n".utf8).write(to: root.appendingPathComponent("drafts/d.txt"))
        let named = ["Sources/app.swift", "drafts/d.txt", "glossaries/terms.yaml", ".translint.yml", "docs/guide.md"]
        let asGiven = try CLI.run(["lint", "Sources/app.swift", "drafts/d.txt", "--format", "github"], in: root)
        #expect(asGiven.status == 1)
        #expect(asGiven.out.contains("file=Sources/app.swift,") && asGiven.out.contains("file=drafts/d.txt,"))

        let forced = try CLI.run(["lint", "--force-exclude", "--verbose", "--format", "github"] + named, in: root)
        #expect(forced.status == 1)
        #expect(forced.out.split(separator: "\n").allSatisfy { $0.contains("file=docs/guide.md,") })
        #expect(forced.stderr.contains("skipped Sources/app.swift (not a translation format translint reads)"))
        #expect(forced.stderr.contains("skipped drafts/d.txt (excluded by the configuration)"))
        #expect(forced.stderr.contains("skipped glossaries/terms.yaml (a glossary in use)"))
        #expect(forced.stderr.contains("skipped .translint.yml (hidden)"))
        // Every named file skipped: nothing to check is exit 2 (no silent pass), unless --allow-empty, which the
        // pre-commit hooks give.
        let none = try CLI.run(["lint", "--force-exclude", "Sources/app.swift", "drafts/d.txt"], in: root)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no translation to check"), "\(none.stderr)")
        let allowed = try CLI.run(["lint", "--force-exclude", "--allow-empty", "Sources/app.swift", "drafts/d.txt"], in: root)
        #expect(allowed.status == 0)
        #expect(allowed.out.contains("no findings in 0 files"))
    }

    @Test("a configuration file in a translation format, named with --config, is not checked by a folder walk")
    func configurationNeverChecked() throws {
        let root = try CIFeatureTests.project([
            "settings.txt": "glossaries: [terms.yaml]\n",
            "terms.yaml": Self.glossary,
            "a.txt": "the Amoy shop.\n",
        ])
        let result = try CLI.run(["lint", ".", "--config", "settings.txt", "--fix", "--verbose"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("skipped settings.txt (the configuration file in use)"), "\(result.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("settings.txt"), encoding: .utf8) == "glossaries: [terms.yaml]\n")
        #expect(try String(contentsOf: root.appendingPathComponent("a.txt"), encoding: .utf8) == "The Taobao shop.\n")
    }

    @Test("without a configuration above the current folder, the one above the first path given is used")
    func configurationFromFirstPath() throws {
        let root = try CIFeatureTests.project([
            "project/.translint.yml": "glossaries: [terms.yaml]\nexclude: [\"docs/skip.txt\"]\n",
            "project/terms.yaml": Self.glossary,
            "project/docs/a.txt": "The Amoy shop.\n",
            "project/docs/skip.txt": "The Amoy shop.\n",
            "elsewhere/.keep": "",
        ])
        let elsewhere = root.appendingPathComponent("elsewhere")
        let folder = try CLI.run(["lint", "../project/docs", "--format", "github"], in: elsewhere)
        #expect(folder.status == 1, "\(folder.stderr)")
        #expect(folder.out.contains("file=../project/docs/a.txt,line=1,col=5"))
        #expect(!folder.out.contains("skip.txt"))
        let file = try CLI.run(["lint", "../project/docs/a.txt", "--format", "github"], in: elsewhere)
        #expect(file.status == 1)
        #expect(file.out.contains("use 'Taobao' instead of 'Amoy'"))
        // The current folder still comes first: a configuration there wins over the first path's.
        try Data("glossaries: []\n".utf8).write(to: elsewhere.appendingPathComponent(".translint.yml"))
        #expect(try CLI.run(["lint", "../project/docs/a.txt", "--format", "github"], in: elsewhere).status == 0)
    }
}
