import Testing
#if canImport(Glibc)
import Foundation
import Glibc
#endif
@testable import TranslintKit

/// The glossaries in `glossaries/` load, and every entry passes its own examples.
struct ShippedGlossaryTests {
    static let root = String(#filePath).components(separatedBy: "/Tests/")[0]

    static func glossaryFiles() -> [String] {
        let folder = "\(root)/glossaries/zh-en"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }

    static func load(_ path: String) throws -> Glossary {
        let text = try String(contentsOfPath: path)
        return try GlossaryLoader.load(yaml: text, file: path)
    }

    @Test("each entry's examples pass with that entry alone", arguments: glossaryFiles())
    func examples(path: String) throws {
        let glossary = try Self.load(path)
        for entry in glossary.entries {
            #expect(!entry.examples.isEmpty, "\(entry.location!): '\(entry.target)' has no example")
            let linter = LintEngine(glossary: glossary.restricted(to: entry))
            for example in entry.examples {
                let kind: DocumentKind = example.source.map { .paired(.plainText, source: $0) } ?? .text(.plainText)
                let (run, fixed) = try linter.run(example.text, kind: kind)
                #expect(fixed == (example.fixed ?? example.text), "\(example.location!): gave \(fixed.debugDescription)")
                if example.fixed == nil { #expect(run.findings.isEmpty, "\(example.location!): \(run.findings.map(\.finding.message))") }
            }
        }
    }

    @Test func theShippedGlossariesMergeWithoutConflicts() throws {
        let merged = try Glossary.merging(try Self.glossaryFiles().map(Self.load))
        #expect(merged.entries.count > 40)
    }
}

extension String {
    /// Reads a UTF-8 file without Foundation.
    init(contentsOfPath path: String) throws {
        guard let file = fopen(path, "rb") else { throw GlossaryError(location: nil, message: "cannot open \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
