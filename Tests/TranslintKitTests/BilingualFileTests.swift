import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TranslintKit
import TranslintTestSupport

/// PO, XLIFF 1.2 and 2.0 and String Catalogs: read, checked unit by unit, and fixed with the format's escaping,
/// every other byte as it was. Fixed files are golden (TRANSLINT_RECORD_GOLDEN=1 rewrites them).
struct BilingualFileTests {
    static let folder = String(#filePath).components(separatedBy: "/BilingualFileTests.swift")[0] + "/Fixtures/bilingual"

    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var format: BilingualFile.Format
        var glossary: @Sendable () -> Glossary
        var rules: [String]
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "shop.po", format: .po, glossary: { ExampleGlossary.reversed },
             rules: ["mistranslation", "mistranslation", "placeholder-mismatch", "number-mismatch", "mistranslation", "mistranslation"]),
        Case(file: "shop-1.2.xlf", format: .xliff, glossary: { ExampleGlossary.glossary },
             rules: ["mistranslation", "mistranslation", "sentence-case", "mistranslation", "number-mismatch"]),
        Case(file: "shop-2.0.xlf", format: .xliff, glossary: { ExampleGlossary.glossary },
             rules: ["sentence-case", "untranslated", "term-case"]),
        Case(file: "shop.xcstrings", format: .xcstrings, glossary: { ExampleGlossary.reversed },
             rules: ["mistranslation", "mistranslation"]),
    ]

    static func read(_ name: String) throws -> [UInt8] { Array(try String(contentsOfPath: "\(folder)/\(name)").utf8) }

    @Test("each format is read, checked and fixed as the golden file says", arguments: cases)
    func formats(c: Case) throws {
        let bytes = try Self.read(c.file)
        let linter = LintEngine(glossary: c.glossary())
        let (result, fixed) = try linter.lintFile(bytes, path: c.file, format: c.format, fixing: true)
        #expect(result.findings.map(\.finding.rule) == c.rules)
        // Every reported text is what the file holds at that line and column: a fixed finding in the file read, the
        // others in the file written.
        for located in result.findings {
            let text = located.isFixed ? bytes : fixed
            #expect(String(decoding: text[located.finding.range.start..<located.finding.range.end], as: UTF8.self) == located.text)
            #expect(located.lineText.unicodeScalars.dropFirst(located.column - 1).starts(with: located.text.unicodeScalars.prefix(1)))
        }
        let golden = "\(Self.folder)/fixed/\(c.file)"
        try assertGolden(golden, fixed)
        // Bytes outside the applied edits are unchanged, and fixing again finds nothing more to fix.
        var cursor = 0, out: [UInt8] = []
        for edit in result.appliedEdits {
            out += bytes[cursor..<edit.range.start]
            out += Array(edit.replacement.utf8)
            cursor = edit.range.end
        }
        out += bytes[cursor...]
        #expect(out == fixed)
        let again = try linter.lintFile(fixed, path: c.file, format: c.format, fixing: true)
        #expect(again.result.appliedEdits.isEmpty)
        // The fixed file reads back.
        _ = try BilingualFile.parse(fixed, path: c.file, format: c.format)
    }

    @Test("PO: languages from the header, plurals, msgctxt, continuation lines, fuzzy entries only when asked, obsolete ones never")
    func poDetails() throws {
        let file = try BilingualFile.parse(try Self.read("shop.po"), path: "shop.po", format: .po)
        #expect(file.targetLanguage == "zh-Hans")
        #expect(file.units.map(\.id) == ["Open your e-commerce store on Taobao.", "Hello, %(name)s! You have %(count)d new orders.",
                                         "button\u{4}Share on WeChat", "Sales grew 35% on July 31.", "Follow us on Weibo for e-commerce news.",
                                         "one item[0]"])
        #expect(file.units[2].target.string == "分享到 \"微信\"")
        #expect(file.units[4].target.string == "关注我们的微博，获取电力业务新闻。")
        #expect(file.units[5].source == "%d items")   // one plural form: msgstr[0] translates the plural
        let fuzzy = try BilingualFile.parse(try Self.read("shop.po"), path: "shop.po", format: .po, includeFuzzy: true)
        #expect(fuzzy.units.map(\.id).last == "Visit Taobao")
        #expect(throws: BilingualFileError.self) { try BilingualFile.parse(Array("msgid \"a\"\nmsgstrr \"b\"\n".utf8), path: "x.po", format: .po) }
    }

    @Test("XLIFF and String Catalogs: languages from the file; XLIFF DOCTYPE refused; units without a target skipped")
    func xmlAndJSONDetails() throws {
        let v12 = try BilingualFile.parse(try Self.read("shop-1.2.xlf"), path: "a.xlf", format: .xliff)
        #expect(v12.sourceLanguage == "zh-Hans" && v12.targetLanguage == "en" && v12.units.count == 3)
        #expect(v12.units[0].target.string == "Amoy sellers open shops on the <electricity business> platform.")
        #expect(v12.units[2].target.string == "Merchants exceed 2 billion.")
        let v20 = try BilingualFile.parse(try Self.read("shop-2.0.xlf"), path: "b.xlf", format: .xliff)
        #expect(v20.sourceLanguage == "zh-Hans" && v20.targetLanguage == "en" && v20.units.map(\.id) == ["u1", "u2"])
        let catalog = try BilingualFile.parse(try Self.read("shop.xcstrings"), path: "c.xcstrings", format: .xcstrings)
        #expect(catalog.sourceLanguage == "en" && catalog.targetLanguage == "zh-Hans")
        #expect(catalog.units.map(\.target.string) == ["开设您的电力业务商店", "厦门上的 %lld 个订单\n\"新\"", "分享到 微信"])
        #expect(catalog.units[1].id == "%lld orders on Taobao [plural.other] (zh-Hans)")
        let doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"e\">]>\n<xliff version=\"1.2\"/>"
        #expect(throws: BilingualFileError.self) { try BilingualFile.parse(Array(doctype.utf8), path: "d.xlf", format: .xliff) }
        #expect(throws: BilingualFileError.self) { try BilingualFile.parse(Array("{\"strings\": [}".utf8), path: "e.xcstrings", format: .xcstrings) }
    }

    @Test("String Catalog plurals: a variation the source lacks is checked against its 'other'; a category for one number may drop the count, by ICU's rules")
    func catalogPlurals() throws {
        func variations(_ forms: [String: String]) -> String {
            "{\"variations\":{\"plural\":{" + forms.sorted { $0.key < $1.key }.map { "\"\($0.key)\":{\"stringUnit\":{\"state\":\"translated\",\"value\":\"\($0.value)\"}}" }.joined(separator: ",") + "}}}"
        }
        let json = """
            {"sourceLanguage":"en","version":"1.0","strings":{"posts %lld":{"localizations":{
              "en":\(variations(["one": "%lld new post", "other": "%lld new posts"])),
              "de":\(variations(["one": "ein neuer Beitrag", "other": "%lld neue Beiträge"])),
              "ru":\(variations(["one": "новый пост", "few": "%lld новых поста", "other": "%lld новых постов"])),
              "ko":{"stringUnit":{"state":"translated","value":"새 게시물 %lld개"}}}},
            "followers %lld %@":{"localizations":{
              "en":{"stringUnit":{"state":"translated","value":"%#@followers@"},
                    "substitutions":{"followers":{"argNum":1,"formatSpecifier":"lld",\(variations(["one": "%2$@ follower", "other": "%2$@ followers"]).dropFirst())}},
              "ko":{"stringUnit":{"state":"translated","value":"팔로워 %2$@명"}},
              "de":{"stringUnit":{"state":"translated","value":"%#@followers@"},
                    "substitutions":{"followers":{"argNum":1,"formatSpecifier":"lld",\(variations(["one": "%2$@ Follower", "other": "Follower"]).dropFirst())}}}},
            "%lld posts":{"localizations":{
              "en":{"stringUnit":{"state":"translated","value":"%#@arg1@"},
                    "substitutions":{"arg1":{"argNum":1,"formatSpecifier":"lld",\(variations(["one": "%arg post", "other": "%arg posts"]).dropFirst())}},
              "eu":{"stringUnit":{"state":"translated","value":"%#@arg1@"},
                    "substitutions":{"arg1":{"argNum":1,"formatSpecifier":"lld",\(variations(["one": "Argitalpen %lld", "other": "%arg argitalpen"]).dropFirst())}},
              "pl":{"stringUnit":{"state":"translated","value":"%#@count_posts@"},
                    "substitutions":{"count_posts":{"formatSpecifier":"lld",\(variations(["one": "%arg wpis", "other": "wpisów"]).dropFirst())}}}}}}
            """
        let file = try BilingualFile.parse(Array(json.utf8), path: "c.xcstrings", format: .xcstrings)
        let units = Dictionary(uniqueKeysWithValues: file.units.map { ($0.id, $0) })
        #expect(units["posts %lld [plural.few] (ru)"]?.source == "%lld new posts")
        #expect(units["posts %lld (ko)"]?.source == "%lld new posts")
        #expect(units["posts %lld [plural.one] (de)"]?.pluralRelaxed == true)
        // Russian `one` is 1, 21, 31…: the count is needed.
        #expect(units["posts %lld [plural.one] (ru)"]?.pluralRelaxed == false)
        #expect(units["posts %lld [plural.other] (de)"]?.pluralRelaxed == false)
        // Apple's substitutions: a plain translation is checked against what `%#@followers@` stands for, and the
        // substitution's own forms are units of their own.
        #expect(units["followers %lld %@ (ko)"]?.source == "%2$@ followers")
        #expect(units["followers %lld %@ [substitutions.followers.plural.other] (de)"]?.source == "%2$@ followers")
        // `%arg` is the substitution's argument, which a translation may write as its specifier; a translation's
        // own substitution names have no source to be checked against.
        #expect(units["%lld posts [substitutions.arg1.plural.one] (eu)"]?.source == "%lld post")
        #expect(units["%lld posts [substitutions.arg1.plural.other] (eu)"]?.source == "%arg posts")
        #expect(!units.keys.contains { $0.contains("count_posts") })
        let engine = LintEngine(glossary: Glossary(sourceLanguage: "en", targetLanguage: "de", entries: []))
        let result = try engine.run(path: "c.xcstrings", kind: .bilingual(.xcstrings, includeFuzzy: false), session: try engine.makeSession(),
                                    options: RunOptions(fixes: .none), read: { try Array(json.utf8).withUnsafeBufferPointer($0) }, output: { _ in })
        let placeholders = result.findings.filter { $0.finding.rule == "placeholder-mismatch" }
        #expect(placeholders.count == 2 && placeholders.first?.finding.message.contains("'%lld' 1 time in the source, 0 in the translation") == true
                && placeholders.last?.finding.message.contains("'%2$@' 1 time in the source, 0 in the translation") == true,
                "\(placeholders.map { $0.finding.message })")
    }

    @Test("escaping round trips: what encode writes, the file's decoder reads back exactly", arguments: [Escaping.po, .xml, .json])
    func escapingRoundTrips(escaping: Escaping) throws {
        var generator = SplitMix64(seed: 42)
        let alphabet: [String] = ["a", "Z", " ", "\"", "\\", "\n", "\t", "\r", "<", ">", "&", "'", "%", "中", "é", "😀", "\u{7}", "n", "u", "0", "x"]
        for _ in 0..<300 {
            let length = Int(generator.next() % 24)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            if escaping == .xml && text.contains("\u{7}") { continue }   // XML 1.0 cannot hold U+0007
            let encoded = escaping.encode(text)
            let stored: String
            switch escaping {
            case .po, .json: stored = "\"" + encoded + "\""
            case .xml: stored = encoded
            }
            let bytes = Array(stored.utf8)
            let decoded = bytes.withUnsafeBufferPointer { buffer -> EscapedText in
                switch escaping {
                case .po: Escaping.decodePO(buffer, ByteRange(0, buffer.count))
                case .xml: Escaping.decodeXML(buffer, ByteRange(0, buffer.count))
                case .json: Escaping.decodeJSON(buffer, ByteRange(0, buffer.count))
                }
            }
            #expect(decoded.string == text, "\(escaping): \(text.debugDescription) → \(stored.debugDescription) → \(decoded.string.debugDescription)")
            #expect(decoded.map.count == decoded.text.count + 1)
        }
    }
}
