import Foundation
import Testing
import TranslintTestSupport
@testable import TranslintKit

/// Properties of `--fix` over thousands of generated documents (`DocumentGenerator`, `BilingualGenerator`),
/// seeded: the fixed bytes are the original with exactly the reported edits applied; a second fix changes
/// nothing; the diff applies to give the fixed bytes; no finding lies in a protected span (Markdown code, link
/// targets and HTML, XLIFF inline markup, placeholders) and no fix changes one; what a report says a fixed finding
/// will be replaced with is what is written (the reports themselves are checked by the fuzz targets). `TRANSLINT_PROPERTY_DOCUMENTS` sets the number of prose documents
/// (default 1,000; bilingual files: a tenth of it per format). `git apply` and `patch -p1` run on a subset in
/// `FixPropertyCLITests`.
struct FixPropertyTests {
    static let documents = ProcessInfo.processInfo.environment["TRANSLINT_PROPERTY_DOCUMENTS"].flatMap(Int.init) ?? 1000
    static let shards = 8
    static let textRules: Set<String> = ["mistranslation", "term-case", "sentence-case", "leading-punctuation", "repeated-word", "untranslated"]

    /// The problems with one document's lint and fix.
    static func problems(_ bytes: [UInt8], protected: [Range<Int>], path: String, kind: DocumentKind, engine: LintEngine, session: Session) -> [String] {
        var problems: [String] = []
        do {
            let (linted, _) = try FuzzTargets.run(engine, bytes, path: path, kind: kind, fixes: .none, session: session)
            let (result, fixed) = try FuzzTargets.run(engine, bytes, path: path, kind: kind, fixes: .apply, session: session)
            if FixPlan.apply(result.appliedEdits, to: bytes) != fixed { problems.append("the fixed bytes are not the original with the applied edits") }
            let (_, twice) = try FuzzTargets.run(engine, fixed, path: path, kind: kind, fixes: .apply, session: session)
            if twice != fixed {
                problems.append("a second fix changed the text: \(String(decoding: fixed, as: UTF8.self).debugDescription) → \(String(decoding: twice, as: UTF8.self).debugDescription)")
            }
            let diff = Array(UnifiedDiff().render(path: path, original: bytes, edits: result.appliedEdits).utf8)
            if PatchApplier.apply(diff, to: bytes) != fixed { problems.append("the diff does not apply to give the fixed bytes") }
            // What --fix reports as remaining is what a lint of the written text finds, at the same places.
            let (relinted, _) = try FuzzTargets.run(engine, fixed, path: path, kind: kind, fixes: .none, session: session)
            func place(_ f: LocatedFinding) -> String { "\(f.finding.rule)@\(f.finding.range) \(f.line):\(f.column)-\(f.endLine):\(f.endColumn) '\(f.text)'" }
            let remaining = result.findings.filter { !$0.isFixed }.map(place), again = relinted.findings.map(place)
            if remaining.sorted() != again.sorted() {
                problems.append("--fix reports as remaining \(remaining.sorted()), a lint of the fixed text finds \(again.sorted())")
            }
            // Findings about the text (the bilingual rules report about a unit and may point at a placeholder).
            for located in linted.findings where Self.textRules.contains(located.finding.rule) {
                let range = located.finding.range.start..<located.finding.range.end
                if let span = protected.first(where: { $0.overlaps(range) || (range.isEmpty && $0.contains(range.lowerBound) && range.lowerBound != $0.lowerBound) }) {
                    problems.append("\(located.finding.rule) at \(located.line):\(located.column) lies in the protected \(String(decoding: bytes[span], as: UTF8.self).debugDescription)")
                }
            }
            for edit in result.appliedEdits {
                let range = edit.range.start..<edit.range.end
                if let span = protected.first(where: { $0.overlaps(range) }) {
                    problems.append("a fix changes the protected \(String(decoding: bytes[span], as: UTF8.self).debugDescription)")
                }
            }
            problems += FuzzTargets.replacementProblems(linted: linted, fixing: result)
        } catch {
            problems.append("an error on a generated document: \(error)")
        }
        return problems
    }

    @Test("generated prose and Markdown: exact, idempotent fixes whose diff applies; nothing flagged or changed in protected spans",
          arguments: 0..<shards)
    func prose(shard: Int) throws {
        let session = try FuzzTargets.textEngine.makeSession()
        var failures = 0
        for seed in stride(from: shard, to: Self.documents, by: Self.shards) {
            let document = DocumentGenerator.document(seed: UInt64(seed))
            let kind: DocumentKind = .text(document.kind == .markdown ? .markdown : .plainText)
            let problems = Self.problems(document.bytes, protected: document.protected, path: "doc.\(document.kind.rawValue)",
                                         kind: kind, engine: FuzzTargets.textEngine, session: session)
            if !problems.isEmpty {
                Issue.record("document \(seed) (\(document.kind.rawValue)): \(problems.joined(separator: "; ")) in \(document.text.debugDescription)")
                failures += 1
                if failures >= 5 { return }
            }
        }
    }

    @Test("generated PO, XLIFF and String Catalog files: the same, with placeholders and inline markup protected",
          arguments: BilingualGenerator.Format.allCases)
    func bilingual(format: BilingualGenerator.Format) throws {
        let session = try FuzzTargets.textEngine.makeSession()
        var failures = 0
        let fileFormat = BilingualFile.Format.forPath("x.\(format.rawValue)")!
        for seed in 0..<max(1, Self.documents / 10) {
            let file = BilingualGenerator.file(format, seed: UInt64(seed))
            let problems = Self.problems(file.bytes, protected: file.protected, path: "file.\(format.rawValue)",
                                         kind: .bilingual(fileFormat, includeFuzzy: false), engine: FuzzTargets.textEngine, session: session)
            if !problems.isEmpty {
                Issue.record("file \(seed): \(problems.joined(separator: "; ")) in \(String(decoding: file.bytes, as: UTF8.self).debugDescription)")
                failures += 1
                if failures >= 5 { return }
            }
        }
    }
}
