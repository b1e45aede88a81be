import Foundation
import Testing

/// Every `translint` command in a shell block of docs/*.md runs, as written, in a copy of this repository's
/// samples and glossaries (issue 27): a command the docs show must not be a usage error or a missing file.
@Suite(.serialized)
struct DocsCommandTests {
    /// The commands of ```sh, ```bash and ```text blocks (after a `$ ` prompt), with `\` continuations joined;
    /// synopses (`[PATH ...]`) are left out.
    static func commands() throws -> [(file: String, command: String)] {
        let folder = CLI.root.appendingPathComponent("docs")
        var found: [(String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".md") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for block in text.components(separatedBy: "```").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
                let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                guard let kind = lines.first, ["sh", "bash", "text", "console"].contains(kind) else { continue }
                var pending = ""
                for raw in lines.dropFirst() {
                    var line = raw
                    if kind == "text" || kind == "console" {
                        guard line.hasPrefix("$ ") || !pending.isEmpty else { continue }
                        if line.hasPrefix("$ ") { line.removeFirst(2) }
                    }
                    if line.hasSuffix("\\") { pending += line.dropLast() + " "; continue }
                    let command = (pending + line).trimmingCharacters(in: .whitespaces)
                    pending = ""
                    guard command.hasPrefix("translint ") || command.hasPrefix("swift run translint "), !command.contains("[") else { continue }
                    found.append((name, command))
                }
            }
        }
        return found
    }

    @Test("every translint command in docs/ runs and is not a usage or input error")
    func docsCommands() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 14, "\(commands)")
        // A project with what the commands name: the samples, the glossaries, a TBX and a CSV glossary, an article
        // in two languages, a docs/ folder.
        let root = try CIFeatureTests.project(["docs/page.txt": "Sellers on Amoy grew.\n"])
        for folder in ["samples", "glossaries"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let binary = CLI.executable.path
        #expect(try CLI.sh("\(CLI.quoted(binary)) glossary convert glossaries/zh-en/companies.yaml termbase.tbx", in: root).status == 0)
        #expect(try CLI.sh("\(CLI.quoted(binary)) glossary convert glossaries/zh-en/finance.yaml terms.csv", in: root).status == 0)
        try FileManager.default.copyItem(at: root.appendingPathComponent("samples/001_ecommerce.zh.txt"), to: root.appendingPathComponent("article.zh.txt"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("samples/001_ecommerce.en.txt"), to: root.appendingPathComponent("article.en.txt"))
        let path = CLI.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for (file, command) in commands {
            var line = command.replacingOccurrences(of: "swift run translint ", with: "translint ")
            line = line.replacingOccurrences(of: "; echo $?", with: "")
            let result = try CLI.sh("export PATH=\(CLI.quoted(path)); \(line)", in: root)
            #expect(result.status == 0 || result.status == 1, "docs/\(file): `\(command)` exited \(result.status): \(result.stderr)")
        }
    }
}
