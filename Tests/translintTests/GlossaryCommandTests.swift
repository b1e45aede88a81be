import Foundation
import TranslintKit
import Testing

/// `translint glossary …` as users run it, and lint with TBX and CSV glossaries.
@Suite(.serialized)
struct GlossaryCommandTests {
    static let good = """
        version: 1
        source_language: zh-Hans
        target_language: en
        terms:
          - source: 淘宝
            target: Taobao
            forbidden: [Amoy]
            examples:
              - text: Amoy grew.
                fixed: Taobao grew.
        """

    @Test("validate and test pass on the shipped glossaries; validate exits 1 with file:line on a broken one, 2 on a missing file")
    func validateAndTest() throws {
        let validate = try CLI.run(["glossary", "validate", CLI.glossary])
        #expect(validate.status == 0)
        #expect(validate.out.contains("0 errors"))
        let test = try CLI.run(["glossary", "test", CLI.glossary])
        #expect(test.status == 0)
        #expect(test.out.hasSuffix("entries: all passed\n"))
        // The shipped glossaries know the field: at least 250 entries, each with its examples run.
        let entries = test.out.split(separator: " ").firstIndex(of: "entries:").flatMap { Int(test.out.split(separator: " ")[$0 - 1]) }
        #expect((entries ?? 0) >= 250, "\(test.out)")

        let root = try CIFeatureTests.project([
            "bad.yaml": Self.good.replacingOccurrences(of: "fixed: Taobao grew.", with: "fixed: Tmall grew."),
            "conflict.yaml": Self.good + "\n  - target: Amoy\n",
        ])
        let bad = try CLI.run(["glossary", "validate", "bad.yaml", "conflict.yaml"], in: root)
        #expect(bad.status == 1)
        #expect(bad.out.contains("bad.yaml:9: error: example of 'Taobao' with this entry alone: \"Amoy grew.\" gave \"Taobao grew.\", expected \"Tmall grew.\""))
        #expect(bad.out.contains("conflict.yaml:5: error: forbidden rendering 'Amoy' is the target of the entry at line 11"))
        let failing = try CLI.run(["glossary", "test", "bad.yaml"], in: root)
        #expect(failing.status == 1)
        #expect(failing.out.contains("bad.yaml:9: FAIL example of 'Taobao'"))
        #expect(try CLI.run(["glossary", "validate", "missing.yaml"], in: root).status == 2)
    }

    @Test("validate counts the derived renderings and lists them with --derived: variants and character readings")
    func validateDerived() throws {
        let root = try CIFeatureTests.project([
            "g.yaml": """
                version: 1
                source_language: zh-Hans
                target_language: en
                readings:
                  红: [red]
                  米: [rice, meter]
                terms:
                  - source: 红米
                    target: Redmi
                    forbidden: [red rice]
                    context: [Xiaomi]
                  - source: 电商
                    target: e-commerce
                    forbidden: [electricity supplier]
                """,
        ])
        let plain = try CLI.run(["glossary", "validate", "g.yaml"], in: root)
        #expect(plain.status == 0, "\(plain.out)")
        // red-rice, red rices, red-rices; electricity-supplier, electricity suppliers, electricity-suppliers; the
        // reading red meter, red-meter, red meters, red-meters (red rice is listed).
        #expect(plain.out.contains("derived: 6 variants (4 plural) and 4 character readings of 1 entry (list them with --derived)"), "\(plain.out)")
        #expect(!plain.out.contains("→"))
        let listed = try CLI.run(["glossary", "validate", "g.yaml", "--derived"], in: root)
        #expect(listed.out.contains("g.yaml:8: 'red meter' → 'Redmi' (红 red + 米 meter)"), "\(listed.out)")
        #expect(listed.out.contains("g.yaml:12: 'electricity suppliers' → 'e-commerce' (plural of 'electricity supplier')"), "\(listed.out)")
        #expect(listed.out.contains("g.yaml:8: 'red-rice' → 'Redmi' (variant of 'red rice')"), "\(listed.out)")
    }

    @Test("lint refuses a glossary whose examples fail, and writes nothing")
    func lintRefusesFailingExamples() throws {
        let root = try CIFeatureTests.project([
            "bad.yaml": Self.good.replacingOccurrences(of: "fixed: Taobao grew.", with: "fixed: Tmall grew."),
            "a.txt": "The Amoy shop.\n",
        ])
        let result = try CLI.run(["lint", "a.txt", "--glossary", "bad.yaml", "--fix"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("translint: error: bad.yaml:9: glossary example fails: example of 'Taobao'"))
        #expect(try String(contentsOf: root.appendingPathComponent("a.txt"), encoding: .utf8) == "The Amoy shop.\n")
    }

    @Test("add extends a glossary file in place and refuses a conflicting entry without writing")
    func add() throws {
        let root = try CIFeatureTests.project(["g.yaml": "# my terms\n" + Self.good + "\n"])
        let added = try CLI.run(["glossary", "add", "g.yaml", "--source", "电商", "--target", "e-commerce", "--forbid", "electricity business",
                                 "--example", "The electricity business grew.=>The e-commerce grew."], in: root)
        #expect(added.status == 0)
        #expect(added.out == "g.yaml: added an entry for 'e-commerce' (line 13)\n")
        let text = try String(contentsOf: root.appendingPathComponent("g.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("# my terms\n" + Self.good + "\n\n  - source: 电商\n    target: e-commerce\n"))
        let refused = try CLI.run(["glossary", "add", "g.yaml", "--target", "Tmall", "--forbid", "e-commerce"], in: root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused: the glossary would not load: g.yaml:"))
        #expect(try String(contentsOf: root.appendingPathComponent("g.yaml"), encoding: .utf8) == text)
    }

    @Test("extract with no candidate writes a glossary that loads; add does not write an example the entry has")
    func extractEmptyAndAddTwice() throws {
        let root = try CIFeatureTests.project(["s.txt": "一\n二\n", "t.txt": "one\ntwo\n", "g.yaml": Self.good + "\n"])
        let extract = try CLI.run(["glossary", "extract", "--source", "s.txt", "--target", "t.txt"], in: root)
        #expect(extract.status == 0)
        #expect(throws: Never.self) { try GlossaryLoader.load(yaml: extract.out, file: "extracted.yaml") }
        let added = try CLI.run(["glossary", "add", "g.yaml", "--target", "Taobao", "--forbid", "Tao Bao", "--example", "Amoy grew.=>Taobao grew."], in: root)
        #expect(added.status == 0, "\(added.stderr)")
        let text = try String(contentsOf: root.appendingPathComponent("g.yaml"), encoding: .utf8)
        #expect(text.components(separatedBy: "text: Amoy grew.").count == 2, "\(text)")
    }

    @Test("add refuses a second entry for a target another file of the set has, and names that file")
    func addAcrossTheSet() throws {
        let root = try CIFeatureTests.project(["set/companies.yaml": Self.good + "\n",
                                               "set/ecommerce.yaml": "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms: []\n"])
        let before = try String(contentsOf: root.appendingPathComponent("set/ecommerce.yaml"), encoding: .utf8)
        let refused = try CLI.run(["glossary", "add", "set/ecommerce.yaml", "--target", "Taobao", "--forbid", "Tao Bao"], in: root)
        #expect(refused.status == 1 && refused.stderr.contains("set/companies.yaml:5"), "\(refused.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("set/ecommerce.yaml"), encoding: .utf8) == before)
        #expect(try CLI.run(["glossary", "add", "set/companies.yaml", "--target", "Taobao", "--forbid", "Tao Bao"], in: root).status == 0)
    }

    @Test("convert writes TBX and CSV that lint uses directly with --glossary, and reads them back")
    func convertAndLint() throws {
        let (folder, _) = try CLI.sandbox()
        let glossary = CLI.root.appendingPathComponent("glossaries/zh-en/companies.yaml").path
        let holdable = CSVGlossary.canHold(try GlossaryLoader.load(yaml: String(contentsOfFile: glossary, encoding: .utf8), file: "c"))
        for format in ["tbx", "csv", "tsv"] {
            // A spreadsheet cannot hold what one rendering says alone: convert refuses such a glossary, with the
            // entry's file:line, rather than lose it.
            if format != "tbx" && !holdable {
                let refused = try CLI.run(["glossary", "convert", glossary, "companies.\(format)"], in: folder)
                #expect(refused.status == 2 && refused.stderr.contains("a spreadsheet has no place"), "\(refused.stderr)")
                continue
            }
            let convert = try CLI.run(["glossary", "convert", glossary, "companies.\(format)"], in: folder)
            #expect(convert.status == 0, "\(convert.stderr)")
            let lint = try CLI.run(["lint", "docs/article.txt", "--glossary", "companies.\(format)", "--format", "json"], in: folder)
            let yamlLint = try CLI.run(["lint", "docs/article.txt", "--glossary", glossary, "--format", "json"], in: folder)
            #expect(lint.status == 1)
            #expect(lint.stdout == yamlLint.stdout)
            let back = try CLI.run(["glossary", "convert", "companies.\(format)", "-"], in: folder)
            let normalized = try CLI.run(["glossary", "convert", glossary, "-"], in: folder)
            #expect(back.out == normalized.out)
        }
        let stats = try CLI.run(["glossary", "stats", "companies.tbx"], in: folder)
        let shipped = try GlossaryLoader.load(yaml: String(contentsOfFile: CLI.root.appendingPathComponent("glossaries/zh-en/companies.yaml").path, encoding: .utf8), file: "c")
        #expect(stats.out.contains("companies.tbx: \(shipped.entries.count) entries"))
        let list = try CLI.run(["glossary", "list", glossary])
        #expect(list.out.hasPrefix("\(glossary):7: 阿里 → Alibaba  (not: Ali, Ali Baba)"))
    }

    @Test("the README's glossary example is a valid glossary whose examples pass")
    func readmeExample() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Glossary format"))
        let open = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        let folder = try CIFeatureTests.project(["example.yaml": String(readme[open.upperBound..<close.lowerBound])])
        let validate = try CLI.run(["glossary", "validate", "example.yaml"], in: folder)
        #expect(validate.status == 0, "\(validate.out)\(validate.stderr)")
        let test = try CLI.run(["glossary", "test", "example.yaml"], in: folder)
        #expect(test.status == 0 && test.out.contains("all passed"), "\(test.out)\(test.stderr)")
    }

    @Test("list without files names the shipped sets that --glossary accepts, with their entry counts")
    func listShipped() throws {
        let shipped = try CLI.run(["glossary", "list"])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        let line = try #require(shipped.out.split(separator: "\n").first { $0.hasPrefix("zh-en  ") }, "\(shipped.out)")
        let path = CLI.root.appendingPathComponent("glossaries/zh-en").path
        let entries = try CLI.run(["glossary", "list", path]).out.split(separator: "\n").count
        #expect(entries > 400)
        #expect(line.hasPrefix("zh-en  zh-Hans → en  \(entries) entries  /"))
        #expect(line.hasSuffix("glossaries/zh-en"))
        let named = try CLI.run(["glossary", "list", "zh-en"])
        #expect(named.out.split(separator: "\n").count == entries)
    }

    @Test("extract lists a term rendered two ways, with counts, as YAML candidates")
    func extract() throws {
        let root = try CIFeatureTests.project([
            "zh.txt": "淘宝卖家很多。\n他在淘宝买书。\n淘宝很大。\n",
            "en.txt": "Amoy has many sellers.\nHe buys books on Taobao.\nTaobao is big.\n",
            "uneven.txt": "One line.\n",
        ])
        let result = try CLI.run(["glossary", "extract", "--source", "zh.txt", "--target", "en.txt",
                                  "--glossary", CLI.root.appendingPathComponent(CLI.glossary).path], in: root)
        #expect(result.status == 0)
        #expect(result.out.contains("# 淘宝: 3 segments (glossary entry at"))
        #expect(result.out.contains("'Taobao' 2×, 'Amoy' 1× (forbidden)"))
        #expect(result.out.contains("  - source: 淘宝\n    target: Taobao\n    forbidden: [Amoy]\n"))
        let uneven = try CLI.run(["glossary", "extract", "--source", "zh.txt", "--target", "uneven.txt"], in: root)
        #expect(uneven.status == 2)
        #expect(uneven.stderr.contains("the texts must be aligned line by line"))
    }
}

/// Bilingual checking from the command line: the sample pair with --source, and bilingual files.
@Suite(.serialized)
struct BilingualCLITests {
    static let pair = (en: "samples/001_ecommerce.en.txt", zh: "samples/001_ecommerce.zh.txt")

    @Test("the bilingual run of docs/bilingual.md reports missing-term, number-mismatch and untranslated on the sample pair")
    func samplePair() throws {
        let result = try CLI.run(["lint", Self.pair.en, "--source", Self.pair.zh, "--glossary", CLI.glossary])
        #expect(result.status == 1)
        #expect(result.out.contains("\(Self.pair.en):1:1: warning: the source has '天猫', but the translation has no 'Tmall' [missing-term]"))
        #expect(result.out.contains("\(Self.pair.en):1:96: error: numbers differ: the source has '2亿' (200,000,000), missing from the translation; the translation has '20 million' (20,000,000), not in the source [number-mismatch]"))
        #expect(result.out.contains("\(Self.pair.en):3:86: error: '淘宝' is left untranslated: use 'Taobao' [untranslated]"))
        #expect(result.out.contains("\(Self.pair.en):5:21: error: '微博' is left untranslated: use 'Weibo' [untranslated]"))
        // Without --source, only the monolingual checks run.
        let alone = try CLI.run(["lint", Self.pair.en, "--glossary", CLI.glossary, "--format", "json"])
        #expect(!alone.out.contains("untranslated") && !alone.out.contains("missing-term"))
        // --fix on standard input gives the expected text; what cannot be fixed (numbers, missing terms) stays reported.
        let fixed = try CLI.run(["lint", "-", "--stdin-filename", Self.pair.en, "--source", Self.pair.zh, "--glossary", CLI.glossary, "--fix"],
                                stdin: try CLI.read(Self.pair.en))
        #expect(fixed.stdout == (try CLI.read("samples/001_ecommerce.en.expected.txt")))
        #expect(fixed.status == 1)
        #expect(fixed.stderr.contains("fixed 4 findings in 1 file; 2 remaining"))
    }

    @Test("a pair whose paragraphs do not line up gets one alignment finding; --source takes one file")
    func alignment() throws {
        let root = try CIFeatureTests.project(["zh.txt": "第一段。\n\n第二段。\n\n第三段。\n", "en.txt": "First.\n\nSecond and third, merged into one long paragraph.\n"])
        let result = try CLI.run(["lint", "en.txt", "--source", "zh.txt", "--format", "github"], in: root)
        #expect(result.out.contains("::warning file=en.txt,line=3,col=1,"))
        #expect(result.out.contains("title=translint (alignment)::the source has 3 paragraphs, the translation 2"))
        let two = try CLI.run(["lint", "en.txt", "zh.txt", "--source", "zh.txt"], in: root)
        #expect(two.status == 2)
    }

    @Test("a PO file is fixed in place, escaped, and a glossary for other languages is refused")
    func poFile() throws {
        let po = "msgid \"\"\nmsgstr \"Language: zh_Hans\\n\"\n\nmsgid \"Open your e-commerce store on Taobao.\"\nmsgstr \"在\\\"厦门\\\"开店。\"\n"
        let glossary = """
            version: 1
            source_language: en
            target_language: zh-Hans
            terms:
              - source: Taobao
                target: 淘宝
                forbidden: [厦门]
            """
        let root = try CIFeatureTests.project(["shop.po": po, "en-zh.yaml": glossary, "a.txt": "x"])
        let result = try CLI.run(["lint", "shop.po", "--glossary", "en-zh.yaml", "--fix"], in: root)
        #expect(result.status == 0, "\(result.out)\(result.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("shop.po"), encoding: .utf8) == po.replacingOccurrences(of: "厦门", with: "淘宝"))
        let wrong = try CLI.run(["lint", "shop.po", "--glossary", CLI.root.appendingPathComponent(CLI.glossary).path], in: root)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("the glossary translates into 'en', but this file translates into 'zh-Hans'"))
    }
}
