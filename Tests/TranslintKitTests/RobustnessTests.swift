import Testing
@testable import TranslintKit
import TranslintTestSupport

/// Bad input gets an error, never a crash: every reader and the linter run on randomly damaged files.
struct RobustnessTests {
    static let fixtures = String(#filePath).components(separatedBy: "/RobustnessTests.swift")[0] + "/Fixtures"

    /// `bytes` with a few random bytes deleted, inserted (from `alphabet`) or replaced; valid UTF-8 or nil.
    static func damaged(_ bytes: [UInt8], _ generator: inout SplitMix64, alphabet: [UInt8]) -> [UInt8]? {
        var copy = bytes
        for _ in 0..<Int(generator.next() % 6 + 1) where !copy.isEmpty {
            let at = Int(generator.next() % UInt64(copy.count))
            switch generator.next() % 3 {
            case 0: copy.remove(at: at)
            case 1: copy.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: at)
            default: copy[at] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
        }
        return copy.withUnsafeBufferPointer { firstInvalidUTF8($0) } == nil ? copy : nil
    }

    static let alphabet = Array("\"\\<>&/![]{}:,;#-`*_|\n\r\t =%$0a~".utf8)

    @Test("damaged bilingual files are read or refused, and linting and fixing what is read never crashes",
          arguments: ["bilingual/shop.po", "bilingual/shop-1.2.xlf", "bilingual/shop-2.0.xlf", "bilingual/shop.xcstrings"])
    func bilingualFiles(name: String) throws {
        let original = Array(try String(contentsOfPath: "\(Self.fixtures)/\(name)").utf8)
        let format = BilingualFile.Format.forPath(name)!
        let glossary = format == .xliff ? ExampleGlossary.glossary : ExampleGlossary.reversed
        let linter = LintEngine(glossary: glossary)
        var generator = SplitMix64(seed: 7)
        var read = 0
        for _ in 0..<150 {
            guard let bytes = Self.damaged(original, &generator, alphabet: Self.alphabet) else { continue }
            do {
                let (result, fixed) = try linter.lintFile(bytes, path: name, format: format, fixing: true)
                read += 1
                for f in result.findings { #expect(f.finding.range.end <= bytes.count) }
                _ = fixed
            } catch is BilingualFileError {
            } catch {
                Issue.record("\(name): unexpected error \(error)")
            }
        }
        #expect(read > 0)
    }

    @Test("damaged glossaries (YAML, TBX, CSV) load or fail with a GlossaryError", arguments: ["yaml", "tbx", "csv"])
    func glossaries(format: String) throws {
        let original = Array(try GlossaryFormat(rawValue: format)!.write(try ShippedGlossaryTests.load(ShippedGlossaryTests.glossaryFiles()[1])).utf8)
        var generator = SplitMix64(seed: 11)
        for _ in 0..<150 {
            guard let bytes = Self.damaged(original, &generator, alphabet: Self.alphabet) else { continue }
            do {
                _ = try GlossaryFormat(rawValue: format)!.load(bytes, file: "g.\(format)")
            } catch is GlossaryError {
            } catch {
                Issue.record("\(format): unexpected error \(error)")
            }
        }
    }

    @Test("damaged Markdown and plain text lint and fix without crashing; fixing twice settles")
    func documents() throws {
        let sample = Array(try String(contentsOfPath: String(#filePath).components(separatedBy: "/Tests/")[0] + "/README.md").utf8.prefix(6000))
        var generator = SplitMix64(seed: 13)
        let linter = LintEngine(glossary: ExampleGlossary.glossary)
        for k in 0..<60 {
            guard let bytes = Self.damaged(sample, &generator, alphabet: Self.alphabet) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            let format: DocumentFormat = k % 2 == 0 ? .markdown : .plainText
            let once = try linter.fix(text, format: format).fixed
            let twice = try linter.fix(once, format: format).fixed
            #expect(twice == once, "fixing twice changed \(once.debugDescription)")
        }
    }
}
