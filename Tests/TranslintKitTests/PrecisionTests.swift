import Foundation
import Testing
@testable import TranslintKit

/// The cases issue 10 names that the rule examples do not cover on their own: all-caps text, curly apostrophes,
/// missing-term with shared sources, untranslated without a glossary, and sentence-case on real document shapes.
struct PrecisionTests {
    static let glossary: Glossary = {
        let yaml = """
            version: 1
            source_language: zh-Hans
            target_language: en
            terms:
              - source: 电商
                target: e-commerce
                forbidden: [electricity supplier, electricity business]
                case_sensitive: false
              - source: 电商
                target: e-commerce companies
                forbidden: [electricity business companies]
              - source: 天猫
                target: Tmall
                forbidden: [sky cat]
              - source: 华为
                target: Huawei
              - source: 双十一
                target: Singles' Day
                forbidden: [double eleven]
            """
        return try! GlossaryLoader.load(yaml: yaml, file: "precision.yaml")
    }()

    @Test("in an all-caps headline every replacement is all caps, and an all-caps term is its own styling")
    func allCaps() throws {
        let engine = LintEngine(glossary: Self.glossary)
        #expect(try engine.fix("DOUBLE ELEVEN ELECTRICITY SUPPLIER WAR: SKY CAT DOMINATES\n").fixed
                == "SINGLES' DAY E-COMMERCE WAR: TMALL DOMINATES\n")
        #expect(try engine.lint("Phones from HUAWEI sold well.").filter { $0.rule == "term-case" }.isEmpty)
        #expect(try engine.lint("Phones from huawei sold well.").map(\.rule) == ["term-case"])
    }

    @Test("a glossary term written with ' matches the text's ’, and the other way round")
    func curlyApostrophes() throws {
        let engine = LintEngine(glossary: Self.glossary)
        #expect(try engine.lint("Sales on Singles’ Day grew.").isEmpty)
        let curly = try GlossaryLoader.load(yaml: "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms:\n  - target: would not\n    forbidden: [woudn’t]\n", file: "c")
        #expect(try LintEngine(glossary: curly).lint("It woudn't start.").map(\.rule) == ["mistranslation"])
        #expect(try LintEngine(glossary: curly).lint("It woudn’t start.").map(\.rule) == ["mistranslation"])
    }

    @Test("missing-term: not when a forbidden rendering is there, and entries sharing a source answer together")
    func missingTerm() throws {
        let engine = LintEngine(glossary: Self.glossary, rules: [MissingTermCheck()])
        #expect(try engine.lint(source: "电商公司增长。", target: "Electricity business companies grew.").isEmpty)
        #expect(try engine.lint(source: "电商公司增长。", target: "E-commerce companies grew.").isEmpty)
        let missing = try engine.lint(source: "电商公司增长。", target: "Online shops grew.")
        #expect(missing.count == 1)
        #expect(missing.first?.message == "the source has '电商', but the translation has no 'e-commerce' or 'e-commerce companies'")
    }

    @Test("untranslated needs no glossary when the languages are known, and leaves code and names alone")
    func untranslatedWithoutGlossary() throws {
        let engine = LintEngine(glossary: Glossary(sourceLanguage: "en", targetLanguage: "zh-Hans", entries: []), rules: [UntranslatedCheck()])
        #expect(try engine.lint(source: "The file could not be opened for reading.", target: "The file could not be opened for reading.").map(\.rule) == ["untranslated"])
        #expect(try engine.lint(source: "Open the file and read it to the end.", target: "打开 the file and read it to the end。").map(\.rule) == ["untranslated"])
        #expect(try engine.lint(source: "git remote set-url [--push] <name>", target: "git remote set-url [--push] <name>").isEmpty)
        #expect(try engine.lint(source: "David M. Ihnat", target: "David M. Ihnat").isEmpty)
        #expect(try engine.lint(source: "CREATE SCHEMA IF NOT EXISTS", target: "执行 CREATE SCHEMA IF NOT EXISTS").isEmpty)
    }

    @Test("a catalog that is mostly copies of its source gets one untranslated finding, a translated one a finding per copy")
    func untranslatedCatalog() throws {
        let engine = LintEngine(glossary: Glossary(sourceLanguage: "en", targetLanguage: "ru", entries: []), rules: [UntranslatedCheck()])
        func catalog(copies: Int, translated: Int) -> [UInt8] {
            var po = "msgid \"\"\nmsgstr \"Language: ru\\n\"\n"
            for k in 0..<copies {
                // Every third copy has a placeholder, which untranslated flags by its runs of words: a copy all the same.
                let text = k % 3 == 0 ? "The width of the border %d of the window number \(k)." : "The width of the border number \(k) of the window."
                po += "\nmsgid \"\(text)\"\nmsgstr \"\(text)\"\n"
            }
            for k in 0..<translated { po += "\nmsgid \"Open the file number \(k) for reading.\"\nmsgstr \"פתח את הקובץ \(k) לקריאה.\"\n" }
            return Array(po.utf8)
        }
        let whole = try engine.lintFile(catalog(copies: 30, translated: 10), path: "ru.po", format: .po, fixing: false).result.findings
        #expect(whole.count == 1)
        #expect(whole.first?.finding.message.hasPrefix("30 of 40 translations are the source text") == true)
        #expect(whole.first?.line == 5)
        #expect(whole.first?.finding.severity == .error)
        // Four in five or more: kept in English on purpose, most likely; the one finding is info.
        #expect(try engine.lintFile(catalog(copies: 30, translated: 1), path: "ru.po", format: .po, fixing: false).result.findings.map(\.finding.severity) == [.info])
        #expect(try engine.lintFile(catalog(copies: 40, translated: 10), path: "ru.po", format: .po, fixing: false).result.findings.map(\.finding.severity) == [.info])
        #expect(try engine.lintFile(catalog(copies: 39, translated: 11), path: "ru.po", format: .po, fixing: false).result.findings.map(\.finding.severity) == [.error])
        // Below the share (or the count), each copy is its own finding.
        #expect(try engine.lintFile(catalog(copies: 25, translated: 60), path: "ru.po", format: .po, fixing: false).result.findings.count == 25)
        #expect(try engine.lintFile(catalog(copies: 19, translated: 0), path: "ru.po", format: .po, fixing: false).result.findings.count == 19)
        // Written right to left: teams keep terminal and developer messages in English on purpose, so each copy is info.
        let hebrew = LintEngine(glossary: Glossary(sourceLanguage: "en", targetLanguage: "he", entries: []), rules: [UntranslatedCheck()])
        let copies = try hebrew.lintFile(catalog(copies: 25, translated: 60), path: "he.po", format: .po, fixing: false).result.findings
        #expect(copies.count == 25 && copies.allSatisfy { $0.finding.severity == .info })
    }

    @Test("sentence-case in real document shapes: silent on structure, speaking on prose", arguments: [
        ("       chmod never changes the permissions of symbolic links.\n\nCHMOD(1)", 0),
        ("tzdata (2023b-1) unstable; urgency=medium\n\n  * New upstream release.", 0),
        ("commit e7a9b0302f7cb84015e8f612e5b65694d785b2d8\nAuthor: A <a@b.c>", 0),
        ("       pvid   the vlan specified is to be considered a PVID at ingress.", 0),
        ("util-linux 2.38.1\t\t  2022-05-11\t\t\t    ADDPART(8)", 0),
        ("    config: remove unrequired AC_HEADER_STDC", 0),
        ("See the options, eg. loading from and saving values to files.", 0),
        ("It rained all day. the market fell anyway.", 1),
        ("Prices rose.\n\nreporter learned that the accounts were closed.", 1),
    ])
    func documentShapes(text: String, expected: Int) throws {
        let engine = LintEngine(glossary: Self.glossary, rules: [SentenceCaseCheck()])
        #expect(try engine.lint(text).count == expected, "\(text.debugDescription)")
    }

    @Test("a PO file in the charset its header declares (ISO-8859-1, EUC-JP) is read, and fixed in that charset")
    func declaredCharset() throws {
        func po(_ msgstr: String, charset: String) -> String {
            "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=\(charset)\\n\"\n\"Language: de\\n\"\n\nmsgid \"The size is too big\"\nmsgstr \"\(msgstr)\"\n"
        }
        let engine = LintEngine(glossary: Glossary(sourceLanguage: "en", targetLanguage: "de", entries: []), rules: [RepeatedWordCheck()])
        let latin1 = try #require(po("Die Größe ist zu zu groß", charset: "ISO-8859-1").data(using: .isoLatin1))
        let (result, fixed) = try engine.lintFile(Array(latin1), path: "de.po", format: .po, fixing: true)
        #expect(result.findings.map(\.finding.rule) == ["repeated-word"])
        #expect(fixed == Array(try #require(po("Die Größe ist zu groß", charset: "ISO-8859-1").data(using: .isoLatin1))))
        // EUC-JP, as five Japanese catalogs on Debian are.
        let japanese = try #require(Charset.convert(Array(po("サイズが大きすぎます", charset: "EUC-JP").utf8), from: "UTF-8", to: "EUC-JP"))
        let ja = LintEngine(glossary: Glossary(sourceLanguage: "en", targetLanguage: "ja", entries: []), rules: [RepeatedWordCheck()])
        let read = try ja.lintFile(japanese, path: "ja.po", format: .po, fixing: true)
        #expect(read.result.quality.words > 0)
        #expect(read.fixed == japanese)   // nothing to fix: the file comes back byte for byte
        // Bytes that are not valid in the declared charset are an error, not a guess.
        var broken = Array(try #require(po("Größe", charset: "EUC-JP").data(using: .isoLatin1)))
        broken.append(0xFF)
        #expect(throws: BilingualFileError.self) { _ = try engine.lintFile(broken, path: "x.po", format: .po, fixing: false) }
    }

    @Test("an XLIFF file in the encoding its XML declaration names (ISO-8859-1) is read, and fixed in that encoding")
    func declaredXMLEncoding() throws {
        func xliff(_ target: String, encoding: String = "ISO-8859-1") -> String {
            "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                + "<file source-language=\"en\" target-language=\"de\" datatype=\"plaintext\" original=\"x\"><body>\n"
                + "<trans-unit id=\"1\"><source>The size is too big</source><target>\(target)</target></trans-unit>\n</body></file></xliff>\n"
        }
        let engine = LintEngine(glossary: Glossary(sourceLanguage: "en", targetLanguage: "de", entries: []), rules: [RepeatedWordCheck()])
        let latin1 = Array(try #require(xliff("Die Größe ist zu zu groß").data(using: .isoLatin1)))
        let (result, fixed) = try engine.lintFile(latin1, path: "de.xlf", format: .xliff, fixing: true)
        #expect(result.findings.map(\.finding.rule) == ["repeated-word"])
        #expect(result.findings.first?.line == 3 && result.findings.first?.text == " zu")
        #expect(fixed == Array(try #require(xliff("Die Größe ist zu groß").data(using: .isoLatin1))))
        // Declared in single quotes, and UTF-8 declared as such, read as they are.
        let quoted = Array(try #require(xliff("Größe").replacingOccurrences(of: "\"ISO-8859-1\"", with: "'iso-8859-1'").data(using: .isoLatin1)))
        #expect(Charset.declaredInXML(quoted) == "iso-8859-1")
        #expect(try engine.lintFile(quoted, path: "q.xlf", format: .xliff, fixing: true).fixed == quoted)
        let utf8 = Array(xliff("Größe", encoding: "UTF-8").utf8)
        #expect(try engine.lintFile(utf8, path: "u.xlf", format: .xliff, fixing: true).fixed == utf8)
        // Bytes that are not valid in the declared encoding are an error naming it.
        var broken = Array(xliff("x", encoding: "Shift_JIS").utf8)
        broken.insert(contentsOf: [0x81, 0x20], at: broken.count - 20)
        #expect(throws: BilingualFileError.self) { _ = try engine.lintFile(broken, path: "x.xlf", format: .xliff, fixing: false) }
    }

    @Test("repeated-word leaves grammatical doubles of the target language alone")
    func languageDoubles() throws {
        let german = LintEngine(glossary: Glossary(sourceLanguage: "en", targetLanguage: "de", entries: []), rules: [RepeatedWordCheck()])
        #expect(try german.lint("Pakete, die die gleichen Betreuer angeben.").isEmpty)
        #expect(try german.lint("Die Datei hat hat eine Zeit.").map(\.rule) == ["repeated-word"])
        let french = LintEngine(glossary: Glossary(sourceLanguage: "en", targetLanguage: "fr", entries: []), rules: [RepeatedWordCheck()])
        #expect(try french.lint("Nous nous levons tôt.").isEmpty)
    }
}

/// Shapes of the ninth fresh round (nushell's blog and book, lutris and ibus catalogs): each was a false alarm.
struct NinthRoundTests {
    @Test("a comma after a link whose text ends in a full stop goes on with the sentence")
    func commaAfterLink() throws {
        let engine = LintEngine(glossary: .empty(), rules: [LeadingPunctuationCheck()])
        #expect(try engine.lint("- Fixed [a bug.](https://x.y/1), and [another one.](https://x.y/2)\n", format: .markdown).isEmpty)
        #expect(try engine.lint("It rained.\n\n, and then it stopped.\n", format: .markdown).count == 1)
    }

    @Test("a paragraph after a fenced block inside a list item may go on from it: info")
    func weakSentenceStarts() throws {
        let engine = LintEngine(glossary: .empty(), rules: [SentenceCaseCheck()])
        let fence = "- Given the script `foo.sh` that prints to both streams\n  ```sh\n  echo a\n  ```\n  it is now possible to run the command below.\n"
        #expect(try engine.lint(fence, format: .markdown).allSatisfy { $0.severity == .info })
    }

    @Test("a variable and its word, and a name capitalized inside a sentence, are no repeats")
    func notRepeats() throws {
        let engine = LintEngine(glossary: .empty(), rules: [RepeatedWordCheck()])
        #expect(try engine.lint("Fixed $in in where blocks.").isEmpty)
        #expect(try engine.lint("%A a las %X empieza la reunión.").isEmpty)
        #expect(try engine.lint("Remove And and Or pipeline elements.").isEmpty)
        #expect(try engine.lint("The the cat sat.").count == 1)
    }

    @Test("style tags a translation adds in pairs are info; a style tag it drops is an error")
    func addedStyling() throws {
        let engine = LintEngine(glossary: .empty(), rules: [PlaceholderMismatchCheck()])
        let added = try engine.lint(source: "Libraries in /usr/lib are used.", target: "使用 <b>/usr/lib</b> 中的库。")
        #expect(added.map(\.severity) == [.info])
        let dropped = try engine.lint(source: "<b>Select a Lutris installer</b>", target: "Escolla un instalador de Lutris")
        #expect(dropped.map(\.severity) == [.error])
        // Mallard help: a <gui> pair the translation adds marks up what the source says in words.
        let mallard = try engine.lint(source: "Then press the scientific notation button.", target: "それから、 <gui>×10y</gui> ボタンを押します。")
        #expect(mallard.map(\.severity) == [.info])
    }
}

/// The eleventh round's mends (Markdown docs of other projects), as tests.
struct EleventhRoundTests {
    @Test("a lowercase ATX heading is weak evidence (info, fix suggested), and silent in a document that writes its headings so")
    func lowercaseHeadings() throws {
        let engine = LintEngine(glossary: .empty(), rules: [SentenceCaseCheck()])
        let one = try engine.lint("# Guide\n\n## default and compact\n\nThe table has two modes here.\n", format: .markdown)
        #expect(one.map(\.severity) == [.info])
        #expect(one.first?.fix?.applicability == .suggested)
        let style = "## apps and favorites\n\nText here.\n\n## config vars\n\nText here.\n\n## dynos and more\n\nText here.\n"
        #expect(try engine.lint(style, format: .markdown).isEmpty)
        // In plain text a `#` line is no heading of this kind.
        #expect(try engine.lint("It rained. the river rose over its banks.").map(\.severity) == [.warning])
    }

    @Test("a heading that is a signature is code; a sentence after a quoted sentence's full stop may go on")
    func signaturesAndQuotes() throws {
        let engine = LintEngine(glossary: .empty(), rules: [SentenceCaseCheck()])
        #expect(try engine.lint("Streams.\n\n### new stream.Readable([options])\n\nCreates a stream.\n", format: .markdown).isEmpty)
        #expect(try engine.lint("Streams.\n\nnew stream.Readable([options])\n\nCreates a stream.\n").isEmpty)
        let quoted = try engine.lint("Leave a comment such as \"LGTM. Waiting three days.\" or \"Thanks.\" when you approve it.")
        #expect(quoted.allSatisfy { $0.severity == .info })
        #expect(try engine.lint("He said \"we will win.\" this was the plan all along.").map(\.severity) == [.warning])
        #expect(try engine.lint("See the function(s) below. the list is long.").map(\.severity) == [.warning])
    }

    @Test("the translators' credits of a catalog are no translation: nothing compares them with their msgid")
    func translatorCredits() throws {
        let engine = LintEngine(glossary: .empty())
        let po = "msgid \"\"\nmsgstr \"Language: bg\\n\"\n\nmsgid \"translator-credits\"\nmsgstr \"<a href='mailto:a@b.c'>Ivan</a> 2024\"\n\nmsgctxt \"NAME OF TRANSLATORS\"\nmsgid \"Your names\"\nmsgstr \"Ivan Petrov, <a href='https://kde.org'>KDE</a> 2024\"\n"
        let (result, _) = try engine.run(po, kind: .bilingual(.po, includeFuzzy: false), fixes: .none, path: "bg.po")
        #expect(result.findings.isEmpty)
    }

    @Test("in a language ICU has no separators for (Occitan), a comma may be the decimal mark; where ICU knows them, not")
    func unknownSeparators() throws {
        func po(_ language: String, _ source: String, _ target: String) -> (String, String) {
            (language, "msgid \"\"\nmsgstr \"Language: \(language)\\n\"\n\nmsgid \"\(source)\"\nmsgstr \"\(target)\"\n")
        }
        func findings(_ file: (language: String, text: String)) throws -> [String] {
            let engine = LintEngine(glossary: .empty(targetLanguage: file.language))
            return try engine.run(file.text, kind: .bilingual(.po, includeFuzzy: false), fixes: .none, path: "x.po").result.findings.map(\.finding.rule)
        }
        #expect(try findings(po("oc", "Round 1.250 to 0.948 here", "Arredondir 1,250 a 0,948 aicí")).isEmpty)
        #expect(try findings(po("oc", "Round 1.250 to 0.948 here", "Arredondir 1,350 a 0,948 aicí")) == ["number-mismatch"])
        #expect(try findings(po("ja", "Round 1.250 here", "1,250 を丸める")) == ["number-mismatch"])
    }

    @Test("GitHub's alert marker in a quote is syntax, in any case")
    func alertMarker() throws {
        let engine = LintEngine(glossary: .empty(), rules: [SentenceCaseCheck()])
        #expect(try engine.lint("Some text here.\n\n> [!tip]\n> You can use it with other tools too.\n", format: .markdown).isEmpty)
        #expect(try engine.lint("Some text here.\n\n> [!tip]\n> you can use it with other tools too.\n", format: .markdown).count == 1)
    }
}

/// What review found in derived renderings and the ninth round's mends, as tests.
struct DerivedRenderingsReviewTests {
    @Test("a list marker or a heading's # before a comma is no markup the sentence goes on from")
    func markersBeforeComma() throws {
        let engine = LintEngine(glossary: .empty(), rules: [LeadingPunctuationCheck()])
        #expect(try engine.lint("- , and more text follows here\n", format: .markdown).count == 1)
        #expect(try engine.lint("## , and more text follows here\n", format: .markdown).count == 1)
    }

    @Test("a plural variant's suggested fix is no evidence for another rendering, so a second --fix finds nothing new")
    func pluralIsNoEvidence() throws {
        let yaml = """
        version: 1
        source_language: zh-Hans
        target_language: en
        terms:
          - source: 手游
            target: mobile game
            forbidden: [hand tour]
          - source: 心动
            target: XD Inc.
            forbidden: [{text: heartbeat company, ambiguous: true}]
            context: [mobile games]
        """
        let engine = LintEngine(glossary: try GlossaryLoader.load(yaml: yaml, file: "g.yaml"))
        let (fixed, _) = try engine.fix("The heartbeat company makes hand tours.")
        #expect(fixed == "The heartbeat company makes hand tours.")
        let (again, _) = try engine.fix(fixed)
        #expect(again == fixed)
    }
}
