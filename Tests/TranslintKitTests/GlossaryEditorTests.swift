import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TranslintKit

/// `glossary add` keeps every comment and line it does not touch, and refuses changes that break the glossary.
struct GlossaryEditorTests {
    static let fixtures = String(#filePath).components(separatedBy: "/GlossaryEditorTests.swift")[0] + "/Fixtures"

    func original() throws -> String { try String(contentsOfPath: "\(Self.fixtures)/commented.yaml") }

    @Test("three additions to a commented file give the golden file: only the added lines differ")
    func golden() throws {
        var text = try original()
        let additions: [GlossaryEditor.Addition] = [
            .init(source: "电商", target: "e-commerce", forbidden: ["electricity supplier"],
                  examples: [GlossaryExample(text: "An electricity supplier grew.", fixed: "An e-commerce grew.")]),
            .init(target: "Weibo", forbidden: ["micro blog"]),
            .init(source: "淘宝", target: "Taobao", forbidden: ["Amoy"], note: "Amoy is Xiamen",
                  examples: [GlossaryExample(text: "Amoy grew.", fixed: "Taobao grew.")]),
        ]
        for addition in additions { text = try GlossaryEditor.add(addition, to: text, file: "commented.yaml").text }
        let path = "\(Self.fixtures)/commented.added.yaml"
        try assertGolden(path, text)
        // Every original line is still there, in order.
        var rest = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for line in try original().split(separator: "\n", omittingEmptySubsequences: false) where !line.contains("forbidden: [") {
            guard let at = rest.firstIndex(where: { $0 == line }) else {
                Issue.record("line lost: \(line)")
                continue
            }
            rest = rest[(at + 1)...]
        }
        let loaded = try GlossaryLoader.load(yaml: text, file: "x")
        #expect(loaded.entries.map(\.target) == ["e-commerce", "Weibo", "Taobao"])
        #expect(loaded.entries[0].forbidden == ["electricity business", "electricity supplier"])
        #expect(loaded.entries[1].forbidden == ["micro-blog", "micro blog"])
    }

    @Test func anAmbiguousNewEntryWithExamplesThatNeedASource() throws {
        let addition = GlossaryEditor.Addition(source: "小米", target: "Xiaomi", forbidden: ["millet"],
            examples: [GlossaryExample(text: "millet sold out.", fixed: "Xiaomi sold out.", source: "小米卖光了"),
                       GlossaryExample(text: "Eat millet porridge.", fixed: nil)],
            ambiguous: true, context: ["phone", "Lei Jun"])
        let text = try GlossaryEditor.add(addition, to: try original(), file: "commented.yaml").text
        let entry = try #require(try GlossaryLoader.load(yaml: text, file: "g.yaml").entries.first { $0.target == "Xiaomi" })
        #expect(entry.ambiguous == true && entry.context == ["phone", "Lei Jun"])
        #expect(entry.examples.map(\.source) == ["小米卖光了", nil])
        // An existing entry's ambiguity is edited by hand.
        let again = GlossaryEditor.Addition(target: "Xiaomi", forbidden: ["Millet phone"], ambiguous: true)
        #expect(throws: GlossaryEditor.Refusal.self) { try GlossaryEditor.add(again, to: text, file: "commented.yaml") }
    }

    @Test("a CRLF file stays CRLF, and a file without a final newline gets none")
    func lineEndings() throws {
        let crlf = try original().replacingAll("\n", "\r\n")
        let result = try GlossaryEditor.add(.init(target: "Weibo", forbidden: ["microblog"]), to: crlf, file: "c.yaml").text
        #expect(Array(result.utf8).split(separator: 0x0A).allSatisfy { $0.last == 0x0D })
        #expect(result.utf8.filter { $0 == 0x0A }.count == crlf.utf8.filter { $0 == 0x0A }.count + 1)
        let bare = String(try original().dropLast())
        #expect(!(try GlossaryEditor.add(.init(target: "Weibo", forbidden: ["microblog"]), to: bare, file: "c.yaml").text.hasSuffix("\n")))
    }

    @Test("conflicting or useless changes are refused, with the reason", arguments: [
        (GlossaryEditor.Addition(source: "阿里", target: "Alibaba", forbidden: ["Weibo"]), "is the target of the entry at line"),
        (GlossaryEditor.Addition(target: "e-commerce", forbidden: ["Electricity Business"]), "already forbidden"),
        (GlossaryEditor.Addition(source: "电商", target: "online retail"), "source '电商' already has target 'e-commerce'"),
        (GlossaryEditor.Addition(target: "Tmall", forbidden: ["micro-blog shop"], examples: [GlossaryExample(text: "A micro-blog shop.", fixed: "A Weibo shop.")]),
         "example of 'Tmall'"),
        (GlossaryEditor.Addition(target: "E-Commerce"), "has target 'e-commerce'"),
    ])
    func refusals(addition: GlossaryEditor.Addition, reason: String) throws {
        do {
            _ = try GlossaryEditor.add(addition, to: try original(), file: "commented.yaml")
            Issue.record("accepted \(addition.target)")
        } catch let refusal as GlossaryEditor.Refusal {
            #expect(refusal.description.contains(reason), "\(refusal.description)")
        }
    }
}
