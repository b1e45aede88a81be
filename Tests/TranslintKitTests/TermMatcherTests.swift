import Testing
@testable import TranslintKit

struct TermMatcherTests {
    private func matches(_ text: String, _ glossary: Glossary = ExampleGlossary.glossary) throws -> [String] {
        let linter = LintEngine(glossary: glossary, rules: [MistranslationCheck(), TermCaseCheck()])
        let bytes = Array(text.utf8)
        return try linter.lint(text).map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
    }

    private func entries(_ yaml: String) throws -> Glossary {
        try GlossaryLoader.load(yaml: "version: 1\nsource_language: en\ntarget_language: zh-Hans\nterms:\n" + yaml, file: "t.yaml")
    }

    @Test func matchesOnWordBoundariesOnly() throws {
        #expect(try matches("Ali, Alibaba, Alipay, Alison and ALI.") == ["Ali", "ALI"])
        #expect(try matches("Ali's plan. Ali’s plan.") == ["Ali", "Ali"])
        // `micro-blogs` is the plural the compiled glossary derives from `micro-blog`; `micro-blogger` is another word.
        #expect(try matches("The micro-blog’s users; micro-blogger; micro-blogs.") == ["micro-blog", "micro-blogs"])
    }

    @Test func matchesCaseInsensitivelyWithUnicodeFolding() throws {
        let glossary = try entries("  - target: 咖啡馆\n    forbidden: [café society]\n")
        #expect(try matches("CAFÉ SOCIETY and Café Society.", glossary) == ["CAFÉ SOCIETY", "Café Society"])
    }

    @Test func caseSensitiveEntriesMatchOnlyAsWritten() throws {
        let glossary = try entries("  - target: Xiaomi\n    forbidden: [Millet]\n    case_sensitive: true\n")
        #expect(try matches("Millet phones and millet porridge and MILLET.", glossary) == ["Millet"])
    }

    @Test func quotesNextToTheSpaceInsideARenderingDoNotStopIt() throws {
        let glossary = try entries("""
          - target: Singles' Day
            forbidden: [double eleven, double 11]
          - target: WeChat
            forbidden: [micro letter]
          - target: Sina Weibo
        """)
        let engine = LintEngine(glossary: glossary, rules: [MistranslationCheck(), TermCaseCheck()])
        // The quote that closes (or opens) the one skipped is taken in, so the fix leaves no half pair.
        #expect(try matches("On double ‘eleven’ and double \"11\", use \"micro\" letter.", glossary)
                == ["double ‘eleven’", "double \"11\"", "\"micro\" letter"])
        #expect(try engine.fix("Sales on double ‘eleven broke records.").fixed == "Sales on Singles' Day broke records.")
        #expect(try engine.fix("Sales on “double” eleven.").fixed == "Sales on Singles' Day.")
        // A quote that is not next to the space inside the term still stops it; targets are not read across quotes.
        #expect(try matches("double-‘eleven and Sina ‘Weibo’.", glossary) == [])
        // A rendering that spells its quote matches as written.
        #expect(try matches("Singles' Day and Singles’ Day.", glossary) == [])
    }

    @Test func aLongerRenderingWithAnotherMeaningWins() throws {
        let glossary = try entries("""
          - target: Taobao
            forbidden: [Amoy]
          - target: cross-border online shopping
            forbidden: [sea Amoy]
        """)
        let engine = LintEngine(glossary: glossary, rules: [MistranslationCheck()])
        #expect(try engine.fix("Mothers buy by sea Amoy, not on Amoy.").fixed == "Mothers buy by cross-border online shopping, not on Taobao.")
    }

    @Test func longestMatchWinsAtTheSameStart() throws {
        #expect(try matches("The mistakes of micro-blog Sina and micro-blog.") == ["micro-blog Sina", "micro-blog"])
    }

    @Test func termsMatchAcrossALineBreakButNotAcrossAParagraph() throws {
        #expect(try matches("The mistakes of micro-blog\nSina and micro-blog\r\n  Sina.") == ["micro-blog\nSina", "micro-blog\r\n  Sina"])
        #expect(try matches("The mistakes of micro-blog\n\nSina.") == ["micro-blog"])
        #expect(try LintEngine(glossary: ExampleGlossary.glossary).fix("Copied micro-blog\nSina.").fixed == "Copied Sina Weibo.")
    }

    @Test func urlsAndEmailAddressesAreNeverMatched() throws {
        #expect(try matches("See https://example.com/ali/micro-blog?q=Amoy and www.amoy.com or ali@amoy.com now.").isEmpty)
        #expect(try matches("See https://example.com. Ali agreed.") == ["Ali"])
    }

    @Test func cjkTermsMatchOnTextNotOnIcuWords() throws {
        // ICU has no dictionary entry for most names, so a CJK term inside running text must still match.
        let glossary = try entries("  - target: 电子商务\n    forbidden: [电力业务]\n  - target: 淘宝\n    forbidden: [阿莫伊]\n")
        #expect(try matches("这是一家电力业务公司，阿莫伊卖家。", glossary) == ["电力业务", "阿莫伊"])
    }

    @Test func theWholeGlossaryIsOneAutomaton() throws {
        let linter = LintEngine(glossary: ExampleGlossary.glossary)
        // Every forbidden rendering, listed or derived, and every target (each of these targets is enforced or has a hyphen).
        let patterns = CompiledGlossary(ExampleGlossary.glossary).glossary.entries.reduce(0) { $0 + 1 + $1.forbidden.count }
        #expect(patterns > ExampleGlossary.glossary.entries.reduce(0) { $0 + 1 + $1.forbidden.count })
        #expect(linter.matcher.patternCount == patterns)
    }

    @Test func aSingleWordTargetNeedNotClaimItsText() throws {
        // "commerce" (no enforced case, one word) is left out of the trie; "e-commerce" claims its text.
        let glossary = try entries("  - target: commerce\n    forbidden: [comerce]\n  - target: e-commerce\n    forbidden: [e-comerce]\n  - target: trade\n    forbidden: [commerce trade]\n")
        let linter = LintEngine(glossary: glossary)
        // comerce, e-comerce, e-commerce, commerce trade, and the variants derived from the last two (e comerce,
        // e-comerces, e comerces; commerce-trade, commerce trades, commerce-trades).
        #expect(linter.matcher.patternCount == 10)
        #expect(try matches("comerce, e-comerce, commerce trade, e-commerce trade", glossary) == ["comerce", "e-comerce", "commerce trade"])
    }

    @Test func manyTermsStillMatchExactlyTheRightOnes() throws {
        // 5,000 generated entries whose forbidden renderings overlap one another's prefixes and suffixes.
        var yaml = ""
        for i in 0..<5000 { yaml += "  - target: T\(i)x\n    forbidden: [w\(i)a, w\(i)a b\(i)]\n" }
        let glossary = try entries(yaml)
        #expect(try matches("w17a b17 w17a w170a w4999a b4999 xw12a", glossary) == ["w17a b17", "w17a", "w170a", "w4999a b4999"])
    }
}
