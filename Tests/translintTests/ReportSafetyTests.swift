import Foundation
import Testing

/// Reports never half there, never onto an input, never a door into a terminal or a CI log (issue 26).
@Suite(.serialized)
struct ReportSafetyTests {
    /// A folder with the walk-safety glossary and `docs/page.txt` holding one finding.
    static func folder() throws -> URL {
        let top = try WalkSafetyTests.layout()
        let repo = top.appendingPathComponent("repo")
        try WalkSafetyTests.text.write(to: repo.appendingPathComponent("docs/page.txt"), atomically: true, encoding: .utf8)
        return repo
    }

    /// A control character or bidi override other than a line break (and, where `tabs`, a tab, which is harmless).
    static func hasRawControl(_ text: String, tabs: Bool = false) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && !(tabs && $0 == "\t")) || ($0.value >= 0x7F && $0.value < 0xA0) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }

    @Test("a file name with a newline, ESC, a tab or a bidi override cannot start a workflow command or reach the terminal raw",
          arguments: ["docs\n::error file=README.md::INJECTED.txt", "docs/\u{1B}]0;owned\u{07}.txt", "docs/tab\there.txt", "docs/\u{202E}txt.exe"])
    func hostileNames(name: String) throws {
        let repo = try Self.folder()
        let path = repo.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try WalkSafetyTests.text.write(to: path, atomically: true, encoding: .utf8)
        let github = try CLI.run(["lint", name, "--glossary", "glossary.yaml", "--format", "github"], in: repo)
        #expect(github.status == 1)
        let lines = github.out.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 1 && lines[0].hasPrefix("::error file="), "\(github.out.debugDescription)")
        #expect(!Self.hasRawControl(github.out), "\(github.out.debugDescription)")
        if name.contains("\t") { #expect(github.out.contains("tab%09here.txt")) }
        let text = try CLI.run(["lint", name, "--glossary", "glossary.yaml", "--color", "never"], in: repo)
        #expect(!Self.hasRawControl(text.out, tabs: true) && !Self.hasRawControl(text.stderr, tabs: true), "\(text.out.debugDescription)")
        // An error about the file (not UTF-8) names it escaped on standard error.
        try Data([0x41, 0xFF, 0x0A]).write(to: path)
        let bad = try CLI.run(["lint", name, "--glossary", "glossary.yaml"], in: repo)
        #expect(bad.status == 2)
        #expect(!Self.hasRawControl(bad.stderr, tabs: true) && bad.stderr.split(separator: "\n").count == 1, "\(bad.stderr.debugDescription)")
    }

    @Test("a report onto a file the run reads is refused before anything is written: a translation, a hard link of one, a glossary, the configuration")
    func reportOntoInput() throws {
        let repo = try Self.folder()
        try FileManager.default.linkItem(at: repo.appendingPathComponent("docs/page.txt"), to: repo.appendingPathComponent("link.json"))
        let before = try Data(contentsOf: repo.appendingPathComponent("docs/page.txt"))
        let glossary = try Data(contentsOf: repo.appendingPathComponent("glossary.yaml"))
        for target in ["docs/page.txt", "link.json", "glossary.yaml", ".translint.yml"] {
            let result = try CLI.run(["lint", "docs", "--glossary", "glossary.yaml", "--report", "json=\(target)"], in: repo)
            #expect(result.status == 2, "\(target): \(result.stderr)")
            #expect(result.stderr.contains("a file this run reads"), "\(target): \(result.stderr)")
            #expect(try Data(contentsOf: repo.appendingPathComponent("docs/page.txt")) == before)
            #expect(try Data(contentsOf: repo.appendingPathComponent("glossary.yaml")) == glossary)
        }
        let baseline = try CLI.run(["lint", "docs", "--glossary", "glossary.yaml", "--write-baseline", "glossary.yaml"], in: repo)
        #expect(baseline.status == 2)
        #expect(try Data(contentsOf: repo.appendingPathComponent("glossary.yaml")) == glossary)
    }

    @Test("/dev/zero as the configuration, a glossary or a baseline is one error line, exit 2, never a crash", arguments: ["--config", "--glossary", "--baseline"])
    func endlessInput(option: String) throws {
        let repo = try Self.folder()
        let result = try CLI.run(["lint", "docs/page.txt", option, "/dev/zero"] + (option == "--glossary" ? [] : ["--glossary", "glossary.yaml"]), in: repo)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr == "translint: error: /dev/zero: cannot read: not a regular file, and it gives more than 64 MiB\n", "\(result.stderr)")
    }

    @Test("a FIFO or a process substitution named on the command line is read once, as a stream; --fix cannot rewrite it")
    func streamsNamedOnTheCommandLine() throws {
        let repo = try Self.folder()
        let translint = CLI.quoted(CLI.executable.path)
        let lint = try CLI.sh("bash -c \"\(translint) lint <(printf 'Sellers on Amoy grew.\\\\n') --glossary glossary.yaml\"", in: repo)
        #expect(lint.status == 1 && lint.out.contains(":1:12: error: use 'Taobao' instead of 'Amoy'"), "\(lint.out)\(lint.stderr)")
        let fix = try CLI.sh("bash -c \"\(translint) lint --fix <(printf 'Sellers on Amoy grew.\\\\n') --glossary glossary.yaml\"", in: repo)
        #expect(fix.status == 2 && fix.out.contains("1 remaining; 1 file not written") && fix.stderr.contains("not a regular file"), "\(fix.out)\(fix.stderr)")
    }

    @Test("two reports on one path, and a report on '-', are usage errors")
    func reportPaths() throws {
        let repo = try Self.folder()
        let twice = try CLI.run(["lint", "docs", "--glossary", "glossary.yaml", "--report", "json=out.json", "--report", "sarif=./out.json"], in: repo)
        #expect(twice.status == 2 && twice.stderr.contains("write the same file"), "\(twice.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("out.json").path))
        let dash = try CLI.run(["lint", "docs", "--glossary", "glossary.yaml", "--report", "json=-"], in: repo)
        #expect(dash.status == 2 && dash.stderr.contains("names no file"), "\(dash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("-").path))
    }

    @Test("a run that fails while writing leaves the old report whole and no temporary file", .enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")))
    func failedRunKeepsOldReport() throws {
        let repo = try Self.folder()
        try "old report\n".write(to: repo.appendingPathComponent("out.json"), atomically: true, encoding: .utf8)
        // Standard output on a full device: the main report cannot be written, the run stops with exit 2.
        let result = try CLI.shell("\(CLI.quoted(CLI.executable.path)) lint docs --glossary glossary.yaml --report json=out.json > /dev/full 2>/dev/null", in: repo)
        #expect(result == 2)
        #expect(try String(contentsOf: repo.appendingPathComponent("out.json"), encoding: .utf8) == "old report\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.path).filter { $0.contains(".translint-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        // A run that succeeds replaces it whole.
        #expect(try CLI.run(["lint", "docs", "--glossary", "glossary.yaml", "--report", "json=out.json"], in: repo).status == 1)
        #expect(try String(contentsOf: repo.appendingPathComponent("out.json"), encoding: .utf8).hasPrefix("{"))
    }
}
