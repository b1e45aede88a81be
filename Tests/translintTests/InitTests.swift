import Foundation
import Testing

/// `translint init` writes a configuration that plain `translint` then uses, with no other options (issue 27).
@Suite(.serialized)
struct InitTests {
    @Test("in a folder of PO catalogs: the languages from the headers, include patterns, and `translint` alone uses it")
    func poFolder() throws {
        let root = try CIFeatureTests.project([
            "po/de.po": "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"Delete %s?\"\nmsgstr \"%d löschen?\"\n",
            "src/main.c": "int main(void) { return 0; }\n",
        ])
        let written = try CLI.run(["init"], in: root)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOf: root.appendingPathComponent(".translint.yml"), encoding: .utf8)
        #expect(text.contains("source_language: en") && text.contains("target_language: de") && text.contains("include: [\"po/**/*.po\"]"), "\(text)")
        let lint = try CLI.run([], in: root)
        #expect(lint.status == 1 && lint.out.contains("po/de.po:7:") && lint.out.contains("[placeholder-mismatch]"), "\(lint.out)\(lint.stderr)")
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
