import Foundation
import Testing
@testable import TranslintKit
import TranslintTestSupport

/// Malformed means refused: a bilingual file or TBX glossary that its format does not allow is an error with its
/// line, never read in part (issue 9's inputs, each one here). XML must be well-formed (libxml2), PO files follow
/// msgfmt's grammar (checked against msgfmt itself), String Catalogs RFC 8259 and Xcode's field types.
struct BilingualMalformedTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var format: BilingualFile.Format
        var text: String
        var line: Int
        var description: String { name }
    }

    static let xliffHead = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
    <file original="a" source-language="zh-Hans" target-language="en" datatype="plaintext"><body>

    """
    static let xliffTail = "\n</body></file></xliff>\n"
    static func xliff(_ body: String) -> String { xliffHead + body + xliffTail }
    static let unit = "<trans-unit id=\"1\"><source>淘宝</source><target>Amoy</target></trans-unit>"

    static func catalog(_ value: String) -> String {
        """
        {
          "sourceLanguage" : "zh-Hans",
          "strings" : {
            "k" : {
              "localizations" : {
                "en" : { "stringUnit" : { "state" : "translated", "value" : \(value) } }
              }
            }
          },
          "version" : "1.0"
        }
        """
    }

    static let cases: [Case] = [
        // XLIFF: one '>' deleted used to hide every unit, with exit 0.
        Case(name: "xliff </target without >", format: .xliff,
             text: xliff("<trans-unit id=\"1\"><source>淘宝</source><target>Amoy</target\n</trans-unit>\n" + unit), line: 5),
        Case(name: "xliff undefined entity", format: .xliff, text: xliff("<trans-unit id=\"1\"><source>淘宝</source><target>Amoy &foo;</target></trans-unit>"), line: 4),
        Case(name: "xliff &#0;", format: .xliff, text: xliff("<trans-unit id=\"1\"><source>淘宝</source><target>Amoy &#0;</target></trans-unit>"), line: 4),
        Case(name: "xliff missing </trans-unit>", format: .xliff, text: xliff("<trans-unit id=\"1\"><source>淘宝</source><target>Amoy</target>\n" + unit), line: 6),
        Case(name: "xliff internal subset", format: .xliff, text: "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY e \"Amoy\">\n]>\n<xliff version=\"1.2\"/>\n", line: 3),
        Case(name: "xliff undefined entity under an external DOCTYPE", format: .xliff,
             text: "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"xliff.dtd\">\n<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><source>a</source><target>&nbsp;</target></trans-unit></body></file></xliff>\n", line: 4),
        // PO: what msgfmt refuses.
        Case(name: "po unterminated string", format: .po, text: "msgid \"a\nmsgstr \"b\"\n", line: 1),
        Case(name: "po \\q", format: .po, text: "msgid \"a\"\nmsgstr \"b\\q\"\n", line: 2),
        Case(name: "po msgstr[-1]", format: .po, text: "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[-1] \"b\"\n", line: 3),
        Case(name: "po msgstr[0] without msgid_plural", format: .po, text: "msgid \"a\"\nmsgstr[0] \"b\"\n", line: 2),
        Case(name: "po missing msgstr", format: .po, text: "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", line: 1),
        Case(name: "po plural index gap", format: .po, text: "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\nmsgstr[2] \"c\"\n", line: 4),
        Case(name: "po two msgstr", format: .po, text: "msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n", line: 3),
        Case(name: "po duplicate", format: .po, text: "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", line: 4),
        Case(name: "po text after a string", format: .po, text: "msgid \"a\" x\nmsgstr \"b\"\n", line: 1),
        // String Catalogs: RFC 8259 and Xcode's types.
        Case(name: "json \\q", format: .xcstrings, text: catalog("\"Amoy \\q\""), line: 6),
        Case(name: "json value 42", format: .xcstrings, text: catalog("42"), line: 6),
        Case(name: "json raw control character", format: .xcstrings, text: catalog("\"Amoy\u{1}\""), line: 6),
        Case(name: "json leading zero", format: .xcstrings, text: catalog("\"Amoy\", \"n\" : 042"), line: 6),
        Case(name: "json trailing comma", format: .xcstrings, text: catalog("\"Amoy\","), line: 6),
        // A substitution (`%#@n@`) that is not an object is named by its path.
        Case(name: "json substitution 42", format: .xcstrings,
             text: "{\n\"strings\" : { \"k\" : { \"localizations\" : {\n\"en\" : { \"stringUnit\" : { \"state\" : \"translated\", \"value\" : \"%#@n@\" },\n\"substitutions\" : { \"n\" : 42 } } } } }\n}\n", line: 4),
        Case(name: "json short \\u", format: .xcstrings, text: catalog("\"Amoy \\u12\""), line: 6),
        Case(name: "json shouldTranslate as a string", format: .xcstrings,
             text: "{\n\"sourceLanguage\" : \"en\",\n\"strings\" : {\n\"k\" : { \"shouldTranslate\" : \"no\" }\n}\n}\n", line: 4),
    ]

    @Test("refused with the line of what is wrong", arguments: cases)
    func refused(c: Case) throws {
        let engine = LintEngine(glossary: ExampleGlossary.glossary)
        do {
            let (result, _) = try engine.lintFile(Array(c.text.utf8), path: "t", format: c.format, fixing: true)
            Issue.record("accepted, with \(result.findings.count) findings")
        } catch let error as BilingualFileError {
            #expect(error.line == c.line, "\(error)")
        }
    }

    @Test("an external DOCTYPE is ignored, never loaded; the file is read")
    func externalDoctype() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff PUBLIC \"-//XLIFF//DTD XLIFF//EN\" \"http://www.oasis-open.org/committees/xliff/documents/xliff.dtd\">\n"
            + "<xliff version=\"1.2\"><file source-language=\"zh-Hans\" target-language=\"en\"><body>\n" + Self.unit + "\n</body></file></xliff>\n"
        let file = try BilingualFile.parse(Array(text.utf8), path: "t.xlf", format: .xliff)
        #expect(file.units.map(\.target.string) == ["Amoy"])
    }

    // MARK: PO against msgfmt

    /// PO files built from pieces that are right and pieces that msgfmt refuses, seeded.
    static func generatedPO(count: Int) -> [String] {
        var generator = SplitMix64(seed: 9)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let strings = ["\"a\"", "\"\"", "\"b\\n\"", "\"c\\\"d\"", "\"\\101\"", "\"\\x41\"", "\"é\"", "\"a\\tb\"", "\"a\" \"b\"",
                       "\"a\"\n\"b\"", "\"\\q\"", "\"a", "\"\\x\"", "\"\\'\"", "\"\\u0041\"", "\"a\" x", "\"a\\\\\"", "\"\\\"", "\"\\v\\a\\f\\b\\r\""]
        let keywords = ["msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[0]", "msgstr[1]", "msgstr [2]", "msgstr[-1]",
                        "msgstr[x]", "msgstr[0", "msgid_plurals", "#, fuzzy", "# comment", "#~ msgid", "#~ msgstr", "#| msgid", "", "domain"]
        let templates: [[String]] = [
            ["msgid", "msgstr"], ["msgctxt", "msgid", "msgstr"], ["msgid", "msgid_plural", "msgstr[0]", "msgstr[1]"],
            ["#, fuzzy", "msgid", "msgstr"], ["#~ msgid", "#~ msgstr"], ["# comment", "msgid", "msgstr"],
        ]
        var files: [String] = []
        for _ in 0..<count {
            var lines: [String] = []
            for _ in 0..<(1 + generator.next() % 3) {
                var entry = pick(templates)
                if generator.next() % 3 == 0 {   // one mutation: replace, drop or add a keyword
                    let at = Int(generator.next() % UInt64(entry.count))
                    switch generator.next() % 3 {
                    case 0: entry[at] = pick(keywords)
                    case 1: entry.remove(at: at)
                    default: entry.insert(pick(keywords), at: at)
                    }
                }
                for keyword in entry {
                    if keyword.hasPrefix("#") && !keyword.hasPrefix("#~") && !keyword.hasPrefix("#|") || keyword.isEmpty {
                        lines.append(keyword)
                        continue
                    }
                    var text = generator.next() % 4 == 0 ? pick(strings) : "\"\(files.count)-\(lines.count)\""
                    if keyword.hasPrefix("#~") || keyword.hasPrefix("#|") { text = text.replacingOccurrences(of: "\n", with: "\n#~ ") }
                    lines.append(keyword + " " + text)
                }
                lines.append("")
            }
            files.append(lines.joined(separator: "\n"))
        }
        return files
    }

    @Test("PO: refused exactly when msgfmt refuses it, over generated files")
    func msgfmtOracle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translint-po-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var refused = 0
        for (k, text) in Self.generatedPO(count: 300).enumerated() {
            let path = folder.appendingPathComponent("\(k).po").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/msgfmt")
            process.arguments = ["-o", "/dev/null", path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let msgfmtAccepts = process.terminationStatus == 0
            let translintAccepts = (try? BilingualFile.parse(Array(text.utf8), path: path, format: .po)) != nil
            #expect(msgfmtAccepts == translintAccepts, "msgfmt \(msgfmtAccepts ? "accepts" : "refuses") but translint \(translintAccepts ? "accepts" : "refuses"):\n\(text)")
            if !msgfmtAccepts { refused += 1 }
        }
        // Both kinds are well represented, or the comparison shows little.
        #expect(refused > 60 && refused < 240, "\(refused) of 300 refused by msgfmt")
    }

    // MARK: TBX

    @Test("a TBX file over 10 MB is read (libxml2 gets it in pieces), and an external DOCTYPE is ignored")
    func largeTBX() throws {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE martif SYSTEM \"TBXcdv04.dtd\">\n<martif type=\"TBX\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc>\n"
        let padding = String(repeating: "<p>padding so that the file is larger than ten megabytes</p>\n", count: 11 << 20 / 60)
        text += padding
        text += "</sourceDesc></fileDesc></martifHeader><text><body>\n"
        text += "<termEntry><langSet xml:lang=\"zh-Hans\"><tig><term>淘宝</term></tig></langSet>"
        text += "<langSet xml:lang=\"en\"><tig><term>Taobao</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></tig></langSet></termEntry>\n"
        text += "</body></text></martif>\n"
        let bytes = Array(text.utf8)
        #expect(bytes.count > 10 << 20)
        let glossary = try TBXGlossary.load(bytes, file: "big.tbx")
        #expect(glossary.entries.map(\.target) == ["Taobao"])
    }

    @Test("TBX: malformed XML, an internal subset and an undefined entity are refused with their line")
    func malformedTBX() throws {
        let head = "<?xml version=\"1.0\"?>\n<martif type=\"TBX\" xml:lang=\"en\"><text><body>\n"
        let cases: [(String, Int)] = [
            (head + "<termEntry><langSet xml:lang=\"en\"><tig><term>a</term></tig></langSet>\n</body></text></martif>\n", 4),
            (head + "<termEntry><langSet xml:lang=\"en\"><tig><term>&foo;</term></tig></langSet></termEntry>\n</body></text></martif>\n", 3),
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE martif [\n<!ENTITY a \"b\">\n]>\n<martif/>\n", 2),
        ]
        for (text, line) in cases {
            #expect(throws: GlossaryError.self) { try TBXGlossary.load(Array(text.utf8), file: "t.tbx") }
            do { _ = try TBXGlossary.load(Array(text.utf8), file: "t.tbx") } catch let error as GlossaryError {
                #expect(error.location?.line == line, "\(error)")
            }
        }
    }
}
