import Testing
@testable import TranslintKit

/// Conversions between YAML, TBX and CSV lose nothing; foreign TBX files load; bad files fail cleanly.
struct GlossaryFormatTests {
    static let fixtures = String(#filePath).components(separatedBy: "/GlossaryFormatTests.swift")[0] + "/Fixtures"

    /// Entries as values, without the file positions that differ between formats.
    static func comparable(_ g: Glossary) -> [String] {
        [g.sourceLanguage, g.targetLanguage, g.ignore.joined(separator: "|")] + g.entries.map { e in
            "\(e.source ?? "-") → \(e.target) ✗ \(e.forbidden) cs=\(String(describing: e.caseSensitive)) note=\(e.note ?? "-") ex=\(e.examples.map { "\($0.source ?? "")‖\($0.text)⇒\($0.fixed ?? "∅")" })"
                + " amb=\(String(describing: e.ambiguous)) ctx=\(e.context) own=\(e.forbidden.map { e.renderings[$0].map { r in "\(String(describing: r.ambiguous))\(r.context)" } ?? "-" })"
        }
    }

    @Test("YAML → TBX → YAML and YAML → CSV → YAML reproduce the shipped glossaries", arguments: ShippedGlossaryTests.glossaryFiles())
    func roundTrips(path: String) throws {
        let original = try ShippedGlossaryTests.load(path)
        for format in [GlossaryFormat.tbx, .csv, .tsv] {
            // A spreadsheet has no place for an `ignore` list or what one rendering says alone: writing refuses
            // such a glossary with a message (tested below), rather than losing it.
            if format != .tbx && !CSVGlossary.canHold(original) {
                #expect(throws: GlossaryError.self) { try format.write(original) }
                continue
            }
            let written = try format.write(original)
            let back = try format.load(Array(written.utf8), file: "x.\(format.rawValue)")
            #expect(Self.comparable(back) == Self.comparable(original), "\(format) round trip of \(path)")
            let yaml = YAMLGlossaryWriter.write(back)
            #expect(Self.comparable(try GlossaryLoader.load(yaml: yaml, file: "y.yaml")) == Self.comparable(original))
        }
    }

    @Test("what YAML has beyond TBX's fields survives: case sensitivity, examples with and without fixed, notes, ignore")
    func everythingSurvivesTBX() throws {
        let glossary = Glossary(sourceLanguage: "zh-Hans", targetLanguage: "en", entries: [
            GlossaryEntry(source: "小米", target: "Xiaomi", forbidden: ["Millet"], caseSensitive: true, note: "the brand <not> the grain & co",
                          examples: [GlossaryExample(text: "Millet phones \"sold\".", fixed: "Xiaomi phones \"sold\"."), GlossaryExample(text: "millet porridge", fixed: nil)]),
            GlossaryEntry(target: "npm", caseSensitive: true),
        ], ignore: ["Muhammad Ali"])
        let back = try GlossaryFormat.tbx.load(Array(TBXGlossary.write(glossary).utf8), file: "g.tbx")
        #expect(Self.comparable(back) == Self.comparable(glossary))
        #expect(throws: GlossaryError.self) { try CSVGlossary.write(glossary) }   // a spreadsheet has no place for 'ignore'
    }

    @Test("a handwritten TBX v3 file loads and lints: preferred is the target, deprecated and superseded are forbidden")
    func tbxV3() throws {
        let glossary = try GlossaryFormat.tbx.load(Array(try String(contentsOfPath: "\(Self.fixtures)/handwritten-v3.tbx").utf8), file: "v3.tbx")
        #expect(glossary.sourceLanguage == "zh-Hans" && glossary.targetLanguage == "en")
        #expect(glossary.entries.map(\.target) == ["Taobao", "e-commerce"])
        #expect(glossary.entries[0].forbidden == ["Amoy", "Tao Bao"])
        #expect(glossary.entries[0].note == "Alibaba's consumer marketplace")
        #expect(glossary.entries[0].location?.line == 9)
        let fixed = try LintEngine(glossary: glossary).fix("Sellers on Amoy and Tao Bao said the electricity business grew.").fixed
        #expect(fixed == "Sellers on Taobao and Taobao said the e-commerce grew.")
    }

    @Test("a handwritten TBX v2 file (martif, tig and ntig/termGrp) loads and lints")
    func tbxV2() throws {
        let glossary = try GlossaryFormat.tbx.load(Array(try String(contentsOfPath: "\(Self.fixtures)/handwritten-v2.tbx").utf8), file: "v2.tbx")
        #expect(glossary.targetLanguage == "en" && glossary.sourceLanguage == "zh-Hans")
        #expect(glossary.entries.map(\.target) == ["Weibo", "Alibaba"])
        #expect(glossary.entries[0].forbidden == ["micro-blog"] && glossary.entries[0].note == "Weibo is Sina's microblogging service")
        #expect(try LintEngine(glossary: glossary).fix("Ali left micro-blog.").fixed == "Alibaba left Weibo.")
    }

    @Test("TBX with a DOCTYPE or entities is refused; deep nesting and broken XML fail with a line", arguments: [
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY a \"aaaa\">]>\n<tbx/>", "v.tbx:2: DOCTYPE and entity declarations are refused"),
        ("<?xml version=\"1.0\"?>\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n<tbx/>", "v.tbx:2: DOCTYPE and entity declarations are refused"),
        ("<tbx>" + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100) + "</tbx>", "v.tbx:1: elements nested deeper than 64 levels"),
        // libxml2 reports where the file stops being well-formed, and names the element left open with its line.
        ("<tbx><text><body>\n<conceptEntry>\n</body></tbx>", "v.tbx:3: invalid XML: Opening and ending tag mismatch: conceptEntry line 2 and body"),
        ("<tbx><text><body>\n<conceptEntry>\n</conceptEntry>\n</body>", "v.tbx:4: invalid XML"),
        ("<glossary/>", "v.tbx:1: root element <glossary>: expected <tbx>"),
    ])
    func badTBX(text: String, message: String) throws {
        do {
            _ = try GlossaryFormat.tbx.load(Array(text.utf8), file: "v.tbx")
            Issue.record("loaded")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test("CSV: quoting, renderings separated by |, examples, and errors that name the row's line", arguments: [
        ("source@zh-Hans,target@en\n电商,e-commerce\n\"a,b\",x\"y\n", "g.csv:3: a quote inside an unquoted field"),
        ("source@zh-Hans,target@en,colour\n", "g.csv:1: unknown column 'colour'"),
        ("source,target\n电商,e-commerce\n", "g.csv:1: the header does not say the languages"),
        ("source@zh-Hans,target@en,case_sensitive\n电商,e-commerce,maybe\n", "g.csv:2: 'case_sensitive' must be true, false or empty"),
        ("source@zh-Hans,target@en\n电商,\"e-commerce\n", "g.csv:2: a quoted field is not closed"),
        ("source@zh-Hans,target@en\n电商,e-commerce,extra\n", "g.csv:2: 3 fields, but the header has 2"),
        ("source@zh-Hans,target@en\n\"multi\nline\",ok\n电商,\n", "g.csv:4: empty 'target'"),
    ])
    func badCSV(text: String, message: String) throws {
        do {
            _ = try GlossaryFormat.csv.load(Array(text.utf8), file: "g.csv")
            Issue.record("loaded")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test func csvReadsWhatSpreadsheetsWrite() throws {
        let text = "\u{FEFF}target@en,source@zh-Hans,forbidden,note,case_sensitive,examples\r\n"
            + "e-commerce,电商,electricity business|electricity supplier,\"short for \"\"电子商务\"\"\",,\"The electricity business grew. => The e-commerce grew.\nE-commerce grew.\"\r\n"
            + "A\\|B,,x\\|y|z,,true,\r\n"
        let g = try GlossaryFormat.csv.load(Array(text.utf8), file: "g.csv")
        #expect(g.entries[0].forbidden == ["electricity business", "electricity supplier"])
        #expect(g.entries[0].note == "short for \"电子商务\"")
        #expect(g.entries[0].examples.map(\.fixed) == ["The e-commerce grew.", nil])
        #expect(g.entries[1].target == "A\\|B" && g.entries[1].forbidden == ["x|y", "z"] && g.entries[1].caseSensitive == true)
        #expect(g.entries[1].location?.line == 4)   // the row before spans two lines
    }
}
