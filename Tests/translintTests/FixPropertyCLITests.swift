import Foundation
import Testing
import TranslintTestSupport

/// The built `translint` on generated documents, as users run it: `--diff` applied with `git apply` and with
/// `patch -p1` gives exactly what `--fix` writes, a second `--fix` changes nothing, and every report format the
/// CLI offers is well-formed. `TRANSLINT_PROPERTY_CLI_DOCUMENTS` sets the number of documents (default 200).
@Suite(.serialized)
struct FixPropertyCLITests {
    static let count = ProcessInfo.processInfo.environment["TRANSLINT_PROPERTY_CLI_DOCUMENTS"].flatMap(Int.init) ?? 200
    static let glossary = CLI.root.appendingPathComponent(CLI.glossary).path

    /// A folder `docs/` of generated prose, Markdown and bilingual files; their relative paths.
    static func project(count: Int = count) throws -> (URL, [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translint-property-\(UUID().uuidString)")
        var paths: [String] = []
        for seed in 0..<count {
            let document = DocumentGenerator.document(seed: UInt64(seed))
            paths.append("docs/\(seed / 50)/doc-\(seed).\(document.kind.rawValue)")
            try write(document.bytes, to: folder.appendingPathComponent(paths.last!))
        }
        for format in BilingualGenerator.Format.allCases {
            for seed in 0..<max(1, count / 20) {
                paths.append("docs/bilingual/file-\(seed).\(format.rawValue)")
                try write(BilingualGenerator.file(format, seed: UInt64(seed)).bytes, to: folder.appendingPathComponent(paths.last!))
            }
        }
        return (folder, paths)
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    static func copy(_ folder: URL, _ suffix: String) throws -> URL {
        let copy = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + suffix)
        try FileManager.default.copyItem(at: folder, to: copy)
        return copy
    }

    static func contents(_ folder: URL, _ paths: [String]) throws -> [Data] {
        try paths.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    @Test("--diff applied with git apply and with patch -p1 equals --fix; a second --fix changes nothing")
    func diffEqualsFix() throws {
        let (folder, paths) = try Self.project()
        let diff = try CLI.run(["lint", "docs", "--glossary", Self.glossary, "--diff"], in: folder)
        #expect(diff.status == 1, "\(diff.stderr)")
        let patch = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + ".patch")
        try diff.stdout.write(to: patch)
        #expect(try Self.contents(folder, paths) == (try paths.map { try Data(contentsOf: folder.appendingPathComponent($0)) }))
        let original = try Self.contents(folder, paths)

        let withGit = try Self.copy(folder, "-git"), withPatch = try Self.copy(folder, "-patch"), withFix = try Self.copy(folder, "-fix")
        let git = try CLI.sh("git apply \(CLI.quoted(patch.path))", in: withGit)
        #expect(git.status == 0, "git apply: \(git.stderr.prefix(500))")
        let patched = try CLI.sh("patch -p1 --batch --no-backup-if-mismatch < \(CLI.quoted(patch.path))", in: withPatch)
        #expect(patched.status == 0, "patch -p1: \(patched.out.prefix(500)) \(patched.stderr.prefix(500))")
        let fix = try CLI.run(["lint", "docs", "--glossary", Self.glossary, "--fix"], in: withFix)
        #expect(fix.status == 0 || fix.status == 1, "\(fix.stderr.prefix(500))")

        let fixed = try Self.contents(withFix, paths), byGit = try Self.contents(withGit, paths), byPatch = try Self.contents(withPatch, paths)
        var differing = 0
        for (k, path) in paths.enumerated() where byGit[k] != fixed[k] || byPatch[k] != fixed[k] {
            differing += 1
            if differing <= 5 {
                Issue.record("\(path): git apply \(byGit[k] == fixed[k] ? "equals" : "differs from") --fix, patch -p1 \(byPatch[k] == fixed[k] ? "equals" : "differs from") it; original \(String(decoding: original[k], as: UTF8.self).debugDescription)")
            }
        }
        #expect(differing == 0, "\(differing) of \(paths.count) files differ")
        #expect(fixed != original, "the generated documents had nothing to fix")

        let again = try CLI.run(["lint", "docs", "--glossary", Self.glossary, "--fix"], in: withFix)
        #expect(again.status == 0 || again.status == 1, "\(again.stderr.prefix(500))")
        let twice = try Self.contents(withFix, paths)
        for (k, path) in paths.enumerated() where twice[k] != fixed[k] {
            Issue.record("\(path): a second --fix changed \(String(decoding: fixed[k], as: UTF8.self).debugDescription) into \(String(decoding: twice[k], as: UTF8.self).debugDescription)")
        }
        for url in [folder, withGit, withPatch, withFix, patch] { try? FileManager.default.removeItem(at: url) }
    }

    /// The formats `translint lint --help` lists for `--format`.
    static func formats() throws -> [String] {
        let help = try CLI.run(["lint", "--help"]).out.replacingOccurrences(of: "\n", with: " ")
        guard let range = help.range(of: #"Report format: [a-z, ]+"#, options: .regularExpression) else { return [] }
        return help[range].dropFirst("Report format: ".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test("every report format the CLI offers is well-formed on generated documents, with and without --fix")
    func everyFormat() throws {
        let formats = try Self.formats()
        #expect(formats.contains("json") && formats.contains("sarif") && formats.contains("diff"), "\(formats)")
        // A quarter of the documents: each format runs twice over them.
        let (folder, _) = try Self.project(count: max(20, Self.count / 4))
        for format in formats {
            let result = try CLI.run(["lint", "docs", "--glossary", Self.glossary, "--format", format], in: folder)
            #expect(result.status == 1, "--format \(format): exit \(result.status) \(result.stderr.prefix(300))")
            #expect(ReportValidator.problem(format: format, [UInt8](result.stdout)) == nil, "--format \(format): \(ReportValidator.problem(format: format, [UInt8](result.stdout)) ?? "")")
        }
        let fixing = try Self.copy(folder, "-fix")
        for format in formats where format != "diff" {
            let result = try CLI.run(["lint", "docs", "--glossary", Self.glossary, "--format", format, "--fix"], in: fixing)
            #expect(result.status == 0 || result.status == 1, "--format \(format) --fix: exit \(result.status) \(result.stderr.prefix(300))")
            #expect(ReportValidator.problem(format: format, [UInt8](result.stdout)) == nil, "--format \(format) --fix: \(ReportValidator.problem(format: format, [UInt8](result.stdout)) ?? "")")
        }
        for url in [folder, fixing] { try? FileManager.default.removeItem(at: url) }
    }

    /// Megabytes of each large generated file `largeFilesSettle` fixes twice (`TRANSLINT_LARGE_FIX_MB`, default 3:
    /// chunks of about 1 MiB, so cuts fall between workers). `.ci/run` runs it at 12 MB through the release build.
    static let largeMegabytes = ProcessInfo.processInfo.environment["TRANSLINT_LARGE_FIX_MB"].flatMap(Int.init) ?? 3

    @Test("a second --fix changes nothing on a large generated Markdown and plain-text file, at --jobs 1, 2 and 8",
          arguments: [GeneratedDocument.Kind.markdown, .plainText])
    func largeFilesSettle(kind: GeneratedDocument.Kind) throws {
        // Generated documents of one kind, one after another, until the file holds the size: cut into chunks (and
        // the chunks split between workers), it must settle in one --fix exactly as a small file does.
        var bytes: [UInt8] = []
        var seed: UInt64 = 0
        while bytes.count < Self.largeMegabytes * 1_000_000 {
            var document = DocumentGenerator.document(seed: seed, kind: kind).bytes
            if document.starts(with: [0xEF, 0xBB, 0xBF]) { document.removeFirst(3) }
            bytes += document
            bytes += [0x0A, 0x0A]
            seed += 1
        }
        let name = "large.\(kind.rawValue)"
        var fixedByJobs: [String: Data] = [:]
        for jobs in ["1", "2", "8"] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translint-large-\(UUID().uuidString)")
            var settled = false
            // A file that does not settle stays for a look (its folder is in the failure).
            defer { if settled { try? FileManager.default.removeItem(at: folder) } }
            try Self.write(bytes, to: folder.appendingPathComponent(name))
            let arguments = ["lint", name, "--no-config", "--glossary", Self.glossary, "--fix", "--jobs", jobs, "--format", "json"]
            let first = try CLI.run(arguments, in: folder)
            #expect(first.status == 0 || first.status == 1, "--jobs \(jobs): exit \(first.status) \(first.stderr.prefix(300))")
            let fixed = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(fixed != Data(bytes), "--jobs \(jobs): the first --fix changed nothing")
            let second = try CLI.run(arguments, in: folder)
            let report = try #require(try JSONSerialization.jsonObject(with: second.stdout) as? [String: Any])
            let summary = try #require(report["summary"] as? [String: Any])
            let again = try Data(contentsOf: folder.appendingPathComponent(name))
            settled = summary["fixed"] as? Int == 0 && again == fixed
            if !settled { try fixed.write(to: folder.appendingPathComponent("first-fix-" + name)) }
            #expect(summary["fixed"] as? Int == 0, "--jobs \(jobs): a second --fix fixed \(summary["fixed"] ?? "?") more (\(folder.path))")
            #expect(again == fixed, "--jobs \(jobs): a second --fix changed the file (\(folder.path))")
            fixedByJobs[jobs] = fixed
        }
        #expect(fixedByJobs["2"] == fixedByJobs["1"] && fixedByJobs["8"] == fixedByJobs["1"], "--jobs 2 or 8 fixed differently from --jobs 1")
    }
}
