import Testing
@testable import TranslintKit
import TranslintTestSupport

/// Renderings the glossary does not list, derived from those it does: variants of listed renderings and the
/// literal readings of a name's characters.
struct DerivedRenderingsTests {
    static let yaml = """
    version: 1
    source_language: zh-Hans
    target_language: en
    terms:
      - source: 微信
        target: WeChat
        forbidden: [micro letter]
      - source: 电商
        target: e-commerce
        forbidden: [electricity supplier, electric-business]
      - source: 借呗
        target: Jiebei
        forbidden: [borrow chant, {text: Ant Borrow, ambiguous: true}]
        context: [Alipay, Huabei]
      - source: 快的
        target: Kuaidi
      - source: 红米
        target: Redmi
        forbidden: [{text: Hongmi, ambiguous: true}]
        context: [Xiaomi, phones]
      - source: 新浪
        target: Sina
      - source: 网贷
        target: online lending
    readings:
      借: [borrow, borrowing]
      呗: [chant, bud]
      快: [fast, quick]
      的: ["-"]
      红: [red]
      米: [rice, meter]
      网: [net]
      贷: [loan]
      新: [new]
      浪: [wave]
    """

    static func derived() throws -> Glossary {
        DerivedRenderings.apply(to: try GlossaryLoader.load(yaml: yaml, file: "t.yaml"))
    }

    static func renderings(_ glossary: Glossary, _ target: String) -> [String: RenderingOrigin?] {
        let entry = glossary.entries.first { $0.target == target }!
        return Dictionary(uniqueKeysWithValues: entry.forbidden.indices.map { (entry.forbidden[$0], entry.origin($0)) })
    }

    @Test("a listed rendering of two words or more gains its hyphenated, spaced, closed and plural forms")
    func variants() throws {
        let glossary = try Self.derived()
        let wechat = Self.renderings(glossary, "WeChat")
        #expect(wechat["micro letter"]! == nil)
        #expect(wechat["micro-letter"]! == .variant(of: "micro letter", plural: false))
        #expect(wechat["microletter"] == nil)   // closed up, `micro blog` would be the word `microblog`
        #expect(wechat["micro letters"]! == .variant(of: "micro letter", plural: true))
        #expect(wechat["micro-letters"]! == .variant(of: "micro letter", plural: true))
        let commerce = Self.renderings(glossary, "e-commerce")
        #expect(commerce["electric business"]! == .variant(of: "electric-business", plural: false))
        #expect(commerce["electricity suppliers"]! == .variant(of: "electricity supplier", plural: true))
        #expect(DerivedRenderings.plural("company") == "companies" && DerivedRenderings.plural("box") == "boxes")
        #expect(DerivedRenderings.plural("business") == nil && DerivedRenderings.plural("key") == "keys")
        #expect(DerivedRenderings.variants(of: "millet").isEmpty)
    }

    @Test("a name's characters read literally give ambiguous renderings of two words or more")
    func readings() throws {
        let glossary = try Self.derived()
        let jiebei = Self.renderings(glossary, "Jiebei")
        #expect(jiebei["borrow bud"]! == .reading("借 borrow + 呗 bud"))
        // A gerund only where the readings list one (MT reads 借 as `borrowing`, never 红 as `reding`).
        #expect(jiebei["borrowing bud"]! == .reading("借 borrowing + 呗 bud"))
        #expect(jiebei["borrowing buds"]! == .reading("借 borrowing + 呗 bud"))
        #expect(jiebei["borrow chant"]! == nil)   // listed, not derived again
        let redmi = Self.renderings(glossary, "Redmi")
        #expect(Set(redmi.keys).isSuperset(of: ["red rice", "red meter", "red-meter", "red meters"]))
        // An entry without context words of its own derives no readings: `new wave` near `Sina` is ordinary English.
        #expect(Self.renderings(glossary, "Sina").isEmpty)
        #expect(!DerivedRenderings.variants(of: "beat the new").contains { $0.1 } && DerivedRenderings.plural("new") == nil)
        let entry = glossary.entries.first { $0.target == "Redmi" }!
        #expect(entry.forbidden.indices.allSatisfy { entry.isAmbiguous($0) })
        // One word after a dropped character is too common to derive (快的 → fast); a lowercase target is a
        // generic term whose literal reading may be right (网贷 → net loan).
        #expect(Self.renderings(glossary, "Kuaidi").isEmpty)
        #expect(Self.renderings(glossary, "online lending").isEmpty)
    }

    @Test("deriving twice changes nothing, and nothing derived is another entry's term")
    func idempotentAndConflictFree() throws {
        let once = try Self.derived()
        let twice = DerivedRenderings.apply(to: once)
        #expect(twice.entries == once.entries)
        var owners: [String: String] = [:]
        for entry in once.entries {
            for term in [entry.target] + entry.forbidden {
                let key = String(decoding: CaseMapping.fold(term), as: UTF8.self)
                #expect(owners[key] == nil, "\(term) belongs to \(owners[key] ?? "") and \(entry.target)")
                owners[key] = entry.target
            }
        }
    }

    @Test("a derived reading needs evidence in its paragraph or source; then a warning with a suggested fix")
    func readingEvidence() throws {
        let engine = LintEngine(glossary: try GlossaryLoader.load(yaml: Self.yaml, file: "t.yaml"))
        #expect(try engine.lint("A red meter hung on the wall.").isEmpty)
        #expect(try engine.lint("Redmi phones\n\nA red meter hung on the wall.").isEmpty)
        // The target alone is no evidence for a derived reading; a context word of the entry is.
        #expect(try engine.lint("Redmi put a red meter on the wall.").isEmpty)
        let found = try engine.lint("Xiaomi sold red meter phones.")
        let finding = try #require(found.first)
        #expect(finding.rule == "mistranslation" && finding.severity == .warning)
        #expect(finding.fix?.applicability == .suggested)
        #expect(finding.message.contains("红 red + 米 meter"))
        let bilingual = try engine.lint(source: "借呗增长了", target: "The borrowing buds grew.")
        #expect(bilingual.map(\.rule) == ["mistranslation"])
        #expect(try engine.lint(source: "花开了", target: "The borrowing buds grew.").isEmpty)
    }

    @Test("readings are data: lowercase words or '-', and a file may hold only readings")
    func readingsFormat() throws {
        let only = try GlossaryLoader.load(yaml: "version: 1\nsource_language: zh-Hans\ntarget_language: en\nreadings:\n  米: [rice]\n", file: "r.yaml")
        #expect(only.readings == ["米": ["rice"]] && only.entries.isEmpty)
        #expect(throws: GlossaryError.self) {
            try GlossaryLoader.load(yaml: "version: 1\nsource_language: zh-Hans\ntarget_language: en\nreadings:\n  米: [Rice]\n", file: "r.yaml")
        }
        #expect(throws: GlossaryError.self) {
            try GlossaryLoader.load(yaml: "version: 1\nsource_language: zh-Hans\ntarget_language: en\nreadings: [rice]\n", file: "r.yaml")
        }
        let merged = try Glossary.merging([only, try GlossaryLoader.load(yaml: "version: 1\nsource_language: zh-Hans\ntarget_language: en\nreadings:\n  米: [rice, meter]\n", file: "s.yaml")])
        #expect(merged.readings == ["米": ["rice", "meter"]])
    }
}
