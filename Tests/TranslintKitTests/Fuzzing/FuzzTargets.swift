import Foundation
import TranslintTestSupport
@testable import TranslintKit

/// One fuzz target per parser family, and what must hold for every input: no crash, no hang; a clean result or a
/// typed error that names file and line; on the lint path also valid reports in every format, a fix that is
/// the original plus exactly the applied edits, a diff that applies to give the fixed bytes, and a second fix
/// that changes nothing.
enum FuzzTargets {
    static let root = String(#filePath).components(separatedBy: "/Tests/")[0]
    static let fixtures = "\(root)/Tests/TranslintKitTests/Fixtures"

    static func read(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [] }

    static func files(in folder: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\($0)" }
    }

    /// The shipped zh-en glossaries, merged, as the CLI loads `--glossary glossaries/zh-en`.
    static let shipped: Glossary = {
        do {
            let glossaries = try files(in: "\(root)/glossaries/zh-en", suffix: ".yaml").map { try GlossaryLoader.load(yaml: String(decoding: read($0), as: UTF8.self), file: $0) }
            return try Glossary.merging(glossaries)
        } catch {
            fatalError("the shipped glossaries do not load: \(error)")
        }
    }()

    static let families = ["text", "markdown", "po", "xliff", "xcstrings", "tbx", "yaml", "csv"]

    /// The short round's mutator: inputs small enough for a debug build. The long round (`TRANSLINT_FUZZ_SECONDS`)
    /// makes longer lines and deeper nesting.
    static var mutator: Mutator {
        FuzzRunner.isLongRound ? Mutator(maxLength: 400_000, longLine: 200_000, deepNesting: 5_000) : Mutator(maxLength: 40_000, longLine: 6_000, deepNesting: 400)
    }

    static func seeds(_ family: String) -> [[UInt8]] {
        let generated = { (kind: GeneratedDocument.Kind) in (0..<12).map { DocumentGenerator.document(seed: UInt64($0), kind: kind).bytes } }
        switch family {
        case "text":
            return files(in: "\(root)/samples", suffix: ".txt").map(read) + generated(.plainText)
        case "markdown":
            let readme = read("\(root)/README.md")
            let docs = files(in: "\(root)/docs", suffix: ".md").map(read)
            // The README in pieces of a few KiB: whole, it would make every input slow in a debug build.
            let pieces = stride(from: 0, to: readme.count, by: 4096).map { Array(readme[$0..<min(readme.count, $0 + 4096)]) }
            return pieces.filter { String(validating: $0, as: UTF8.self) != nil } + docs.map { Array($0.prefix(8192)) } + generated(.markdown)
        case "po":
            return [read("\(fixtures)/bilingual/shop.po"), read("\(fixtures)/bilingual/fixed/shop.po"),
                    Array(read("\(fixtures)/django.zh_Hans.po").prefix(12_000))] + BilingualGenerator.files(.po, count: 6)
        case "xliff":
            return [read("\(fixtures)/bilingual/shop-1.2.xlf"), read("\(fixtures)/bilingual/shop-2.0.xlf"),
                    read("\(fixtures)/bilingual/fixed/shop-1.2.xlf"), read("\(fixtures)/bilingual/fixed/shop-2.0.xlf")] + BilingualGenerator.files(.xliff, count: 6)
        case "xcstrings":
            return [read("\(fixtures)/bilingual/shop.xcstrings"), read("\(fixtures)/bilingual/fixed/shop.xcstrings")] + BilingualGenerator.files(.xcstrings, count: 6)
        case "tbx":
            let small = Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en", entries: Array(shipped.entries.prefix(12)))
            return [read("\(fixtures)/handwritten-v2.tbx"), read("\(fixtures)/handwritten-v3.tbx"), Array(TBXGlossary.write(small).utf8),
                    Array(TBXGlossary.write(ExampleGlossary.glossary).utf8)]
        case "yaml":
            return [read("\(fixtures)/commented.yaml"), read("\(fixtures)/commented.added.yaml"), Array(ExampleGlossary.yaml.utf8),
                    Array(ExampleGlossary.reversedYAML.utf8)] + files(in: "\(root)/glossaries/zh-en", suffix: ".yaml").map { Array(read($0).prefix(6000)) }
        case "csv":
            let small = Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en", entries: Array(shipped.entries.prefix(20)))
            var example = ExampleGlossary.glossary
            example.readings = [:]   // a spreadsheet has no place for them
            return [small, example].flatMap { g in [(try? CSVGlossary.write(g, separator: ",")), (try? CSVGlossary.write(g, separator: "\t"))] }
                .compactMap { $0.map { Array($0.utf8) } }
        default:
            return []
        }
    }

    /// The check of one family's input: the problems found, none for a clean result or a typed error.
    static func check(_ family: String) -> ([UInt8]) -> [String] {
        switch family {
        case "text": return { lintPath($0, path: "fuzz.txt", kind: .text(.plainText), engine: textEngine) }
        case "markdown": return { lintPath($0, path: "fuzz.md", kind: .text(.markdown), engine: textEngine) }
        case "po": return { lintPath($0, path: "fuzz.po", kind: .bilingual(.po, includeFuzzy: false), engine: bilingualEngine($0, .po)) }
        case "xliff": return { lintPath($0, path: "fuzz.xlf", kind: .bilingual(.xliff, includeFuzzy: false), engine: bilingualEngine($0, .xliff)) }
        case "xcstrings": return { lintPath($0, path: "fuzz.xcstrings", kind: .bilingual(.xcstrings, includeFuzzy: false), engine: bilingualEngine($0, .xcstrings)) }
        case "tbx": return { glossaryPath($0, format: .tbx) }
        case "yaml": return { glossaryPath($0, format: .yaml) }
        case "csv": return { glossaryPath($0, format: .csv) }
        default: return { _ in ["unknown family"] }
        }
    }

    static let textEngine = LintEngine(glossary: shipped)
    static let reversedEngine = LintEngine(glossary: ExampleGlossary.reversed)

    /// The engine whose glossary goes into the file's target language (zh-en, or en-zh for a Chinese target), so
    /// that mutants are linted rather than refused for their languages.
    static func bilingualEngine(_ bytes: [UInt8], _ format: BilingualFile.Format) -> LintEngine {
        let file = try? BilingualFile.parse(bytes, path: "fuzz", format: format)
        let language = file?.targetLanguage ?? file?.units.first?.targetLanguage ?? "en"
        return language.hasPrefix("zh") ? reversedEngine : textEngine
    }

    /// An error is typed and says where: `path:line`.
    static func typedErrorProblem(_ error: Error, path: String) -> String? {
        let text = "\(error)"
        switch error {
        case is InputError, is BilingualFileError, is GlossaryError:
            guard text.hasPrefix(path + ":"), text.dropFirst(path.count + 1).first?.isNumber == true else { return "an error without file:line: \(text)" }
            return nil
        default:
            return "an untyped error: \(type(of: error)): \(text)"
        }
    }

    /// Every report of `files` (rendered whole), with its format's name; the diff is checked separately.
    static func reports(_ report: LintReport, catalog: RuleCatalog) -> [(String, [UInt8])] {
        let reporters: [(String, any Reporter)] = [
            ("text", TextReporter(colors: false)), ("json", JSONReporter()), ("sarif", SARIFReporter(toolVersion: "0", catalog: catalog)),
            ("github", GitHubReporter()), ("checkstyle", CheckstyleReporter()),
        ]
        return reporters.map { ($0.0, Array($0.1.render(report).utf8)) }
    }

    static func run(_ engine: LintEngine, _ bytes: [UInt8], path: String, kind: DocumentKind, fixes: FixMode,
                    chunkSize: Int = RunOptions.defaultChunkSize, session: Session? = nil) throws -> (FileResult, [UInt8]) {
        var fixed: [UInt8] = []
        let result = try engine.run(path: path, kind: kind, session: try session ?? engine.makeSession(), options: RunOptions(fixes: fixes, chunkSize: chunkSize),
                                    read: { feed in
                                        // Fed in blocks of a few KiB, as the CLI reads a file.
                                        try bytes.withUnsafeBufferPointer { all in
                                            var at = 0
                                            repeat {
                                                let end = min(all.count, at + 4096)
                                                try feed(UnsafeBufferPointer(rebasing: all[at..<end]))
                                                at = end
                                            } while at < all.count
                                        }
                                    }, output: { fixed += $0 })
        return (result, fixes.computesFixes ? fixed : bytes)
    }

    /// The lint path: lint, fix, report in every format, diff, fix again.
    static func lintPath(_ bytes: [UInt8], path: String, kind: DocumentKind, engine: LintEngine) -> [String] {
        var problems: [String] = []
        let linted: FileResult
        do {
            (linted, _) = try run(engine, bytes, path: path, kind: kind, fixes: .none)
        } catch {
            return typedErrorProblem(error, path: path).map { [$0] } ?? []
        }
        for located in linted.findings {
            let f = located.finding
            if f.range.start < 0 || f.range.end > bytes.count || f.range.start > f.range.end { problems.append("a finding outside the text: \(f.range)") }
            if located.line < 1 || located.column < 1 || located.endLine < located.line { problems.append("a finding located at \(located.line):\(located.column)") }
            for edit in f.fix?.edits ?? [] where edit.range.start < 0 || edit.range.end > bytes.count {
                problems.append("an edit outside the text: \(edit.range)")
            }
        }
        problems += invariants(bytes, path: path, kind: kind, engine: engine, linted: linted)
        if case .text(.plainText) = kind {
            // Streamed in small chunks: the same promises.
            problems += invariants(bytes, path: path, kind: kind, engine: engine, linted: linted, chunkSize: 512).map { "in chunks of 512 bytes: " + $0 }
        }
        return problems
    }

    static func invariants(_ bytes: [UInt8], path: String, kind: DocumentKind, engine: LintEngine, linted: FileResult,
                           chunkSize: Int = RunOptions.defaultChunkSize) -> [String] {
        var problems: [String] = []
        do {
            let (result, fixed) = try run(engine, bytes, path: path, kind: kind, fixes: .apply, chunkSize: chunkSize)
            let edits = result.appliedEdits
            if zip(edits, edits.dropFirst()).contains(where: { $0.range.end > $1.range.start }) || edits.contains(where: { $0.range.end > bytes.count }) {
                problems.append("applied edits overlap or leave the text")
                return problems
            }
            if FixPlan.apply(edits, to: bytes) != fixed { problems.append("the fixed bytes are not the original with the applied edits") }
            for (format, output) in reports(LintReport(files: [linted]), catalog: engine.catalog) + reports(LintReport(files: [result], fixing: true), catalog: engine.catalog) {
                if let problem = ReportValidator.problem(format: format, output) { problems.append(problem) }
            }
            let diff = Array(UnifiedDiff().render(path: path, original: bytes, edits: edits).utf8)
            if PatchApplier.apply(diff, to: bytes) != fixed { problems.append("the diff does not apply to give the fixed bytes") }
            let (preview, _) = try run(engine, bytes, path: path, kind: kind, fixes: .preview, chunkSize: chunkSize)
            if preview.appliedEdits != edits { problems.append("--diff (preview) edits differ from --fix edits") }
            problems += replacementProblems(linted: linted, fixing: result)
            let (again, _) = try run(engine, fixed, path: path, kind: kind, fixes: .apply, chunkSize: chunkSize)
            // A paragraph longer than two chunks is read in pieces, cut where its length puts them: what a check
            // learns from the whole paragraph (the context words of an ambiguous term) it sees piece by piece, so
            // there a second fix may find more (documented in the README). Everywhere else it finds nothing.
            // Those of the text as first read; fixes add or remove no blank line, so its paragraphs are the fixed
            // text's by number.
            let fixedParagraphs = Self.paragraphs(of: fixed)
            let piecemeal = chunkSize == RunOptions.defaultChunkSize ? [] : Self.paragraphs(of: bytes).enumerated()
                .filter { $0.element.length > 2 * chunkSize && $0.offset < fixedParagraphs.count }.map { fixedParagraphs[$0.offset] }
            let secondEdits = again.appliedEdits.filter { edit in !piecemeal.contains { $0.start <= edit.range.start && edit.range.end <= $0.end } }
            if !secondEdits.isEmpty {
                // What the second fix did, for the one who reads the failure: its first edits in the fixed text.
                let what = secondEdits.prefix(3).map { edit in
                    "\(edit.range.start): '\(String(decoding: fixed[edit.range.start..<edit.range.end], as: UTF8.self))' → '\(edit.replacement)'"
                }
                problems.append("a second fix changed the text (\(what.joined(separator: "; ")))")
            }
        } catch {
            problems.append("linting worked but fixing failed: \(error)")
        }
        return problems
    }

    /// The paragraphs of `text`: what lies between blank lines (those included, as each chunk ends with one).
    static func paragraphs(of text: [UInt8]) -> [ByteRange] {
        var result: [ByteRange] = []
        var start = 0, lineStart = 0, lineIsBlank = true
        for (i, byte) in text.enumerated() {
            if byte == 0x0A {
                if lineIsBlank && lineStart > 0 {
                    result.append(ByteRange(start, i + 1))
                    start = i + 1
                }
                lineStart = i + 1
                lineIsBlank = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                lineIsBlank = false
            }
        }
        result.append(ByteRange(start, text.count))
        return result
    }

    /// What a report says a finding will be replaced with is what `--fix` writes: a finding of `linted` (a run
    /// without fixes, as `--format json` reports) whose range is exactly one of `fixing`'s applied edits has that
    /// edit's replacement, and so has the finding as the fixing run reports it.
    static func replacementProblems(linted: FileResult, fixing: FileResult) -> [String] {
        var byRange: [ByteRange: String] = [:]
        for edit in fixing.appliedEdits { byRange[edit.range] = edit.replacement }
        var problems: [String] = []
        for located in linted.findings + fixing.findings.filter(\.isFixed) {
            guard let reported = located.finding.replacement, let written = byRange[located.finding.range], written != reported else { continue }
            problems.append("\(located.finding.rule) reports '\(reported)' for '\(located.text)', but --fix writes '\(written)'")
        }
        return problems
    }

    /// A glossary: loaded or refused with file:line; a loaded one lints a text of its own terms, and converts to
    /// every format and back.
    static func glossaryPath(_ bytes: [UInt8], format: GlossaryFormat) -> [String] {
        let path = "fuzz.\(format.rawValue)"
        let glossary: Glossary
        do {
            glossary = try format.load(bytes, file: path, sourceLanguage: "zh-Hans", targetLanguage: "en")
        } catch {
            return typedErrorProblem(error, path: path).map { [$0] } ?? []
        }
        var problems: [String] = []
        do {
            let engine = LintEngine(glossary: glossary)
            let words = glossary.entries.prefix(40).flatMap { [$0.target.lowercased()] + $0.forbidden.prefix(2) }
            let text = words.joined(separator: " the ") + ".\n"
            let (fixed, _) = try engine.fix(text)
            if try engine.fix(fixed).fixed != fixed { problems.append("a second fix of the glossary's own terms changed the text") }
        } catch {
            problems.append("a loaded glossary fails to lint: \(error)")
        }
        for other in GlossaryFormat.allCases {
            guard let written = try? other.write(glossary) else { continue }
            do {
                _ = try other.load(Array(written.utf8), file: "round-trip.\(other.rawValue)", sourceLanguage: glossary.sourceLanguage, targetLanguage: glossary.targetLanguage)
            } catch {
                problems.append("written as \(other.rawValue), the glossary does not load again: \(error)")
            }
        }
        return problems
    }
}
