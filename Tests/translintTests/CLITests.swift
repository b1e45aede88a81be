import Foundation
import Testing

/// Runs the built `translint` executable the way users do.
struct CLI {
    static let root = URL(fileURLWithPath: String(#filePath)).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = "samples/000_02c679c3906c68ff.txt"
    static let expected = "samples/000_02c679c3906c68ff.expected.txt"
    static let glossary = "glossaries/zh-en"

    /// The executable next to the test bundle, which `swift build` / `swift test` put in the same folder.
    static let executable: URL = {
        // `TRANSLINT_CLI=.build/release/translint`: the same tests through another build (.ci/run's large-file check).
        if let given = ProcessInfo.processInfo.environment["TRANSLINT_CLI"], !given.isEmpty {
            return URL(fileURLWithPath: given, relativeTo: root).standardizedFileURL
        }
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("translint")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/translint")
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL = root) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func read(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }

    /// A fresh folder with a copy of the sample at `docs/article.txt`.
    static func sandbox(content: Data? = nil) throws -> (URL, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("docs/article.txt")
        try (content ?? read(sample)).write(to: file)
        return (folder, file)
    }

    static func shell(_ command: String, in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

extension CLI {
    /// Runs `command` with /bin/sh in `directory`; its status, standard output and error.
    static func sh(_ command: String, in directory: URL) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `text` quoted for /bin/sh.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

@Suite(.serialized)
struct CLITests {
    @Test("the README's first command reports every literal rendering and lowercase start, and exits 1")
    func readmeCommand() throws {
        let result = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary])
        #expect(result.status == 1)
        for literal in ["Ali", "Amoy", "micro-blog", "micro-blog Sina", "Taobao customer class", "daily economic news", "electricity business"] {
            #expect(result.out.contains("instead of '\(literal)'"), "no finding for '\(literal)'")
        }
        let sentenceStarts = result.out.split(separator: "\n").filter { $0.hasSuffix("[sentence-case]") }.map { $0.split(separator: ":")[1] }
        #expect(sentenceStarts == ["5", "7", "9", "11", "15", "17", "19", "21"])
        #expect(result.out.contains("\(CLI.sample):13:1: warning: remove the stray ',' at the start of the sentence [leading-punctuation]"))
        #expect(result.out.contains("\(CLI.sample):1:1: error: use 'Alibaba' instead of 'Ali'"))
        #expect(result.out.contains("\n23 findings (14 errors, 9 warnings) in 1 file; 23 fixable with --fix\n"))
        // 14 mistranslations (major, 5 points) + 9 minor findings (1 point) over the article's words.
        #expect(result.out.contains("\(CLI.sample): quality score 84.89 (automatic estimate: 79 penalty points in 523 words)\n"))
        #expect(!result.out.contains("total:"))   // one file: its score line is the total
    }

    @Test("--fix on standard input prints exactly the expected text")
    func fixStandardInput() throws {
        let result = try CLI.run(["lint", "-", "--glossary", CLI.glossary, "--fix"], stdin: try CLI.read(CLI.sample))
        #expect(result.stdout == (try CLI.read(CLI.expected)))
        #expect(result.status == 0)
        #expect(result.stderr.contains("fixed 23 findings in 1 file; 0 remaining"))
    }

    @Test("--diff applies with patch -p1 and git apply, and writes nothing")
    func diffApplies() throws {
        let (folder, file) = try CLI.sandbox()
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", CLI.root.path + "/" + CLI.glossary, "--diff"], in: folder)
        #expect(result.status == 1)
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.sample)))
        let patch = folder.appendingPathComponent("fix.patch")
        try result.stdout.write(to: patch)
        #expect(try CLI.shell("git init -q && git apply --check fix.patch", in: folder) == 0)
        #expect(try CLI.shell("patch -p1 < fix.patch", in: folder) == 0)
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.expected)))
    }

    @Test("--fix rewrites in place, keeps permissions, leaves no temporary file, and a second run finds nothing")
    func fixInPlace() throws {
        let (folder, file) = try CLI.sandbox()
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let glossary = CLI.root.path + "/" + CLI.glossary
        let first = try CLI.run(["lint", "docs/article.txt", "--glossary", glossary, "--fix"], in: folder)
        #expect(first.status == 0)
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.expected)))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("docs").path) == ["article.txt"])
        let second = try CLI.run(["lint", "docs/article.txt", "--glossary", glossary, "--fix"], in: folder)
        #expect(second.status == 0)
        #expect(second.out.contains("fixed 0 findings in 1 file; 0 remaining"))
        #expect(try CLI.run(["lint", "docs/article.txt", "--glossary", glossary], in: folder).status == 0)
    }

    @Test("a byte order mark, CRLF line breaks and a missing final newline are kept")
    func fixKeepsBytesOutsideFindings() throws {
        let text = "\u{FEFF}the Amoy sellers left.\r\n\r\nPrices rose. it rained"
        let (folder, file) = try CLI.sandbox(content: Data(text.utf8))
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", CLI.root.path + "/" + CLI.glossary, "--fix"], in: folder)
        #expect(result.status == 0)
        #expect(try Data(contentsOf: file) == Data("\u{FEFF}The Taobao sellers left.\r\n\r\nPrices rose. It rained".utf8))
    }

    @Test("invalid UTF-8 gives one line naming the byte offset, exit 2, and no change")
    func invalidUTF8() throws {
        var bytes = Data("the Amoy sellers.\nok ".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        let (folder, file) = try CLI.sandbox(content: bytes)
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", CLI.root.path + "/" + CLI.glossary, "--fix"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "translint: error: docs/article.txt:2:4: invalid UTF-8 at byte offset 21; translint reads UTF-8 text only\n")
        #expect(try Data(contentsOf: file) == bytes)
        // The summary does not claim a clean run: the file was not checked.
        let lint = try CLI.run(["lint", "docs/article.txt", "--glossary", CLI.root.path + "/" + CLI.glossary], in: folder)
        #expect(lint.status == 2)
        #expect(lint.out == "no findings in 0 files; 1 file not checked\n", "\(lint.out)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("docs").path) == ["article.txt"])
    }

    @Test("invalid UTF-8 on standard input with --fix gives an error and no fixed text")
    func invalidStandardInput() throws {
        var bytes = Data(String(repeating: "the Amoy sellers left.\n\n", count: 100_000).utf8)   // several chunks
        bytes.append(contentsOf: [0xFF])
        let result = try CLI.run(["lint", "-", "--glossary", CLI.glossary, "--fix"], stdin: bytes)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("<stdin>:200001:1: invalid UTF-8 at byte offset \(bytes.count - 1)"))
    }

    @Test("an unreadable file gives one line and exit 2")
    func unreadableFile() throws {
        let result = try CLI.run(["lint", "no/such/file.txt", "--glossary", CLI.glossary])
        #expect(result.status == 2)
        #expect(result.stderr == "translint: error: no/such/file.txt: cannot read: no such file or directory\n")
    }

    @Test("a broken glossary gives file:line, exit 2, and no change")
    func brokenGlossary() throws {
        let (folder, file) = try CLI.sandbox()
        try Data("version: 1\nsource_language: zh\ntarget_language: en\nterms:\n  - target: WeChat\n    forbid: [x]\n".utf8)
            .write(to: folder.appendingPathComponent("g.yaml"))
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", "g.yaml", "--fix"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("translint: error: g.yaml:6: unknown key 'forbid' in an entry"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.sample)))
    }

    @Test("usage errors exit 2", arguments: [["lint", "--no-such-option", "x"], ["lint", "a", "--fix", "--diff"], ["lint", "a", "--format", "xml"]])
    func usageErrors(arguments: [String]) throws {
        // In a folder without .translint.yml: with one, `lint` alone checks the configuration's folder.
        let (folder, _) = try CLI.sandbox()
        let result = try CLI.run(arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.lowercased().contains("error:"))
    }

    @Test("in this repository, `translint` alone checks the samples with the glossaries .translint.yml names")
    func repositoryConfiguration() throws {
        let result = try CLI.run([])
        #expect(result.status == 1)
        #expect(result.out.contains("\(CLI.sample):7:59: error: use 'Taobao' instead of 'Amoy'"))
        #expect(result.out.contains("25 findings (15 errors, 10 warnings) in 2 of 3 files"))   // the sample and the English of the pair; the fixed text is clean
    }

    @Test("JSON output is valid, documented, and its offsets point at the reported text")
    func json() throws {
        let result = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--format", "json"])
        #expect(result.status == 1)
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(root["version"] as? Int == 1)
        let files = try #require(root["files"] as? [[String: Any]])
        let findings = try #require(files.first?["findings"] as? [[String: Any]])
        #expect(findings.count == 23)
        let bytes = [UInt8](try CLI.read(CLI.sample))
        for finding in findings {
            for key in ["rule", "severity", "message", "line", "column", "end_line", "end_column", "start", "end", "text", "replacement"] {
                #expect(finding.keys.contains(key), "missing \(key)")
            }
            let start = try #require(finding["start"] as? Int), end = try #require(finding["end"] as? Int)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == finding["text"] as? String)
        }
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == 23 && summary["errors"] as? Int == 14)
    }

    @Test("a folder argument lints the text files under it, skipping hidden and binary files")
    func folderArgument() throws {
        let (folder, _) = try CLI.sandbox()
        try Data("Users of micro-letter left.".utf8).write(to: folder.appendingPathComponent("docs/b.txt"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs/.hidden"), withIntermediateDirectories: true)
        try Data("Amoy".utf8).write(to: folder.appendingPathComponent("docs/.hidden/c.txt"))
        try Data([0x41, 0x6D, 0x6F, 0x79, 0x00]).write(to: folder.appendingPathComponent("docs/image.bin"))
        let result = try CLI.run(["lint", "docs", "--glossary", CLI.root.path + "/" + CLI.glossary, "--format", "json"], in: folder)
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let paths = (root["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["docs/article.txt", "docs/b.txt"])
    }

    @Test("rules lists every check with severity and an example; explain prints one, and rejects an unknown id")
    func rulesAndExplain() throws {
        let rules = try CLI.run(["rules"])
        #expect(rules.status == 0)
        let ids = rules.out.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.split(separator: " ")[0]) }
        #expect(ids == ["mistranslation", "term-case", "sentence-case", "leading-punctuation", "repeated-word",
                        "garbled-magnitude", "missing-term", "number-mismatch", "untranslated", "placeholder-mismatch", "alignment", "unused-suppression"])
        #expect(rules.out.contains("sentence-case         warning  Linguistic conventions (minor)  fix\n    A sentence that starts with a lowercase letter.\n"))
        #expect(rules.out.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(rules.out)")
        #expect(rules.out.contains("mistranslation        error    Terminology (major)"))
        #expect(rules.out.contains("number-mismatch       error    Accuracy (major)\n    The source and the translation do not have the same numbers.\n"))
        let explain = try CLI.run(["explain", "mistranslation"])
        #expect(explain.status == 0)
        #expect(explain.out.hasPrefix("mistranslation: Mistranslation\n"))
        #expect(explain.out.contains("\"The electricity business giant grew.\" → \"The e-commerce giant grew.\""))
        let unknown = try CLI.run(["explain", "no-such-rule"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown rule 'no-such-rule'"))
    }

    @Test func helpDocumentsExitStatus() throws {
        let result = try CLI.run(["lint", "--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("Exit status: 0 no findings"))
        #expect(result.out.contains("--glossary <file>"))
    }

    @Test("asking for a diff (--report diff=PATH) changes neither the text, JSON and SARIF reports nor --min-score's verdict",
          arguments: [["--format", "text"], ["--format", "json"], ["--format", "sarif"], ["--format", "json", "--min-score", "90"]])
    func diffChangesNoReport(options: [String]) throws {
        let diffPath = FileManager.default.temporaryDirectory.appendingPathComponent("translint-\(UUID().uuidString).diff").path
        defer { try? FileManager.default.removeItem(atPath: diffPath) }
        let plain = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--color", "never"] + options)
        let withDiff = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--color", "never", "--report", "diff=\(diffPath)"] + options)
        #expect(plain.status == 1)
        #expect(withDiff.status == plain.status)
        #expect(withDiff.out == plain.out)
        #expect(try String(contentsOfFile: diffPath, encoding: .utf8).contains("+++ b/\(CLI.sample)"))
    }

    @Test("a report that cannot be written is an error with exit status 2, never a silent truncation")
    func reportWriteFailure() throws {
        let result = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--report", "json=/dev/full"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/dev/full: cannot write"), "\(result.stderr)")
        let stdout = try CLI.run(["lint", "-", "--glossary", CLI.glossary, "--fix"], stdin: Data("Amoy grew.\n".utf8))
        #expect(stdout.status == 0)
    }

    @Test("a report may not overwrite one of the files being checked")
    func reportOverInput() throws {
        let (folder, file) = try CLI.sandbox()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: file)
        let result = try CLI.run(["lint", file.path, "--glossary", CLI.root.appendingPathComponent(CLI.glossary).path, "--report", "json=\(file.path)"], in: folder)
        #expect(result.status == 2)
        #expect(try Data(contentsOf: file) == before)
    }
}

@Suite(.serialized)
struct UsageRefusalTests {
    @Test("--source with a folder is refused (exit 2): it would pair one source with every file in it")
    func sourceWithFolder() throws {
        let (folder, _) = try CLI.sandbox()
        try Data("淘宝。\n".utf8).write(to: folder.appendingPathComponent("source.txt"))
        let translationFolder = try CLI.run(["lint", "docs", "--source", "source.txt", "--glossary", CLI.root.path + "/" + CLI.glossary], in: folder)
        #expect(translationFolder.status == 2)
        #expect(translationFolder.stderr.contains("--source pairs one source file with one translation file, but the translation 'docs' is a folder."), "\(translationFolder.stderr)")
        let sourceFolder = try CLI.run(["lint", "docs/article.txt", "--source", "docs"], in: folder)
        #expect(sourceFolder.status == 2)
        #expect(sourceFolder.stderr.contains("but the source 'docs' is a folder"))
    }

    @Test("--min-score and min_score refuse NaN and infinity (exit 2): a NaN would turn the gate off",
          arguments: ["nan", "NaN", "inf", "101"])
    func minScoreNotANumber(value: String) throws {
        let result = try CLI.run(["lint", CLI.sample, "--glossary", CLI.glossary, "--min-score", value])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--min-score is a score from 0 to 100"))
    }

    @Test("min_score in the configuration refuses NaN", arguments: [".nan", ".NaN", ".inf", "-.inf", "-5"])
    func configurationMinScore(value: String) throws {
        let root = try CIFeatureTests.project([".translint.yml": "min_score: \(value)\n", "a.txt": "Fine.\n"])
        let result = try CLI.run(["lint", "a.txt"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".translint.yml:1: 'min_score' must be a number"), "\(result.stderr)")
    }

    @Test("--fail-level and fail_level choose which findings fail the run; --select and --disable choose the rules")
    func failLevelAndRuleSelection() throws {
        let text = Data("Sellers on Taobao grew. the the market fell.\n".utf8)   // two warnings, no error
        let warn = try CLI.run(["lint", "-", "--glossary", CLI.glossary], stdin: text)
        #expect(warn.status == 1)
        let errorsOnly = try CLI.run(["lint", "-", "--glossary", CLI.glossary, "--fail-level", "error"], stdin: text)
        #expect(errorsOnly.status == 0)
        #expect(errorsOnly.out.contains("[sentence-case]"))   // still reported
        let only = try CLI.run(["lint", "-", "--glossary", CLI.glossary, "--select", "repeated-word", "--format", "json"], stdin: text)
        #expect(only.out.contains("repeated-word") && !only.out.contains("sentence-case"))
        let off = try CLI.run(["lint", "-", "--glossary", CLI.glossary, "--disable", "repeated-word,sentence-case"], stdin: text)
        #expect(off.status == 0)
        let unknown = try CLI.run(["lint", "-", "--glossary", CLI.glossary, "--select", "no-such-rule"], stdin: text)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown rule 'no-such-rule'"))
        let badLevel = try CLI.run(["lint", "-", "--fail-level", "fatal"], stdin: text)
        #expect(badLevel.status == 2)
        // In the configuration.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("fail_level: error\n".utf8).write(to: folder.appendingPathComponent(".translint.yml"))
        let configured = try CLI.run(["lint", "-", "--glossary", CLI.root.appendingPathComponent(CLI.glossary).path], stdin: text, in: folder)
        #expect(configured.status == 0)
        let printed = try CLI.run(["config", "--print"], in: folder)
        #expect(printed.out.contains("fail_level: error"))
    }
}
