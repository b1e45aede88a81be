import Foundation
import Testing
@testable import TranslintKit

/// Replays the bilingual checks' own examples (`source ‖ target`) in both directions, and checks the pieces they
/// stand on: numbers, alignment, and the real Django PO file.
struct BilingualCheckTests {
    static let checks: [any BilingualCheck.Type] = CheckRegistry.bilingual

    /// zh→en for a Chinese source, en→zh for an English one.
    static func linter(for source: String, check: any BilingualCheck.Type) -> BilingualLinter {
        let chinese = source.unicodeScalars.contains { CharacterClass.isUnspacedScript($0.value) }
        let glossary = chinese ? ExampleGlossary.glossary : ExampleGlossary.reversed
        return BilingualLinter(linter: Linter(glossary: glossary), checks: [check.init()])
    }

    static func split(_ example: String) -> (String, String) {
        let parts = example.components(separatedBy: BilingualContext.separator)
        return (parts[0], parts.dropFirst().joined(separator: BilingualContext.separator))
    }

    @Test("non-triggering examples find nothing", arguments: checks.map { $0.description.id })
    func nonTriggering(id: String) throws {
        let check = try #require(Self.checks.first { $0.description.id == id })
        for example in check.description.nonTriggering {
            let (source, target) = Self.split(example.text)
            let found = Self.linter(for: source, check: check).lint(source: source, target: target).filter { $0.rule == id }
            #expect(found.isEmpty, "\(id) flagged \(found.map(\.message)) in \(example.text)")
        }
    }

    @Test("triggering examples find exactly the marked places", arguments: checks.map { $0.description.id })
    func triggering(id: String) throws {
        let check = try #require(Self.checks.first { $0.description.id == id })
        for example in check.description.triggering {
            let (source, marked) = Self.split(example.text)
            let (target, markers) = CheckExample(marked).unmarked
            let starts = Self.linter(for: source, check: check).lint(source: source, target: target).filter { $0.rule == id }.map(\.range.start)
            #expect(starts == markers, "\(id) in \(example.text): found at \(starts), marked at \(markers)")
        }
    }

    @Test("corrections give the documented text, and fixing again changes nothing", arguments: checks.map { $0.description.id })
    func corrections(id: String) throws {
        let check = try #require(Self.checks.first { $0.description.id == id })
        for correction in check.description.corrections {
            let (source, before) = Self.split(correction.before)
            let (_, after) = Self.split(correction.after)
            let linter = Self.linter(for: source, check: check)
            let fixed = linter.fix(source: source, target: before)
            #expect(fixed == after, "\(id): \(before.debugDescription) gave \(fixed.debugDescription)")
            #expect(linter.lint(source: source, target: fixed).filter { $0.rule == id && $0.fix != nil }.isEmpty)
        }
    }

    @Test("every bilingual check has examples in both directions")
    func bothDirections() {
        for check in Self.checks {
            let sources = (check.description.triggering + check.description.nonTriggering).map { Self.split($0.text).0 }
            let chinese = sources.filter { $0.unicodeScalars.contains { CharacterClass.isUnspacedScript($0.value) } }
            #expect(!chinese.isEmpty && chinese.count < sources.count, "\(check.description.id) needs zh→en and en→zh examples")
        }
    }

    @Test("numbers are read as values", arguments: [
        ("2亿", [2e8]), ("1.5万", [15000]), ("两千三百万", [2.3e7]), ("十五", [15]), ("二〇二四年", [2024]),
        ("1,234.5", [1234.5]), ("200 million", [2e8]), ("3.5 billion", [3.5e9]), ("twenty-one", [21]), ("two hundred", [200]),
        ("百分之五十", [50]), ("50%", [50]), ("7月31日", [7, 31]), ("July 31st", [7, 31]), ("31 July", [31, 7]),
        ("February", [2]), ("Feb.", [2]), ("you may go", []), ("May", [5]), ("一些人一起", []), ("十进制", []), ("第一", []),
        ("１２３", [123]), ("٤٥", [45]), ("one item", []), ("x86 and iPhone", []), ("Windows 10", [10]),
    ])
    func numbers(text: String, values: [Double]) {
        #expect(NumberExtractor.numbers(in: text).map(\.value) == values, "\(text)")
    }

    @Test("alignment's documented examples")
    func alignmentExamples() {
        let linter = BilingualLinter(linter: Linter(glossary: ExampleGlossary.glossary))
        for example in Alignment.description.nonTriggering {
            let (source, target) = Self.split(example.text)
            #expect(Array(target.utf8).withUnsafeBufferPointer { linter.checkAligned(source: source, target: $0) }.filter { $0.rule == "alignment" }.isEmpty)
        }
        for example in Alignment.description.triggering {
            let (source, marked) = Self.split(example.text)
            let (target, markers) = CheckExample(marked).unmarked
            let found = Array(target.utf8).withUnsafeBufferPointer { linter.checkAligned(source: source, target: $0) }.filter { $0.rule == "alignment" }
            #expect(found.map(\.range.start) == markers, "\(example.text)")
        }
    }

    @Test("every rule a report can name is documented, with examples, and has a unique kebab-case id")
    func catalog() {
        var ids = Set<String>()
        for d in CheckRegistry.descriptions {
            #expect(ids.insert(d.id).inserted, "duplicate rule id \(d.id)")
            #expect(d.id.allSatisfy { $0.isLowercase || $0 == "-" })
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty && !d.triggering.isEmpty && !d.nonTriggering.isEmpty, "\(d.id)")
            if d.isFixable { #expect(!d.corrections.isEmpty, "\(d.id) fixes but shows no correction") }
        }
    }

    @Test("paragraphs pair up; when the counts differ, one alignment finding says where")
    func alignment() throws {
        let linter = BilingualLinter(linter: Linter(glossary: ExampleGlossary.glossary))
        let aligned = Array("Sellers on Amoy.\n\nTwo shops.\n".utf8).withUnsafeBufferPointer { linter.checkAligned(source: "淘宝卖家。\n\n三家店。\n", target: $0) }
        #expect(aligned.map(\.rule) == ["number-mismatch"])
        let target = "First paragraph.\n\nSecond and third paragraphs, merged into one long paragraph here.\n"
        let diverged = Array(target.utf8).withUnsafeBufferPointer { linter.checkAligned(source: "第一段。\n\n第二段。\n\n第三段。\n", target: $0) }
        #expect(diverged.map(\.rule) == ["alignment"])
        #expect(diverged[0].range.start == "First paragraph.\n\n".utf8.count)
        #expect(diverged[0].message.hasPrefix("the source has 3 paragraphs, the translation 2: they seem to diverge at paragraph 2"))
    }

    static let fixtures = String(#filePath).components(separatedBy: "/BilingualCheckTests.swift")[0] + "/Fixtures"

    static let djangoGlossary = """
        version: 1
        source_language: en
        target_language: zh-Hans
        terms:
          - source: email address
            target: 电子邮件地址
            forbidden: [Email 地址]
          - source: invalid date
            target: 无效日期
            forbidden: [错误的日期]
        """

    @Test("Django's Chinese PO file: fixes keep it valid for msgfmt --check and change only the fixed msgstr strings")
    func django() throws {
        let path = "\(Self.fixtures)/django.zh_Hans.po"
        let bytes = Array(try String(contentsOfPath: path).utf8)
        let glossary = try GlossaryLoader.load(yaml: Self.djangoGlossary, file: "django-terms.yaml")
        let linter = BilingualLinter(linter: Linter(glossary: glossary))
        let (result, fixed) = try linter.lintFile(bytes, path: "django.po", format: .po, fixing: true)
        let fixedRules = result.findings.filter(\.isFixed).map(\.finding.rule)
        #expect(fixedRules == Array(repeating: "mistranslation", count: 6))
        #expect(result.findings.contains { $0.finding.rule == "placeholder-mismatch" && $0.line == 833 })
        // Only bytes inside msgstr strings changed: the msgid lines, comments and header are as they were.
        let before = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let after = String(decoding: fixed, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.filter { !$0.hasPrefix("msgstr") && !$0.hasPrefix("\"") } == after.filter { !$0.hasPrefix("msgstr") && !$0.hasPrefix("\"") })
        for edit in result.appliedEdits {
            let line = String(decoding: bytes[..<edit.range.start].split(separator: 0x0A, omittingEmptySubsequences: false).last ?? [], as: UTF8.self)
            #expect(line.hasPrefix("msgstr") || line.hasPrefix("\""), "an edit outside a msgstr: \(line)")
        }
        #expect(String(decoding: fixed, as: UTF8.self).contains("msgstr \"输入一个有效的 电子邮件地址。\""))
        // gettext accepts the fixed file (when gettext is installed; .ci/run installs it).
        let msgfmt = ["/usr/bin/msgfmt", "/usr/local/bin/msgfmt"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(msgfmt != nil || ProcessInfo.processInfo.environment["CI"] == nil, "msgfmt is missing in CI")
        if let msgfmt {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("django-fixed-\(UUID().uuidString).po")
            try Data(fixed).write(to: out)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: msgfmt)
            process.arguments = ["--check", "-o", "/dev/null", out.path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
    }
}

extension BilingualCheckTests {
    @Test("untranslated knows which scripts a language uses: Han in a Japanese translation of Chinese is not left over")
    func scriptsOfLanguages() throws {
        let zhJa = try GlossaryLoader.load(yaml: "version: 1\nsource_language: zh-Hans\ntarget_language: ja\nterms:\n  - source: 淘宝\n    target: タオバオ\n", file: "g")
        let linter = BilingualLinter(linter: Linter(glossary: zhJa), checks: [UntranslatedCheck()])
        #expect(linter.lint(source: "在淘宝购物。", target: "淘宝で買い物。").isEmpty)
        #expect(BilingualContext.languageScripts("ja").count >= 2)
        #expect(BilingualContext.scriptName(BilingualContext.languageScripts("zh-Hans")[0]) == "Han")
        #expect(BilingualContext.scriptName(BilingualContext.languageScripts("en")[0]) == "Latin")
    }
}
