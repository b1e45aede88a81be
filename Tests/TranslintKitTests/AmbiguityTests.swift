import Testing
import Foundation
@testable import TranslintKit

/// Ambiguous renderings (issue 11): `Ali` the name and `millet` the grain are flagged only with evidence: the aligned
/// source holds the entry's source term, or (without a source) a context word occurs in the same paragraph.
struct AmbiguityTests {
    static let shipped: Glossary = {
        let folder = "\(ShippedGlossaryTests.root)/glossaries/zh-en"
        let files = ShippedGlossaryTests.glossaryFiles()
        precondition(!files.isEmpty, "no glossaries in \(folder)")
        return try! Glossary.merging(files.map(ShippedGlossaryTests.load))
    }()

    static let engine = LintEngine(glossary: shipped)

    static func mistranslations(_ findings: [Finding]) -> [Finding] { findings.filter { $0.rule == MistranslationCheck.description.id } }

    @Test("names and the grain are not flagged without evidence", arguments: [
        "Thanks to Ali Saidi for the patch.",
        "Muhammad Ali boxed in Zaire.",
        "Eat millet porridge for breakfast.",
        "Ali said so.",
        "(dbus!203, Zeeshan Ali)",
    ])
    func monolingualWithoutContext(text: String) throws {
        let (fixed, findings) = try Self.engine.fix(text)
        #expect(Self.mistranslations(findings).isEmpty, "\(findings.map(\.message))")
        #expect(fixed == text)
    }

    @Test func withoutContextAliIsAtMostInfoAndNeverFixed() throws {
        let text = "Ali said so in a statement."
        let findings = try Self.engine.lint(text)
        #expect(findings.allSatisfy { $0.severity <= .info || $0.rule != MistranslationCheck.description.id })
        #expect(try Self.engine.fix(text).fixed == text)
    }

    @Test("a source with 阿里 or 小米 is certain evidence: flagged and fixed", arguments: [
        ("感谢阿里·赛义迪", "Thanks to Ali Saidi.", "Thanks to Alibaba Saidi."),
        ("穆罕默德·阿里", "Muhammad Ali said so.", "Muhammad Alibaba said so."),
        ("小米粥", "millet porridge", "Xiaomi porridge"),
        ("阿里说", "Ali said so.", "Alibaba said so."),
    ])
    func bilingualWithTheSourceTerm(source: String, target: String, fixed: String) throws {
        let findings = Self.mistranslations(try Self.engine.lint(source: source, target: target))
        #expect(findings.count == 1 && findings.first?.severity == .error, "\(findings.map(\.message))")
        #expect(try Self.engine.fix(source: source, target: target) == fixed)
    }

    @Test func bilingualWithoutTheSourceTermIgnoresContextWords() throws {
        // The source has no 阿里: certain evidence that Ali is a name here, Taobao nearby or not.
        #expect(Self.mistranslations(try Self.engine.lint(source: "淘宝感谢赛义迪", target: "Taobao thanks Ali Saidi.")).isEmpty)
        #expect(Self.mistranslations(try Self.engine.lint(source: "早餐吃粥", target: "Breakfast: millet porridge and a phone.")).isEmpty)
    }

    @Test func contextWordsInTheSameParagraphAreEvidence() throws {
        let (fixed, findings) = try Self.engine.fix("Ali and Taobao grew.\n\nAli Saidi sent a patch.\n")
        // The second paragraph has no evidence of its own, only its neighbour's: a warning whose fix is only
        // suggested, so --fix leaves it.
        let found = Self.mistranslations(findings)
        #expect(found.map(\.severity) == [.error, .warning])
        #expect(found.map { $0.fix?.applicability } == [.safe, .suggested])
        #expect(fixed == "Alibaba and Taobao grew.\n\nAli Saidi sent a patch.\n")
        #expect(try Self.engine.fix("Phones by millet sold out; millet phones too.").fixed == "Phones by Xiaomi sold out; Xiaomi phones too.")
    }

    /// What a fix writes is never new evidence: the paragraph is read as `--fix` leaves it, so a second `--fix`
    /// finds nothing. `Ali cloud` reads as `Alibaba Cloud` (evidence for `Ali`), and `Ali`, once it has evidence,
    /// reads as `Alibaba` (evidence for `electricity providers`), however far apart they are.
    @Test("evidence is read from the paragraph as fixed", arguments: [
        ("Ali spoke first, and then, after a long story about many other things that went on and on, the Ali cloud grew.",
         "Alibaba spoke first, and then, after a long story about many other things that went on and on, the Alibaba Cloud grew."),
        ("Jack Ma's Ali grew, and much later, after a long story about many other things that went on, electricity providers sold.",
         "Jack Ma's Alibaba grew, and much later, after a long story about many other things that went on, e-commerce sold."),
    ])
    func evidenceFromFixesIsThereBeforeTheFix(text: String, expected: String) throws {
        let (fixed, _) = try Self.engine.fix(text)
        #expect(fixed == expected)
        #expect(try Self.engine.fix(fixed).fixed == fixed)
    }

    /// A target that a fix writes and no check reports (`WeChat Pay`) is no evidence about its words: `Pay` inside
    /// it does not make `pay` a word the text capitalizes, so the lowercase starts stay as the first fix left them.
    @Test func aTargetAFixWritesIsNoNameEvidence() throws {
        let text = "We use micro-letter payment daily, and then we go on about other things for a long while here.\n"
            + "Beijing, pay the bill. pay the bill. pay the bill. pay attention.\n"
        let (fixed, _) = try Self.engine.fix(text)
        #expect(fixed.contains("WeChat Pay"))
        #expect(try Self.engine.fix(fixed).fixed == fixed)
    }

    @Test func poUnitsUseTheirSource() throws {
        let po = """
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Language: en\\n"

        msgid "阿里巴巴和淘宝"
        msgstr "Ali and Taobao"

        msgid "致谢"
        msgstr "Thanks to Ali Saidi"

        """
        let (result, fixed) = try Self.engine.run(po, kind: .bilingual(.po, includeFuzzy: false), path: "t.po")
        #expect(result.findings.filter { $0.finding.rule == MistranslationCheck.description.id }.map(\.line) == [7])
        #expect(fixed.contains("msgstr \"Alibaba and Taobao\"") && fixed.contains("msgstr \"Thanks to Ali Saidi\""))
    }

    @Test func unambiguousRenderingsOfAnAmbiguousEntryBehaveAsBefore() throws {
        #expect(try Self.engine.fix("He read Ali Baba today.").fixed == "He read Alibaba today.")
    }

    @Test func theSchemaRoundTripsThroughTBXAndYAML() throws {
        let entry = Self.shipped.entries.first { $0.target == "Alibaba" }!
        #expect(entry.isAmbiguous(entry.forbidden.firstIndex(of: "Ali")!))
        #expect(!entry.isAmbiguous(entry.forbidden.firstIndex(of: "Ali Baba")!))
        let one = Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en",
                           entries: [entry, Self.shipped.entries.first { $0.target == "Xiaomi" }!])
        for text in [TBXGlossary.write(one), YAMLGlossaryWriter.write(one)] {
            let back = text.hasPrefix("<?xml") ? try TBXGlossary.load(Array(text.utf8), file: "t.tbx") : try GlossaryLoader.load(yaml: text, file: "t.yaml")
            #expect(back.entries.map(\.renderings) == one.entries.map(\.renderings))
            #expect(back.entries.map(\.context) == one.entries.map(\.context))
            #expect(back.entries.map(\.ambiguous) == one.entries.map(\.ambiguous))
            #expect(back.entries.map { $0.examples.map(\.source) } == one.entries.map { $0.examples.map(\.source) })
        }
        // A spreadsheet holds the entry's ambiguity, not one rendering's.
        let xiaomi = Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en", entries: [one.entries[1]])
        let csv = try CSVGlossary.load(try CSVGlossary.write(xiaomi), file: "t.csv")
        #expect(csv.entries[0].ambiguous == true && csv.entries[0].context == one.entries[1].context)
        #expect(csv.entries[0].examples.map(\.source) == one.entries[1].examples.map(\.source))
        let ali = try CSVGlossary.load(try CSVGlossary.write(Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en", entries: [entry])), file: "t.csv")
        #expect(ali.entries[0].renderings == entry.renderings && ali.entries[0].context == entry.context)
        var own = entry
        own.renderings["Ali"]?.context = ["Hangzhou"]
        #expect(throws: GlossaryError.self) { try CSVGlossary.write(Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en", entries: [own])) }
    }

    @Test func contextWithoutAmbiguityIsRefused() throws {
        let yaml = "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms:\n  - target: Alibaba\n    forbidden: [Ali]\n    context: [Taobao]\n"
        #expect { try GlossaryLoader.load(yaml: yaml, file: "g.yaml") } throws: { ($0 as? GlossaryError)?.location?.line == 7 }
    }

    @Test func validateWarnsAboutCommonWordsAndNamesNotMarked() throws {
        let yaml = """
        version: 1
        source_language: zh-Hans
        target_language: en
        terms:
          - target: Alibaba
            forbidden: [Ali]
          - target: Xiaomi
            forbidden: [millet]
          - target: Taobao
            forbidden: [Amoy]
          - target: Baidu
            forbidden: [hundred]
            ambiguous: false
        """
        let words = WordList(Array("Ali\nmillet\nhundred\ncat\n".utf8))
        let issues = try GlossaryValidation.issues(in: try GlossaryLoader.load(yaml: yaml, file: "g.yaml"), words: words)
        #expect(issues.map(\.description) == [
            "g.yaml:5: warning: forbidden rendering 'Ali' is a name (a person or a place) ('Ali' in the word list): mark it 'ambiguous: true' with 'context' words, or 'ambiguous: false' if it is always wrong here",
            "g.yaml:7: warning: forbidden rendering 'millet' is a common English word ('millet' in the word list): mark it 'ambiguous: true' with 'context' words, or 'ambiguous: false' if it is always wrong here",
        ])
    }

    @Test func theWordListReadsCRLFAndNonASCIILines() throws {
        let words = WordList(Array("Ali\r\nmillet\r\nÉcole\nécole\nAmoyx\n".utf8))
        #expect(words.forms(of: ["ali", "millet", "école", "amoy"]) == ["ali": ["Ali"], "millet": ["millet"], "école": ["École", "école"]])
    }

    @Test func ambiguousEntriesNeedBothKindsOfExample() throws {
        let yaml = "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms:\n  - source: 阿里\n    target: Alibaba\n    forbidden: [Ali]\n    ambiguous: true\n    examples:\n      - text: Ali said so.\n"
        let issues = try GlossaryValidation.issues(in: try GlossaryLoader.load(yaml: yaml, file: "g.yaml"))
        #expect(issues.map(\.level) == [.warning] && issues.first?.message.contains("ambiguous rendering") == true)
    }

    @Test func validationWorkGrowsLinearlyWithARenderingsLength() throws {
        // Issue 9: a 1,000-word rendering took 30–45 s (cubic). Count the words hashed instead of timing.
        func work(_ n: Int) throws -> Int {
            let rendering = (0..<n).map { $0 % 7 == 0 ? "Taobao" : "w\($0)" }.joined(separator: " ")
            let glossary = Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en", entries: [
                GlossaryEntry(target: "Taobao", forbidden: ["Amoy"]),
                GlossaryEntry(target: "Sina Weibo", forbidden: ["micro-blog Sina"]),
                GlossaryEntry(target: "long", forbidden: [rendering]),
            ])
            let index = GlossaryValidation.WordIndex(glossary)
            var steps = index.steps
            #expect(index.targets(within: rendering, steps: &steps) == [0])
            _ = index.restIsForbidden(rendering, without: "Taobao", steps: &steps)
            return steps
        }
        let small = try work(1_000), large = try work(8_000)
        #expect(large <= small * 9, "8× the words took \(Double(large) / Double(small))× the work")
        // And the whole validation of the 1,000-word rendering finishes (it took 30–45 s).
        let rendering = (0..<1_000).map { "w\($0)" }.joined(separator: " ")
        let glossary = Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en", entries: [GlossaryEntry(target: "long", forbidden: [rendering])])
        #expect(try GlossaryValidation.issues(in: glossary).isEmpty)
    }
}
