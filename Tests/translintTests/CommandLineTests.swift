import Foundation
import Testing

/// The command-line conventions CI users expect: -q, -V, --files, --no-config, rules --format json, a reusable
/// config --print, completions, and messages that say what is wrong.
@Suite(.serialized)
struct CommandLineTests {
    static let ruleIDs = ["mistranslation", "term-case", "sentence-case", "leading-punctuation", "repeated-word", "garbled-magnitude", "missing-term",
                          "number-mismatch", "untranslated", "placeholder-mismatch", "alignment", "unused-suppression"]

    @Test("-V and --version print the version")
    func version() throws {
        let short = try CLI.run(["-V"]), long = try CLI.run(["--version"])
        #expect(short.status == 0 && long.status == 0)
        #expect(short.out == long.out && short.out.first?.isNumber == true)
        // --help names both spellings, for the root command and for lint (the default command).
        for arguments in [["--help"], ["lint", "--help"]] {
            let help = try CLI.run(arguments)
            #expect(help.status == 0)
            #expect(help.out.contains("-V, --version"), "\(arguments)")
        }
    }

    @Test("-q prints the findings and nothing else")
    func quiet() throws {
        let result = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "-q"])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 23 * 3)
        #expect(!result.out.contains("quality score") && !result.out.contains("findings ("))
        #expect(try CLI.run(["lint", CLI.sample, "-q", "--verbose"]).status == 2)
    }

    @Test("--files lists what a run would check, and checks nothing")
    func files() throws {
        let root = try CIFeatureTests.project([".translint.yml": "exclude: [\"drafts/\"]\n", "docs/a.txt": "the Amoy.\n", "docs/b.md": "x\n",
                                                "drafts/c.txt": "x\n", "code.swift": "x\n"])
        let result = try CLI.run(["lint", "--files"], in: root)
        #expect(result.status == 0)
        #expect(result.out.split(separator: "\n").map { String($0).replacingOccurrences(of: root.path + "/", with: "") } == ["docs/a.txt", "docs/b.md"])
    }

    @Test("--no-config ignores .translint.yml")
    func noConfig() throws {
        let root = try CIFeatureTests.project([".translint.yml": "rules:\n  sentence-case: off\n", "a.txt": "The shop opened. the market grew fast today.\n"])
        #expect(try CLI.run(["lint", "a.txt"], in: root).status == 0)
        let bare = try CLI.run(["lint", "a.txt", "--no-config"], in: root)
        #expect(bare.status == 1 && bare.out.contains("[sentence-case]"))
        #expect(try CLI.run(["lint", "a.txt", "--no-config", "--config", ".translint.yml"], in: root).status == 2)
    }

    @Test("rules --format json lists every rule with a link to its documentation")
    func rulesJSON() throws {
        let result = try CLI.run(["rules", "--format", "json"])
        #expect(result.status == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == Self.ruleIDs)
        #expect(rules.allSatisfy { ($0["url"] as? String)?.hasSuffix("#rule-\($0["id"] as! String)") == true })
        #expect(rules.first { $0["id"] as? String == "mistranslation" }?["fixable"] as? Bool == true)
    }

    @Test("config --print gives a configuration translint reads back to the same effect")
    func configRoundTrip() throws {
        let root = try CIFeatureTests.project([
            ".translint.yml": "glossaries: [terms.yaml]\nexclude: [\"drafts/\"]\nrules:\n  sentence-case: off\n  repeated-word: info\n",
            "terms.yaml": CIFeatureTests.glossary,
        ])
        let first = try CLI.run(["config", "--print"], in: root)
        #expect(first.status == 0)
        #expect(!first.out.contains("null"))
        try first.stdout.write(to: root.appendingPathComponent("printed.yml"))
        let second = try CLI.run(["config", "--print", "--config", "printed.yml"], in: root)
        #expect(second.status == 0, "\(second.stderr)")
        let body = { (text: String) in text.split(separator: "\n").dropFirst().joined(separator: "\n") }
        #expect(body(second.out) == body(first.out))
        // With every value set too.
        try Data("min_score: 95\nsource_language: zh-Hans\ntarget_language: en\n".utf8).write(to: root.appendingPathComponent(".translint.yml"))
        let set = try CLI.run(["config", "--print"], in: root)
        try set.stdout.write(to: root.appendingPathComponent("printed.yml"))
        let back = try CLI.run(["config", "--print", "--config", "printed.yml"], in: root)
        #expect(back.status == 0 && body(back.out) == body(set.out) && back.out.contains("min_score: 95"))
    }

    @Test("the completion scripts name the subcommands, complete files and rule ids")
    func completions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try CLI.run(["--generate-completion-script", shell])
            #expect(result.status == 0)
            for name in ["lint", "rules", "explain", "config", "glossary"] { #expect(result.out.contains(name), "\(shell): no \(name)") }
            for id in Self.ruleIDs { #expect(result.out.contains(id), "\(shell): no rule id \(id)") }
        }
        let bash = try CLI.run(["--generate-completion-script", "bash"]).out
        #expect(bash.contains("-f") || bash.contains("compgen -f") || bash.contains("_filedir"))
    }

    @Test("a mistyped subcommand gets a hint; errors after parsing print no usage line")
    func messages() throws {
        let typo = try CLI.run(["lnt", "samples"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'translint lint'?"), "\(typo.stderr)")
        let empty = try CIFeatureTests.project(["a.txt": "x\n"])
        // No path and no configuration: the current folder is checked (as typos, ruff and codespell do), and a
        // run without a glossary says so once.
        let noPaths = try CLI.run(["lint"], in: empty)
        #expect(noPaths.status == 0 && noPaths.out.contains("no findings in 1 file"), "\(noPaths.out)\(noPaths.stderr)")
        #expect(noPaths.stderr.components(separatedBy: "no glossary").count == 2, "\(noPaths.stderr)")
        #expect(try CLI.run(["lint", "-q"], in: empty).stderr.isEmpty)
        let nothing = try CLI.run(["lint", "."], in: try CIFeatureTests.project(["a.json": "{}\n"]))
        #expect(nothing.status == 2 && nothing.stderr.contains("no translation to check"), "\(nothing.stderr)")
        #expect(!nothing.stderr.contains("Usage:"))
        let folder = try CIFeatureTests.project(["s.txt": "一\n二\n", "t.txt": "one\n"])
        let extract = try CLI.run(["glossary", "extract", "--source", "s.txt", "--target", "t.txt"], in: folder)
        #expect(extract.status == 2 && extract.stderr.contains("must be aligned line by line") && !extract.stderr.contains("Usage:"), "\(extract.stderr)")
        // A real usage error still shows the usage of the subcommand it concerns.
        let usage = try CLI.run(["lint", "--no-such-option"])
        #expect(usage.status == 2 && usage.stderr.contains("Usage: translint lint"))
    }

    @Test("an empty NO_COLOR does not turn colours off; a non-empty one does (no-color.org)")
    func noColor() throws {
        func colored(_ environment: String) throws -> Bool {
            // `script` gives translint a terminal, so that --color auto decides.
            let command = "\(environment) script -qec \(CLI.quoted(CLI.executable.path + " lint " + CLI.sample + " --glossary " + CLI.glossary)) /dev/null"
            return try CLI.sh(command, in: CLI.root).out.contains("\u{1B}[")
        }
        #expect(try colored("env NO_COLOR="))
        #expect(try !colored("env NO_COLOR=1"))
    }

    @Test("--glossary's help names every glossary format a folder loads")
    func glossaryHelp() throws {
        let help = try CLI.run(["lint", "--help"]).out.replacingOccurrences(of: "\n", with: " ")
        for ext in ["*.yaml", "*.yml", "*.tbx", "*.csv", "*.tsv"] { #expect(help.contains(ext), "--help does not name \(ext)") }
    }

    @Test("missing-term says what is missing and nothing else")
    func missingTermMessage() throws {
        let result = try CLI.run(["lint", "samples/001_ecommerce.en.txt", "--source", "samples/001_ecommerce.zh.txt", "--glossary", CLI.glossary])
        let line = try #require(result.out.split(separator: "\n").first { $0.hasSuffix("[missing-term]") })
        #expect(line.hasSuffix("warning: the source has '天猫', but the translation has no 'Tmall' [missing-term]"), "\(line)")
    }

    @Test("a conflict between two glossary files names the file and line of both entries")
    func glossaryConflictNamesBothFiles() throws {
        let head = "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms:\n"
        let folder = try CIFeatureTests.project(["a.yaml": head + "  - target: Taobao\n", "b.yaml": head + "  - target: Alibaba\n    forbidden: [Taobao]\n"])
        let result = try CLI.run(["glossary", "validate", "a.yaml", "b.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.out.contains("b.yaml:5: error: when merged: forbidden rendering 'Taobao' is the target of the entry at a.yaml:5"), "\(result.out)")
    }

    @Test("a '!' pattern in include or exclude is refused with file:line, not ignored")
    func negatedPattern() throws {
        let root = try CIFeatureTests.project([".translint.yml": "exclude: [\"*.txt\", \"!keep.txt\"]\n", "keep.txt": "x\n"])
        let result = try CLI.run(["lint"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".translint.yml:1:") && result.stderr.contains("negation with '!' is not supported"), "\(result.stderr)")
    }

    @Test("the documented pre-commit snippet (docs/ci.md) names a revision this repository has")
    func preCommitRevision() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        let rev = try #require(readme.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("rev:") })
        let value = rev.split(separator: ":")[1].split(separator: "#")[0].trimmingCharacters(in: .whitespaces)
        let tags = try CLI.sh("git tag -l", in: CLI.root).out.split(separator: "\n").map(String.init)
        #expect(tags.contains(value) || (value == "main" && tags.isEmpty), "rev: \(value), tags: \(tags)")
    }
}
