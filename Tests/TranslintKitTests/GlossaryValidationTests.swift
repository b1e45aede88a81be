import Testing
@testable import TranslintKit

/// `glossary validate` catches each kind of problem, found by running the engine on the glossary's own terms.
struct GlossaryValidationTests {
    static func glossary(_ terms: String, ignore: String = "") -> String {
        "version: 1\nsource_language: zh-Hans\ntarget_language: en\n\(ignore)terms:\n" + terms
    }

    static func issues(_ terms: String) -> [GlossaryIssue] {
        do {
            return try GlossaryValidation.issues(in: try GlossaryLoader.load(yaml: glossary(terms), file: "g.yaml"))
        } catch let error as GlossaryError {
            return [GlossaryIssue(level: .error, location: error.location, message: error.message)]
        } catch {
            return []
        }
    }

    @Test("each conflict kind is reported at its entry's line", arguments: [
        // duplicate entries
        ("  - target: Taobao\n  - target: Taobao\n", "g.yaml:6: error: duplicate entry: target 'Taobao' is already the target of the entry at line 5"),
        // a forbidden rendering that is another entry's target
        ("  - target: Xiaomi\n    forbidden: [millet]\n  - target: millet\n", "g.yaml:5: error: forbidden rendering 'millet' is the target of the entry at line 7"),
        // two entries that undo each other
        ("  - target: cat\n    forbidden: [dog]\n  - target: dog\n    forbidden: [cat]\n", "g.yaml:5: error: fix cycle: this entry fixes 'dog' to 'cat', and the entry at line 7 fixes 'cat' back to 'dog'"),
        // a fix another entry undoes: the target holds a rendering another entry forbids
        ("  - target: Sina Weibo\n    forbidden: [micro-blog Sina]\n  - target: Big Corp\n    forbidden: [big Sina]\n",
         "g.yaml:5: error: a fix to 'Sina Weibo' can be undone: in 'big Sina Weibo', the entry for 'Big Corp' at line 7 matches 'big Sina' first and gives 'Big Corp Weibo'"),
        // a rendering that can never match as a word
        ("  - target: Taobao\n    forbidden: [www.amoy.com]\n", "g.yaml:5: error: forbidden rendering 'www.amoy.com' never matches as written"),
        // a rendering that contains another entry's target (a warning)
        ("  - target: Taobaoke\n    forbidden: [Taobao guest]\n  - target: Taobao\n", "g.yaml:5: warning: forbidden rendering 'Taobao guest' contains 'Taobao'"),
        // a failing example
        ("  - target: Taobao\n    forbidden: [Amoy]\n    examples:\n      - text: Amoy grew.\n        fixed: Tmall grew.\n",
         "g.yaml:8: error: example of 'Taobao' with this entry alone: \"Amoy grew.\" gave \"Taobao grew.\", expected \"Tmall grew.\""),
        // an example that must not be flagged, but is
        ("  - target: Taobao\n    forbidden: [Amoy]\n    examples:\n      - text: Amoy grew.\n", "gave \"Taobao grew.\", expected \"Amoy grew.\""),
        ("  - target: Taobao\n    examples:\n      - text: taobao\n", "g.yaml:7: error: example of 'Taobao' with this entry alone: \"taobao\" gave \"Taobao\""),
        // a target that repeats a word: repeated-word would remove half of it
        ("  - target: the the\n    forbidden: [teh teh]\n", "g.yaml:5: error: target 'the the' repeats"),
        // schema errors come from the loader with file:line
        ("  - target: Taobao\n    forbid: [Amoy]\n", "g.yaml:6: error: unknown key 'forbid'"),
        ("  - target: Taobao\n    forbidden: [\"!!\"]\n", "g.yaml:6: error: forbidden rendering '!!' has no letter or digit"),
    ])
    func conflicts(terms: String, expected: String) throws {
        let found = Self.issues(terms).map(\.description)
        #expect(found.contains { $0.hasPrefix(expected) || $0.contains(expected) }, "\(found)")
    }

    @Test("the shipped glossaries have no errors")
    func shipped() throws {
        let merged = try Glossary.merging(try ShippedGlossaryTests.glossaryFiles().map(ShippedGlossaryTests.load))
        let errors = try GlossaryValidation.issues(in: merged).filter { $0.level == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("extract lists both renderings of a term with counts, from the glossary and from frequent n-grams")
    func extract() throws {
        let glossary = try GlossaryLoader.load(yaml: Self.glossary("  - source: 淘宝\n    target: Taobao\n    forbidden: [Amoy]\n"), file: "g.yaml")
        let source = ["淘宝卖家很多。", "他在淘宝买书。", "淘宝很大。", "我爱淘宝。", "电子商务发展快。", "电子商务很重要。", "电子商务公司上市。", "电子商务平台关闭。"]
        let target = ["Amoy has many sellers.", "He buys books on Taobao.", "Taobao is big.", "I love Amoy.",
                      "Electronic commerce grows fast.", "Electronic commerce matters.", "An e-commerce company listed.", "An e-commerce platform closed."]
        let candidates = TermExtractor.extract(source: source, target: target, glossary: glossary, sourceLanguage: "zh-Hans", targetLanguage: "en")
        let taobao = try #require(candidates.first { $0.source == "淘宝" })
        #expect(taobao.occurrences == 4)
        #expect(taobao.renderings.map { "\($0.text)=\($0.count)" } == ["Amoy=2", "Taobao=2"])
        let commerce = try #require(candidates.first { $0.source.contains("电子商务") || $0.source.contains("商务") })
        #expect(Set(commerce.renderings.map(\.text)) == ["electronic commerce", "e-commerce"], "\(commerce)")
        let yaml = TermExtractor.yaml(candidates, sourceLanguage: "zh-Hans", targetLanguage: "en", segments: 8)
        #expect(yaml.contains("# 淘宝: 4 segments (glossary entry at g.yaml:5); 'Amoy' 2× (forbidden), 'Taobao' 2×"))
        _ = try GlossaryLoader.load(yaml: yaml, file: "extract.yaml")   // candidates paste as a glossary
    }
}
