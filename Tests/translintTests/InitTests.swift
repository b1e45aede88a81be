import Foundation
import Testing

/// `translint init` writes a configuration that plain `translint` then uses, with no other options (issue 27).
@Suite(.serialized)
struct InitTests {
    @Test("in a folder of PO catalogs: the languages from the headers, include patterns, and `translint` alone uses it")
    func poFolder() throws {
        let root = try CIFeatureTests.project([
            "po/de.po": "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n#, c-format\nmsgid \"Delete %s?\"\nmsgstr \"%d löschen?\"\n",
            "src/main.c": "int main(void) { return 0; }\n",
        ])
        let written = try CLI.run(["init"], in: root)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOf: root.appendingPathComponent(".translint.yml"), encoding: .utf8)
        #expect(text.contains("source_language: en") && text.contains("target_language: de") && text.contains("include: [\"po/**/*.po\"]"), "\(text)")
        let lint = try CLI.run([], in: root)
        #expect(lint.status == 1 && lint.out.contains("po/de.po:8:") && lint.out.contains("[placeholder-mismatch]"), "\(lint.out)\(lint.stderr)")
        // A second init leaves it alone, unless --force.
        #expect(try CLI.run(["init"], in: root).status == 2)
        #expect(try CLI.run(["init", "--force"], in: root).status == 0)
    }

    @Test("in a folder of Markdown translations from Chinese: the shipped glossary for the pair, and `translint` alone finds its errors")
    func markdownFolder() throws {
        let root = try CIFeatureTests.project(["docs/zh/news.md": "# News\n\nSellers on Amoy grew.\n", "README.txt": "Notes.\n"])
        let written = try CLI.run(["init", "--source-language", "zh-Hans", "--target-language", "en"], in: root)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOf: root.appendingPathComponent(".translint.yml"), encoding: .utf8)
        #expect(text.contains("glossaries: [zh-en]") && text.contains("\"docs/zh/**/*.md\""), "\(text)")
        let lint = try CLI.run([], in: root)
        #expect(lint.status == 1 && lint.out.contains("docs/zh/news.md:3:12: error: use 'Taobao' instead of 'Amoy'"), "\(lint.out)\(lint.stderr)")
    }
}

/// The README's quick start, run line by line in a new project: what a newcomer types must work (issue 27).
@Suite(.serialized)
struct ReadmeQuickStartTests {
    @Test("every translint line of the README's quick start runs in a project with a machine-translated page")
    func quickStart() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Quick start on your own files").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = block.split(separator: "\n").map { line in
            String(line.split(separator: "#", maxSplits: 1)[0]).trimmingCharacters(in: .whitespaces)
        }.filter { $0.hasPrefix("translint") }
        #expect(commands.count == 5, "\(commands)")
        let root = try CIFeatureTests.project(["docs/news.md": "# News\n\nSellers on Amoy grew. the price fell.\n"])
        var statuses: [Int32] = []
        for command in commands {
            // `translint … > FILE`: standard output goes to FILE.
            let parts = command.components(separatedBy: " > ")
            let arguments = parts[0].split(separator: " ").dropFirst().map(String.init)
            let result = try CLI.run(arguments, in: root)
            #expect(result.status != 2, "\(command): \(result.stderr)")
            if parts.count == 2 { try result.stdout.write(to: root.appendingPathComponent(parts[1])) }
            statuses.append(result.status)
        }
        // init writes the configuration; the lint and the diff find the errors; --fix leaves nothing; the report.
        #expect(statuses == [0, 1, 1, 0, 0], "\(commands) → \(statuses)")
        let report = try String(contentsOf: root.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.hasPrefix("<!DOCTYPE html>") && report.contains("1 file checked, 0 findings"), "\(report.suffix(600))")
        let fixed = try String(contentsOf: root.appendingPathComponent("docs/news.md"), encoding: .utf8)
        #expect(fixed == "# News\n\nSellers on Taobao grew. The price fell.\n")
    }

    @Test("the README's configuration example is a configuration translint reads")
    func configurationExample() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Configuration").dropFirst().first)
        let yaml = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let root = try CIFeatureTests.project([".translint.yml": yaml, "glossaries/house-terms.yaml": CIFeatureTests.glossary])
        let printed = try CLI.run(["config", "--print"], in: root)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.out.contains("sources:\n  - {translation: \"docs/en/**/*.md\", source: \"docs/zh/{rest}\"}"), "\(printed.out)")
    }
}
