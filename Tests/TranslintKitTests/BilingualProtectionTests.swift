import Testing
@testable import TranslintKit

/// Do-not-translate content in XLIFF and String Catalogs is never checked and never changed, and the review state a
/// file gives a unit decides whether it is checked and whether `--fix` may change it (README "Bilingual checking").
/// The glossary says 淘宝 is Taobao, never Amoy: every "Amoy" in a checked target is a fixable finding.
struct BilingualProtectionTests {
    /// Lints and fixes `text`; returns the findings' texts and the fixed file.
    static func run(_ text: String, _ format: BilingualFile.Format, includeFuzzy: Bool = false) throws -> (found: [String], fixable: Int, fixed: String) {
        let bytes = Array(text.utf8)
        let engine = LintEngine(glossary: ExampleGlossary.glossary)
        var fixed: [UInt8] = []
        let result = try engine.run(path: "t." + (format == .xcstrings ? "xcstrings" : format == .po ? "po" : "xlf"),
                                    kind: .bilingual(format, includeFuzzy: includeFuzzy), session: try engine.makeSession(),
                                    options: RunOptions(fixes: .apply), read: { try bytes.withUnsafeBufferPointer($0) },
                                    output: { fixed += $0 })
        return (result.findings.map(\.text), result.appliedEditCount, String(decoding: fixed, as: UTF8.self))
    }

    static func count(_ word: String, in text: String) -> Int { text.components(separatedBy: word).count - 1 }

    @Test("XLIFF 1.2: translate=\"no\" on a unit, a group or a file, protected <mrk>, native code and <alt-trans> are never checked or changed")
    func xliff12() throws {
        let file = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="a" source-language="zh-Hans" target-language="en" datatype="plaintext">
            <body>
              <trans-unit id="1" translate="no"><source>淘宝</source><target>Amoy one</target></trans-unit>
              <group translate="no">
                <trans-unit id="2"><source>淘宝</source><target>Amoy two</target></trans-unit>
                <group><trans-unit id="3"><source>淘宝</source><target>Amoy three</target></trans-unit></group>
              </group>
              <group translate="no"><trans-unit id="3b" translate="yes"><source>淘宝</source><target>Amoy checked</target></trans-unit></group>
              <trans-unit id="4"><source>这里<mrk mtype="protected">Amoy four</mrk>淘宝</source><target>Here <mrk mtype="protected">Amoy four</mrk> stays, Amoy checked</target></trans-unit>
              <trans-unit id="5"><source>淘宝<ph id="1">Amoy five</ph></source><target>Taobao<ph id="1">Amoy five</ph></target></trans-unit>
              <trans-unit id="6"><source>淘宝</source><target>Taobao</target>
                <alt-trans><source>淘宝</source><target>Amoy six</target></alt-trans>
              </trans-unit>
            </body>
          </file>
          <file original="b" source-language="zh-Hans" target-language="en" datatype="plaintext" translate="no">
            <body><trans-unit id="7"><source>淘宝</source><target>Amoy seven</target></trans-unit></body>
          </file>
        </xliff>
        """
        let (found, fixable, fixed) = try Self.run(file, .xliff)
        #expect(found == ["Amoy", "Amoy"])
        #expect(fixable == 2)
        for protected in ["Amoy one", "Amoy two", "Amoy three", "Amoy four", "Amoy five", "Amoy six", "Amoy seven"] {
            #expect(fixed.contains(protected), "\(protected) was changed")
        }
        #expect(Self.count("Taobao checked", in: fixed) == 2)
        #expect(fixed.replacingOccurrences(of: "Taobao checked", with: "Amoy checked") == file)
    }

    @Test("do-not-translate text reads as a word: a sentence does not start after it, nothing in it is repeated")
    func opaqueText() throws {
        let file = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="a" source-language="zh-Hans" target-language="en" datatype="plaintext"><body>
            <trans-unit id="1"><source><mrk mtype="protected">iPhone</mrk>很好。</source><target><mrk mtype="protected">iPhone</mrk> is great.</target></trans-unit>
            <trans-unit id="2"><source><mrk mtype="protected">the</mrk>很好。</source><target>Use <mrk mtype="protected">the</mrk> the app.</target></trans-unit>
          </body></file>
        </xliff>
        """
        let (found, _, fixed) = try Self.run(file, .xliff)
        #expect(found.isEmpty)
        #expect(fixed == file)
    }

    @Test("XLIFF 2.0: translate=\"no\" on units, groups and files (inherited), <mrk translate=\"no\"> and <sm translate=\"no\"/>…<em/>")
    func xliff20() throws {
        let file = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-Hans" trgLang="en">
          <file id="f1">
            <unit id="1" translate="no"><segment><source>淘宝</source><target>Amoy one</target></segment></unit>
            <group id="g" translate="no"><unit id="2"><segment><source>淘宝</source><target>Amoy two</target></segment></unit></group>
            <unit id="3"><segment><source>这里<mrk id="m" translate="no">Amoy three</mrk>淘宝</source><target>Here <mrk id="m" translate="no">Amoy three</mrk> stays, Amoy checked</target></segment></unit>
            <unit id="4"><segment><source>这里<sm id="s" translate="no"/>Amoy four<em startRef="s"/>淘宝</source><target>Here <sm id="s" translate="no"/>Amoy four<em startRef="s"/> stays, Amoy checked</target></segment></unit>
            <unit id="5"><segment><source><mrk id="n" translate="yes">淘宝</mrk></source><target><mrk id="n" translate="yes">Amoy checked</mrk></target></segment></unit>
          </file>
          <file id="f2" translate="no">
            <unit id="6"><segment><source>淘宝</source><target>Amoy six</target></segment></unit>
          </file>
        </xliff>
        """
        let (found, fixable, fixed) = try Self.run(file, .xliff)
        #expect(found == ["Amoy", "Amoy", "Amoy"])
        #expect(fixable == 3)
        #expect(fixed.replacingOccurrences(of: "Taobao checked", with: "Amoy checked") == file)
        #expect(Self.count("Amoy", in: fixed) == 7)   // two in sources, five protected in targets
    }

    @Test("XLIFF states: final and signed-off are reported but never fixed; needs-review and new are checked only with --include-fuzzy")
    func xliffStates() throws {
        let file = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="a" source-language="zh-Hans" target-language="en" datatype="plaintext">
            <body>
              <trans-unit id="1"><source>淘宝</source><target state="final">Amoy final</target></trans-unit>
              <trans-unit id="2"><source>淘宝</source><target state="signed-off">Amoy signed</target></trans-unit>
              <trans-unit id="3"><source>淘宝</source><target state="needs-review-translation">Amoy review</target></trans-unit>
              <trans-unit id="4"><source>淘宝</source><target state="new">Amoy new</target></trans-unit>
              <trans-unit id="5"><source>淘宝</source><target state="translated">Amoy translated</target></trans-unit>
            </body>
          </file>
        </xliff>
        """
        let plain = try Self.run(file, .xliff)
        #expect(plain.found.count == 3)
        #expect(plain.fixable == 1)
        #expect(plain.fixed == file.replacingOccurrences(of: "Amoy translated", with: "Taobao translated"))
        let fuzzy = try Self.run(file, .xliff, includeFuzzy: true)
        #expect(fuzzy.found.count == 5)
        #expect(fuzzy.fixable == 3)
        #expect(fuzzy.fixed.contains("Amoy final") && fuzzy.fixed.contains("Amoy signed") && fuzzy.fixed.contains("Taobao review"))

        let two = """
        <xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-Hans" trgLang="en"><file id="f">
        <unit id="1"><segment state="final"><source>淘宝</source><target>Amoy final</target></segment></unit>
        <unit id="2"><segment state="initial"><source>淘宝</source><target>Amoy initial</target></segment></unit>
        <unit id="3"><segment state="reviewed"><source>淘宝</source><target>Amoy reviewed</target></segment></unit>
        </file></xliff>
        """
        let result = try Self.run(two, .xliff)
        #expect(result.found.count == 2)
        #expect(result.fixed == two.replacingOccurrences(of: "Amoy reviewed", with: "Taobao reviewed"))
    }

    @Test("String Catalogs: shouldTranslate false and stale keys are skipped; new and needs_review only with --include-fuzzy")
    func stringCatalog() throws {
        func entry(_ key: String, _ value: String, state: String = "translated", extra: String = "") -> String {
            """
                "\(key)" : {\(extra)
                  "localizations" : {
                    "en" : { "stringUnit" : { "state" : "\(state)", "value" : "\(value)" } },
                    "zh-Hans" : { "stringUnit" : { "state" : "translated", "value" : "淘宝" } }
                  }
                }
            """
        }
        let file = """
        {
          "sourceLanguage" : "zh-Hans",
          "strings" : {
        \([entry("a", "Amoy no", extra: " \"shouldTranslate\" : false,"),
           entry("b", "Amoy stale", extra: " \"extractionState\" : \"stale\","),
           entry("c", "Amoy unit stale", state: "stale"),
           entry("d", "Amoy review", state: "needs_review"),
           entry("e", "Amoy new", state: "new"),
           entry("f", "Amoy checked")].joined(separator: ",\n"))
          },
          "version" : "1.0"
        }
        """
        let plain = try Self.run(file, .xcstrings)
        #expect(plain.found == ["Amoy"])
        #expect(plain.fixed == file.replacingOccurrences(of: "Amoy checked", with: "Taobao checked"))
        let fuzzy = try Self.run(file, .xcstrings, includeFuzzy: true)
        #expect(fuzzy.found.count == 3)
        for kept in ["Amoy no", "Amoy stale", "Amoy unit stale"] { #expect(fuzzy.fixed.contains(kept)) }
    }
}
