import Foundation
import Testing

/// `--jobs` and `--shard`: files checked at once, or split between runs, report exactly what one run reports.
@Suite("Parallel and sharded runs")
struct ParallelTests {
    /// A tree of `count` translations cut from the samples (plain text and Markdown, some clean, some with
    /// findings), plus one file that is not UTF-8, so that an error's place in the output is checked too.
    static func corpus(count: Int = 60) throws -> URL {
        let sample = String(decoding: try CLI.read(CLI.sample), as: UTF8.self)
        let paragraphs = sample.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        var files: [String: String] = ["empty.yml": "", "glossary.yaml": String(decoding: try CLI.read("glossaries/zh-en/companies.yaml"), as: UTF8.self)]
        for k in 0..<count {
            let text = (0..<(k % 5 + 1)).map { paragraphs[(k * 7 + $0) % paragraphs.count] }.joined(separator: "\n\n") + "\n"
            let name = k % 4 == 0 ? "docs/part-\(k % 3)/page-\(k).md" : "docs/part-\(k % 3)/page-\(k).txt"
            files[name] = k % 9 == 0 ? "Clean text.\n" : text
        }
        let root = try CIFeatureTests.project(files)
        try Data([0x41, 0xFF, 0x0A]).write(to: root.appendingPathComponent("docs/part-1/not-utf8.txt"))
        return root
    }

    @Test("--jobs 1, 2 and 3 give byte-identical reports, errors and exit status", arguments: ["json", "text", "sarif", "github"])
    func jobsAreIdentical(format: String) throws {
        let root = try Self.corpus()
        let arguments = ["lint", "docs", "--config", "empty.yml", "--glossary", "glossary.yaml", "--format", format, "--color", "never"]
        let one = try CLI.run(arguments + ["--jobs", "1"], in: root)
        #expect(one.status == 2)   // the file that is not UTF-8; every other file is checked
        #expect(one.out.count > 1000)
        for jobs in ["2", "3"] {
            let many = try CLI.run(arguments + ["--jobs", jobs], in: root)
            #expect(many.status == one.status)
            #expect(many.stdout == one.stdout)
            #expect(many.stderr == one.stderr)
        }
    }

    @Test("--fix with --jobs 2 writes the same files as --jobs 1")
    func parallelFix() throws {
        let first = try Self.corpus(count: 30), second = try Self.corpus(count: 30), original = try Self.corpus(count: 30)
        let arguments = ["lint", "docs", "--config", "empty.yml", "--glossary", "glossary.yaml", "--fix", "--format", "json"]
        let one = try CLI.run(arguments + ["--jobs", "1"], in: first)
        let two = try CLI.run(arguments + ["--jobs", "2"], in: second)
        #expect(one.stdout == two.stdout)
        #expect(one.status == two.status)
        let names = try FileManager.default.subpathsOfDirectory(atPath: first.appendingPathComponent("docs").path).sorted()
        var changed = 0
        for name in names where name.hasSuffix(".txt") || name.hasSuffix(".md") {
            let a = try Data(contentsOf: first.appendingPathComponent("docs/\(name)"))
            let b = try Data(contentsOf: second.appendingPathComponent("docs/\(name)"))
            #expect(a == b, "\(name)")
            if a != (try Data(contentsOf: original.appendingPathComponent("docs/\(name)"))) { changed += 1 }
        }
        #expect(changed > 0)
    }

    @Test("one large file is cut into segments checked on 2 cores: reports and the fixed file are those of one core",
          arguments: ["big.txt", "big.md"])
    func oneLargeFileOnTwoCores(name: String) throws {
        // 2.5 MB: the sample's paragraphs, hard-wrapped and not, with Markdown headings and lists.
        let sample = String(decoding: try CLI.read(CLI.sample), as: UTF8.self)
        var text = ""
        var k = 0
        while text.utf8.count < 2_500_000 {
            text += k % 7 == 0 ? "## part \(k)\n\n" : k % 5 == 0 ? "- item one\n- item two\n\n" : ""
            text += sample + "\n\n"
            k += 1
        }
        let files = ["empty.yml": "", "glossary.yaml": String(decoding: try CLI.read("glossaries/zh-en/companies.yaml"), as: UTF8.self)]
        let one = try CIFeatureTests.project(files), two = try CIFeatureTests.project(files)
        for root in [one, two] { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        for format in ["json", "text"] {
            let arguments = ["lint", name, "--config", "empty.yml", "--glossary", "glossary.yaml", "--format", format, "--color", "never"]
            let a = try CLI.run(arguments + ["--jobs", "1"], in: one), b = try CLI.run(arguments + ["--jobs", "2"], in: one)
            #expect(a.status == 1 && b.status == 1)
            #expect(a.stdout == b.stdout)
            #expect(a.stderr == b.stderr)
        }
        let arguments = ["lint", name, "--config", "empty.yml", "--glossary", "glossary.yaml", "--fix", "--format", "json"]
        let a = try CLI.run(arguments + ["--jobs", "1"], in: one), b = try CLI.run(arguments + ["--jobs", "2"], in: two)
        #expect(a.stdout == b.stdout)
        let fixedOne = try Data(contentsOf: one.appendingPathComponent(name)), fixedTwo = try Data(contentsOf: two.appendingPathComponent(name))
        #expect(fixedOne == fixedTwo)
        #expect(fixedOne != Data(text.utf8))
    }

    /// The findings of a JSON report, by file.
    static func findings(_ data: Data) throws -> [String: [String]] {
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var byFile: [String: [String]] = [:]
        for file in try #require(report["files"] as? [[String: Any]]) {
            let path = try #require(file["path"] as? String)
            let findings = try #require(file["findings"] as? [Any])
            byFile[path] = try findings.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: .sortedKeys), as: UTF8.self) }
        }
        return byFile
    }

    @Test("the shards of --shard K/N check each file once and together report what one run reports")
    func shardsPartitionTheFiles() throws {
        let root = try Self.corpus()
        try FileManager.default.removeItem(at: root.appendingPathComponent("docs/part-1/not-utf8.txt"))
        let arguments = ["lint", "docs", "--config", "empty.yml", "--glossary", "glossary.yaml", "--format", "json"]
        let whole = try Self.findings(try CLI.run(arguments, in: root).stdout)
        #expect(whole.count == 60)
        #expect(whole.values.contains { !$0.isEmpty })
        var union: [String: [String]] = [:]
        var sizes: [Int] = []
        for k in 1...3 {
            let result = try CLI.run(arguments + ["--shard", "\(k)/3"], in: root)
            #expect(result.status == 0 || result.status == 1)
            let shard = try Self.findings(result.stdout)
            sizes.append(shard.count)
            for (path, findings) in shard {
                #expect(union[path] == nil, "\(path) is in two shards")
                union[path] = findings
            }
        }
        #expect(union == whole)
        #expect(sizes.allSatisfy { $0 > 0 })   // 60 paths: each of 3 shards gets some
        // Deterministic: the same shard twice, and whatever the spelling of the folder.
        let again = try CLI.run(arguments + ["--shard", "2/3"], in: root).stdout
        let dotted = try CLI.run(["lint", "./docs"] + arguments.dropFirst(2) + ["--shard", "2/3"], in: root).stdout
        #expect(try Self.findings(again).keys.sorted() == Self.findings(dotted).keys.map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 }.sorted())
        #expect(try CLI.run(arguments + ["--shard", "1/1"], in: root).stdout == CLI.run(arguments, in: root).stdout)
    }

    @Test("bad --jobs and --shard values are usage errors", arguments: [
        ["--jobs", "0"], ["--shard", "0/3"], ["--shard", "4/3"], ["--shard", "1/0"], ["--shard", "2"], ["--shard", "a/b"],
    ])
    func badValues(_ option: [String]) throws {
        let root = try Self.corpus(count: 2)
        let result = try CLI.run(["lint", "docs", "--config", "empty.yml"] + option, in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(option[0]))
    }

    @Test("--shard refuses standard input")
    func shardRefusesStandardInput() throws {
        let result = try CLI.run(["lint", "-", "--config", "empty.yml", "--shard", "1/2"], stdin: Data("Text.\n".utf8))
        #expect(result.status == 2)
        #expect(result.stderr.contains("standard input"))
    }
}
