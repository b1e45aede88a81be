import Testing
@testable import TranslintKit

/// The compiled glossary a cache keeps gives back exactly what the files gave, and nothing for bytes that are not
/// a record of the same key.
struct CompiledGlossaryTests {
    /// Every shipped glossary, merged: all the fields the YAML has (sources, notes, examples, case flags, ignore).
    static func shipped() throws -> Glossary {
        try Glossary.merging(try ShippedGlossaryTests.glossaryFiles().map(ShippedGlossaryTests.load))
    }

    @Test("a record decodes to the same glossary, field for field")
    func roundTrip() throws {
        var glossary = try Self.shipped()
        glossary.ignore = ["Muhammad Ali", "ü ß 電商"]
        glossary.entries[0].caseSensitive = true
        glossary.entries[1].examples.append(GlossaryExample(text: "x", fixed: nil, location: nil))
        let bytes = try CompiledGlossary.encode(glossary, key: "k")
        let back = try #require(CompiledGlossary.decode(bytes, key: "k"))
        #expect(back.entries == glossary.entries)
        #expect(back.ignore == glossary.ignore)
        #expect(back.sourceLanguage == glossary.sourceLanguage && back.targetLanguage == glossary.targetLanguage)
        #expect(glossary.entries.contains { $0.note != nil } && glossary.entries.contains { !$0.examples.isEmpty })
    }

    @Test("another key, a truncated record, flipped bytes and garbage give nothing, never a crash")
    func corruptRecords() throws {
        let bytes = try CompiledGlossary.encode(try Self.shipped(), key: "k")
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
            // A flipped byte inside a string may still decode; it must then be a glossary, and never crash.
            _ = CompiledGlossary.decode(flipped, key: "k")
        }
        #expect(CompiledGlossary.decode(Array(repeating: 0x08, count: 64), key: "k") == nil)
        #expect(CompiledGlossary.decode([0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], key: "k") == nil)
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
