import Foundation
import Testing

/// `lint` keeps compiled glossaries under $XDG_CACHE_HOME/translint: the same report with or without a record,
/// and a record that is corrupt, truncated or stale is ignored and rewritten.
@Suite("Compiled glossary cache")
struct GlossaryCacheTests {
    static func lint(_ root: URL, cache: URL, _ extra: String = "") throws -> CLI.Result {
        try CLI.sh("XDG_CACHE_HOME=\(CLI.quoted(cache.path)) \(extra) \(CLI.quoted(CLI.executable.path)) lint a.txt --glossary g.yaml --format json", in: root)
    }

    static func records(_ cache: URL) -> [URL] {
        let folder = cache.appendingPathComponent("translint")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("a record is written once, then read; corrupt and truncated records are ignored and rewritten")
    func records() throws {
        let glossary = String(decoding: try CLI.read("glossaries/zh-en/companies.yaml"), as: UTF8.self)
        let root = try CIFeatureTests.project(["g.yaml": glossary, "a.txt": "Ali and Taobao sell a wodget. taobao too.\n"])
        let cache = root.appendingPathComponent("cache")
        let uncached = try Self.lint(root, cache: cache, "TRANSLINT_NO_CACHE=1")
        #expect(uncached.status == 1)
        #expect(Self.records(cache).isEmpty)
        let first = try Self.lint(root, cache: cache)
        #expect(first.stdout == uncached.stdout && first.status == 1 && first.stderr.isEmpty)
        let records = Self.records(cache)
        try #require(records.count == 1)
        let record = try Data(contentsOf: records[0])
        #expect(try Self.lint(root, cache: cache).stdout == uncached.stdout)
        for damaged in [Data(), record.prefix(record.count / 2), Data(repeating: 0x08, count: 100), record + Data([0])] {
            try damaged.write(to: records[0])
            let again = try Self.lint(root, cache: cache)
            #expect(again.stdout == uncached.stdout)
            #expect(again.stderr.isEmpty)
            #expect(try Data(contentsOf: records[0]) == record)   // rewritten whole
        }
        // The glossary changes: a new record, and the new glossary is what counts.
        try Data((glossary + "\n  - target: widget\n    forbidden: [wodget]\n    examples:\n      - text: A wodget.\n        fixed: A widget.\n").utf8)
            .write(to: root.appendingPathComponent("g.yaml"))
        let changed = try Self.lint(root, cache: cache)
        #expect(changed.out.contains("instead of 'wodget'"))
        #expect(Self.records(cache).count == 2)
        #expect(!Self.records(cache).contains { $0.lastPathComponent.hasSuffix(".tmp") })
    }

    @Test("a glossary whose examples fail is refused every time and never recorded")
    func failingExamplesAreNotRecorded() throws {
        let glossary = String(decoding: try CLI.read("glossaries/zh-en/companies.yaml"), as: UTF8.self)
        let bad = glossary + "\n  - target: widget\n    forbidden: [wodget]\n    examples:\n      - text: A wodget.\n        fixed: A wodget.\n"
        let root = try CIFeatureTests.project(["g.yaml": bad, "a.txt": "Text.\n"])
        let cache = root.appendingPathComponent("cache")
        for _ in 0..<2 {
            let result = try Self.lint(root, cache: cache)
            #expect(result.status == 2)
            #expect(result.stderr.contains("glossary example fails"))
        }
        #expect(Self.records(cache).isEmpty)
    }

    @Test("a cache folder that cannot be written costs nothing but speed")
    func unwritableCache() throws {
        let root = try CIFeatureTests.project(["g.yaml": String(decoding: try CLI.read("glossaries/zh-en/companies.yaml"), as: UTF8.self), "a.txt": "Amoy.\n"])
        let blocked = root.appendingPathComponent("blocked")
        try Data("a file, not a folder".utf8).write(to: blocked)
        let result = try Self.lint(root, cache: blocked)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
    }
}
