import Testing
@testable import TranslintKit
import TranslintTestSupport

/// The compiled glossary a cache keeps gives back exactly what the files gave (and the same term matcher), and
/// nothing for bytes that are not a record of the same key.
struct CompiledGlossaryTests {
    /// Every shipped glossary, merged: all the fields the YAML has (sources, notes, examples, case flags, ignore).
    static func shipped() throws -> Glossary {
        try Glossary.merging(try ShippedGlossaryTests.glossaryFiles().map(ShippedGlossaryTests.load))
    }

    @Test("a record decodes to the same glossary, field for field, and the same matcher")
    func roundTrip() throws {
        var glossary = try Self.shipped()
        glossary.ignore = ["Muhammad Ali", "ü ß 電商"]
        glossary.entries[0].caseSensitive = true
        glossary.entries[1].examples.append(GlossaryExample(text: "x", fixed: nil, location: nil))
        glossary.entries[2].examples.append(GlossaryExample(text: "y", fixed: "z", source: "s", location: SourceLocation(file: "other.yaml", line: -1)))
        glossary.entries[3].renderings = ["b": RenderingAmbiguity(ambiguous: false, context: ["c"]), "a": RenderingAmbiguity()]
        let compiled = CompiledGlossary(glossary)
        let bytes = compiled.encode(key: "k")
        let back = try #require(CompiledGlossary.decode(bytes, key: "k"))
        // The compiled glossary holds the derived renderings too, with their origins.
        #expect(back.glossary.entries == compiled.glossary.entries)
        #expect(compiled.glossary.entries.contains { entry in entry.forbidden.indices.contains { entry.origin($0) != nil } })
        #expect(back.glossary.ignore == glossary.ignore)
        #expect(!glossary.readings.isEmpty && back.glossary.readings == glossary.readings)
        #expect(back.sourceLanguage == glossary.sourceLanguage && back.targetLanguage == glossary.targetLanguage)
        #expect(glossary.entries.contains { $0.note != nil } && glossary.entries.contains { !$0.examples.isEmpty })
        #expect(glossary.entries.contains { $0.matchesForbiddenExactly } && glossary.entries.contains { $0.source != nil })
        // The same tables, byte for byte, and the same findings.
        #expect(back.encode(key: "k") == bytes)
        let text = glossary.entries.prefix(40).flatMap { $0.forbidden + [$0.target.uppercased()] }.joined(separator: ", and ")
        let fresh = try LintEngine(glossary: glossary).lint(text)
        #expect(!fresh.isEmpty)
        #expect(try LintEngine(compiled: back).lint(text) == fresh)
    }

    /// A field that the record does not write would come back empty from the cache, which no other test would see:
    /// these are the stored properties `CompiledGlossary` writes and reads. A change here needs one there.
    @Test("the record knows every stored property of the types it writes")
    func storedProperties() throws {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        #expect(labels(Glossary.empty()) == ["sourceLanguage", "targetLanguage", "entries", "ignore", "readings"])
        #expect(labels(GlossaryEntry(target: "x")) == ["source", "target", "forbidden", "caseSensitive", "note", "examples", "location",
                                                       "ambiguous", "context", "renderings", "seen", "templates"])
        #expect(labels(GlossaryExample(text: "x", fixed: nil)) == ["text", "fixed", "source", "location"])
        #expect(labels(RenderingAmbiguity()) == ["ambiguous", "context", "origin"])
        #expect(labels(SourceLocation(file: "f", line: 1)) == ["file", "line"])
        let matcher = TermMatcher(glossary: ExampleGlossary.glossary)
        // `derived` is not written: checks build its tables on first use, from the glossary.
        #expect(labels(matcher) == ["patterns", "rootNext", "edgeStart", "edgeBytes", "edgeTargets", "output", "firstRunFilter", "filterMask", "derived"])
        #expect(labels(try #require(matcher.patterns.first)) == ["entry", "role", "exact", "needsStartBoundary", "needsEndBoundary", "isReported"])
    }

    @Test("another key, a truncated record, flipped bytes and garbage give nothing, never a crash")
    func corruptRecords() throws {
        let bytes = CompiledGlossary(try Self.shipped()).encode(key: "k")
        #expect(CompiledGlossary.decode(bytes, key: "other") == nil)
        #expect(CompiledGlossary.decode([], key: "k") == nil)
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(CompiledGlossary.decode(Array(bytes[..<cut]), key: "k") == nil)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var flipped = bytes
            let at = Int.random(in: 0..<flipped.count, using: &generator)
            flipped[at] ^= UInt8.random(in: 1...255, using: &generator)
            // The checksum covers every byte after the key.
            #expect(CompiledGlossary.decode(flipped, key: "k") == nil)
        }
        #expect(CompiledGlossary.decode(Array(repeating: 0x08, count: 64), key: "k") == nil)
        #expect(CompiledGlossary.decode([0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], key: "k") == nil)
    }

    @Test("a damaged record with a checksum that matches still never leads a walk out of the tables")
    func damagedTablesAreRefused() throws {
        let glossary = try Self.shipped()
        let bytes = CompiledGlossary(glossary).encode(key: "k")
        // Where the payload starts: after the magic, the key and the checksum (a count of one, eight bytes).
        let payloadStart = try bytes.withUnsafeBufferPointer { buffer in
            var reader = RecordReader(buffer)
            _ = try reader.string(); _ = try reader.string(); _ = try reader.uint64()
            return reader.offset
        }
        let text = glossary.entries.prefix(60).flatMap { $0.forbidden + [$0.target] }.joined(separator: " ")
        var generator = SplitMix64(seed: 12)
        var decoded = 0
        for _ in 0..<150 {
            var damaged = bytes
            let at = Int.random(in: payloadStart..<damaged.count, using: &generator)
            damaged[at] ^= UInt8.random(in: 1...255, using: &generator)
            // The checksum made to match: only the structural checks stand between these bytes and the matcher.
            let checksum = damaged.withUnsafeBytes { RecordHash.checksum(UnsafeRawBufferPointer(rebasing: $0[payloadStart...])) }
            withUnsafeBytes(of: checksum) { damaged.replaceSubrange(payloadStart - 8..<payloadStart, with: $0) }
            guard let compiled = CompiledGlossary.decode(damaged, key: "k") else { continue }
            decoded += 1
            _ = try LintEngine(compiled: compiled).lint(text)
        }
        #expect(decoded > 0)
    }

    @Test("the key changes with the build, a path, or a byte of a file")
    func keys() {
        let files: [(path: String, bytes: [UInt8])] = [("a.yaml", Array("x".utf8)), ("b.yaml", Array("y".utf8))]
        let key = CompiledGlossary.key(build: "1", files: files)
        #expect(key.count == 32)
        #expect(key == CompiledGlossary.key(build: "1", files: files))
        #expect(key != CompiledGlossary.key(build: "2", files: files))
        #expect(key != CompiledGlossary.key(build: "1", files: [("a.yaml", Array("x".utf8)), ("c.yaml", Array("y".utf8))]))
        #expect(key != CompiledGlossary.key(build: "1", files: [("a.yaml", Array("x".utf8)), ("b.yaml", Array("z".utf8))]))
        #expect(key != CompiledGlossary.key(build: "1", files: [("a.yaml", Array("xy".utf8)), ("b.yaml", [])]))
    }
}
