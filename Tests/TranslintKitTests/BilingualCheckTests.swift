import Foundation
import Testing
@testable import TranslintKit

/// Replays the bilingual checks' own examples (`source ‖ target`) in both directions, and checks the pieces they
/// stand on: numbers, alignment, and the real Django PO file.
struct BilingualCheckTests {
    @Test("numbers are read as values", arguments: [
        ("2亿", [2e8]), ("1.5万", [15000]), ("两千三百万", [2.3e7]), ("十五", [15]), ("二〇二四年", [2024]),
        ("1,234.5", [1234.5]), ("200 million", [2e8]), ("3.5 billion", [3.5e9]), ("twenty-one", [21]), ("two hundred", [200]),
        ("百分之五十", [50]), ("50%", [50]), ("7月31日", [7, 31]), ("July 31st", [7, 31]), ("31 July", [31, 7]),
        ("February", [2]), ("Feb.", [2]), ("you may go", []), ("May", [5]), ("一些人一起", []), ("十进制", []), ("第一", [1]), ("第四种", [4]),
        ("１２３", [123]), ("٤٥", [45]), ("one item", []), ("x86 and iPhone", []), ("Windows 10", [10]),
    ])
    func numbers(text: String, values: [Double]) throws {
        #expect(NumberExtractor.numbers(in: text).map(\.value) == values, "\(text)")
    }

    @Test("paragraphs pair up; when the counts differ, one alignment finding says where")
    func alignment() throws {
        let engine = LintEngine(glossary: ExampleGlossary.glossary, rules: RuleCatalog.standard.rules.filter { RuleCatalog.standard.isBilingual($0.id) })
        let aligned = try engine.lint(source: "淘宝卖家。\n\n三家店。\n", target: "Sellers on Amoy.\n\nTwo shops.\n")
        #expect(aligned.map(\.rule) == ["number-mismatch"])
        let target = "First paragraph.\n\nSecond and third paragraphs, merged into one long paragraph here.\n"
        let diverged = try engine.lint(source: "第一段。\n\n第二段。\n\n第三段。\n", target: target)
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
        var fixedBytes: [UInt8] = []
        let engine = LintEngine(glossary: glossary)
        let result = try engine.run(path: "django.po", kind: .bilingual(.po, includeFuzzy: false), session: try engine.makeSession(),
                                    options: RunOptions(fixes: .apply), read: { try bytes.withUnsafeBufferPointer($0) },
                                    output: { fixedBytes += $0 })
        let fixed = fixedBytes
        let fixedRules = result.findings.filter(\.isFixed).map(\.finding.rule)
        #expect(fixedRules == Array(repeating: "mistranslation", count: 6))
        // Line 1259 of the file read: a fix above it joins a string split across two lines, so 1258 of the file written.
        #expect(result.findings.contains { $0.finding.rule == "missing-term" && $0.line == 1258 })
        // Line 833 says `%(field_name)s` twice: a named argument may be, as msgfmt --check-format agrees.
        #expect(!result.findings.contains { $0.finding.rule == "placeholder-mismatch" })
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
        let engine = LintEngine(glossary: zhJa, rules: [UntranslatedCheck()])
        #expect(try engine.lint(source: "在淘宝购物。", target: "淘宝で買い物。").isEmpty)
        #expect(BilingualContext.languageScripts("ja").count >= 2)
        #expect(BilingualContext.scriptName(BilingualContext.languageScripts("zh-Hans")[0]) == "Han")
        #expect(BilingualContext.scriptName(BilingualContext.languageScripts("en")[0]) == "Latin")
    }
}
