import Foundation
import Testing

/// What `--fix` says it did is true of the file it wrote (issue 26): the findings that remain are located in the
/// fixed text, as ruff reports what is left, and a finding that a fix created is one of them.
@Suite(.serialized)
struct FixReportTests {
    static func project(_ files: [String: String]) throws -> URL { try CIFeatureTests.project(files) }

    /// A project holding `t.po` (`units` after a UTF-8 header) and `g.yaml`, one entry: 淘宝 → `target`, not Amoy.
    static func catalog(_ units: String, target: String) throws -> URL {
        let header = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
        let glossary = "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms:\n  - source: 淘宝\n    target: \(target)\n    forbidden: [Amoy]\n"
        return try project(["t.po": header + units, "g.yaml": glossary])
    }

    @Test("the finding left after --fix is located and quoted in the fixed text, and a plain lint of it agrees")
    func remainingOnFixedText() throws {
        let root = try Self.project(["a.txt": "The Amoy and micro-blog sellers exceed 30 million.\n", "a.zh.txt": "淘宝和微博卖家超过两千万。\n"])
        let glossary = CLI.root.appendingPathComponent(CLI.glossary).path
        let fix = try CLI.run(["lint", "a.txt", "--source", "a.zh.txt", "--glossary", glossary, "--fix", "--format", "json"], in: root)
        #expect(try String(contentsOf: root.appendingPathComponent("a.txt"), encoding: .utf8) == "The Taobao and Weibo sellers exceed 30 million.\n")
        let after = try CLI.run(["lint", "a.txt", "--source", "a.zh.txt", "--glossary", glossary, "--format", "json"], in: root)
        func remaining(_ json: String) throws -> [[String: AnyHashable]] {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let files = object?["files"] as? [[String: Any]] ?? []
            return files.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
                .filter { ($0["fixed"] as? Bool) != true }
                .map { finding in
                    var kept: [String: AnyHashable] = [:]
                    for key in ["rule", "line", "column", "endLine", "endColumn", "text"] { kept[key] = finding[key] as? AnyHashable }
                    return kept
                }
        }
        let left = try remaining(fix.out), again = try remaining(after.out)
        #expect(left.count == 1 && left == again, "\(fix.out)\n\(after.out)")
        #expect(left.first?["rule"] == AnyHashable("number-mismatch") && left.first?["column"] == AnyHashable(37) && left.first?["text"] == AnyHashable("30 million"))
        // The text report quotes the fixed line.
        try "The Amoy and micro-blog sellers exceed 30 million.\n".write(to: root.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let text = try CLI.run(["lint", "a.txt", "--source", "a.zh.txt", "--glossary", glossary, "--fix", "--color", "never"], in: root)
        #expect(text.out.contains("a.txt:1:37:") && text.out.contains("The Taobao and Weibo sellers exceed 30 million."), "\(text.out)")
    }

    @Test("a fix that joins two lines moves the findings below it up a line")
    func linesAfterAJoin() throws {
        // The forbidden rendering spans a line break of the PO string; its fix writes one string line.
        let root = try Self.catalog("""
            msgid "淘宝"
            msgstr ""
            "the A"
            "moy shop"

            #, c-format
            msgid "%d 件"
            msgstr "%s items"

            """, target: "Taobao")
        let lint = try CLI.run(["lint", "t.po", "--glossary", "g.yaml", "--select", "placeholder-mismatch", "-q"], in: root)
        #expect(lint.out.hasPrefix("t.po:12:"), "\(lint.out)")
        let fix = try CLI.run(["lint", "t.po", "--glossary", "g.yaml", "--fix", "-q"], in: root)
        let written = try String(contentsOf: root.appendingPathComponent("t.po"), encoding: .utf8)
        let line = written.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("msgstr \"%s") }.map { $0 + 1 }
        #expect(line == 11, "\(written)")
        #expect(fix.status == 1 && fix.out.hasPrefix("t.po:11:"), "\(fix.out)\n\(written)")
    }

    @Test("a finding a fix creates is counted as remaining and fails the run")
    func createdByAFix() throws {
        let root = try Self.catalog("""
            #, c-format
            msgid "淘宝 shop %d"
            msgstr "Amoy shop %d"

            """, target: "Taobao %s")
        let fix = try CLI.run(["lint", "t.po", "--glossary", "g.yaml", "--fix", "--color", "never"], in: root)
        #expect(try String(contentsOf: root.appendingPathComponent("t.po"), encoding: .utf8).contains("msgstr \"Taobao %s shop %d\""))
        #expect(fix.status == 1, "\(fix.out)")
        #expect(fix.out.contains("placeholder-mismatch") && fix.out.contains("fixed 1 finding in 1 file; 1 remaining"), "\(fix.out)")
    }
}

extension FixReportTests {
    @Test("when the report cannot be written after --fix wrote files, the error names them", .enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")))
    func partialWriteNamesFiles() throws {
        let root = try Self.project(["a.txt": "The Amoy sellers.\n", "b.txt": "The Amoy sellers.\n", "c.txt": "Clean.\n"])
        let glossary = CLI.root.appendingPathComponent(CLI.glossary).path
        for files in [["a.txt"], ["a.txt", "b.txt", "c.txt"]] {
            for name in ["a.txt", "b.txt"] { try "The Amoy sellers.\n".write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            let command = ([CLI.executable.path, "lint"] + files + ["--glossary", glossary, "--fix"]).map(CLI.quoted).joined(separator: " ") + " > /dev/full 2> err.txt"
            #expect(try CLI.shell(command, in: root) == 2)
            let stderr = try String(contentsOf: root.appendingPathComponent("err.txt"), encoding: .utf8)
            let fixedNames = files.filter { $0 != "c.txt" }
            for name in fixedNames {
                #expect(try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) == "The Taobao sellers.\n")
            }
            #expect(stderr.contains("fixed and written: \(fixedNames.joined(separator: ", "))"), "\(stderr)")
        }
    }
}
