import Testing
@testable import TranslintKit

struct GlossaryLoaderTests {
    let header = "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms:\n"

    private func loadError(_ yaml: String) -> GlossaryError? {
        do { _ = try GlossaryLoader.load(yaml: yaml, file: "g.yaml"); return nil } catch let error as GlossaryError { return error } catch { return nil }
    }

    @Test func loadsTheDocumentedSchema() throws {
        let glossary = try GlossaryLoader.load(yaml: header + """
          - source: 电商
            target: e-commerce
            forbidden: [electricity business]
            case_sensitive: false
            note: short for 电子商务
            examples:
              - text: The electricity business giant grew.
                fixed: The e-commerce giant grew.
        """, file: "g.yaml")
        #expect(glossary.sourceLanguage == "zh-Hans")
        let entry = try #require(glossary.entries.first)
        #expect(entry.source == "电商" && entry.target == "e-commerce" && entry.forbidden == ["electricity business"])
        #expect(entry.caseSensitive == false && entry.note == "short for 电子商务")
        #expect(entry.examples.first?.fixed == "The e-commerce giant grew.")
        #expect(entry.location == SourceLocation(file: "g.yaml", line: 5))
    }

    @Test("each malformed glossary names file:line and what is wrong", arguments: [
        ("  - target: WeChat\n    colour: green\n", 6, "unknown key 'colour'"),
        ("  - source: 微信\n    forbidden: [micro-letter]\n", 5, "missing 'target'"),
        ("  - target: WeChat\n    forbidden: micro-letter\n", 6, "'forbidden' must be a list"),
        ("  - target: WeChat\n    case_sensitive: maybe\n", 6, "'case_sensitive' must be true or false"),
        ("  - target: WeChat\n  - target: WeChat\n", 6, "duplicate entry"),
        ("  - target: WeChat\n    forbidden: [micro-letter]\n  - target: Weixin\n    forbidden: [Micro-Letter]\n", 7, "already forbidden"),
        ("  - target: WeChat\n    forbidden: [wechat]\n", 5, "own target"),
        ("  - target: Taobao\n  - target: Alibaba\n    forbidden: [taobao]\n", 6, "is the target of the entry at line 5"),
        ("  - target: WeChat\n    forbidden: [\"...\"]\n", 6, "no letter or digit"),
        ("  - target: [WeChat\n", 6, "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that started at line 5)"),
        ("  - target: WeChat\n    examples:\n      - fixed: x\n", 7, "missing 'text'"),
    ])
    func malformed(body: String, line: Int, message: String) throws {
        let error = try #require(loadError(header + body))
        #expect(error.location?.file == "g.yaml")
        #expect(error.location?.line == line, "\(error)")
        #expect(error.message.contains(message), "\(error)")
    }

    @Test func headerErrors() throws {
        #expect(loadError("version: 2\nsource_language: zh\ntarget_language: en\nterms: []\n")?.message.contains("unsupported version") == true)
        #expect(loadError("source_language: zh\ntarget_language: en\nterms: []\n")?.message.contains("missing 'version'") == true)
        #expect(loadError("version: 1\nsource_language: zh\ntarget_language: en_US!\nterms: []\n")?.message.contains("BCP 47") == true)
        #expect(loadError("version: 1\nsource_language: zh\ntarget_language: en\n")?.message.contains("missing 'terms'") == true)
        #expect(loadError("")?.message == "empty glossary")
        #expect(loadError("version: 1\nversion: 1\n") != nil)
    }

    @Test func laterGlossaryOverridesAnEntryWithTheSameTarget() throws {
        let first = try GlossaryLoader.load(yaml: header + "  - target: WeChat\n    forbidden: [micro-letter]\n", file: "a.yaml")
        let second = try GlossaryLoader.load(yaml: header + "  - target: WeChat\n    forbidden: [micro message]\n", file: "b.yaml")
        let merged = try Glossary.merging([first, second])
        #expect(merged.entries.count == 1)
        #expect(merged.entries[0].forbidden == ["micro message"])
    }
}

/// Rendering templates (issue 25): one line for a rendering's variants, expanded to the plain list the matcher
/// takes; no regular expressions.
struct RenderingTemplateTests {
    @Test("a template expands to its variants: groups, optional characters and groups, no duplicates")
    func expansion() throws {
        #expect(try RenderingTemplate.expand("electricity {supplier|dealer}s?") == ["electricity suppliers", "electricity supplier", "electricity dealers", "electricity dealer"])
        #expect(try RenderingTemplate.expand("electric{ity|}-business") == ["electricity-business", "electric-business"])
        #expect(try RenderingTemplate.expand("Sina {micro blog|microblog}{|ging}?") == ["Sina micro blog", "Sina micro blogging", "Sina microblog", "Sina microblogging"])
        #expect(try RenderingTemplate.expand("plain text, no template?") == ["plain text, no template?"])
    }

    @Test("a template that is malformed or stands for too many renderings is refused", arguments: [
        "a {b|c", "a {b|c} } d", "a {b|{c}}", "? a {b|c}", "{a|b|c|d|e}{a|b|c|d|e}{a|b|c|d|e}{a|b|c|d|e}",
    ])
    func refused(template: String) {
        #expect(throws: RenderingTemplate.Failure.self) { try RenderingTemplate.expand(template) }
    }

    @Test("a glossary entry's template matches each variant, keeps the rendering's ambiguity and provenance for each, and file:line on an error")
    func inAGlossary() throws {
        let yaml = """
            version: 1
            source_language: zh-Hans
            target_language: en
            terms:
              - source: 电商
                target: e-commerce
                forbidden:
                  - {text: "electricity {supplier|dealer}s?", seen: ["https://example.com/a"]}
            """
        let glossary = try GlossaryLoader.load(yaml: yaml, file: "g.yaml")
        let entry = try #require(glossary.entries.first)
        #expect(entry.forbidden.count == 4)
        #expect(entry.seen["electricity dealers"] == ["https://example.com/a"])
        #expect(entry.templates["electricity {supplier|dealer}s?"]?.count == 4)
        let findings = try LintEngine(glossary: glossary).lint("Small electricity dealers and an electricity supplier.")
        #expect(findings.filter { $0.rule == "mistranslation" }.map(\.replacement) == ["e-commerce", "e-commerce"])
        #expect(throws: GlossaryError.self) { try GlossaryLoader.load(yaml: yaml.replacingOccurrences(of: "dealer}", with: "dealer"), file: "g.yaml") }
    }
}

struct GlossaryLayeringTests {
    static func glossary(_ terms: String) throws -> Glossary {
        try GlossaryLoader.load(yaml: "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms:\n" + terms, file: "g.yaml")
    }

    @Test("a later glossary may re-target an earlier one's rendering: later wins, and the merge says what it dropped")
    func retarget() throws {
        let shipped = try Self.glossary("  - source: 阿里\n    target: Alibaba\n    forbidden: [Ali Baba, Ali]\n")
        let team = try Self.glossary("  - source: 阿里巴巴集团\n    target: Alibaba Group\n    forbidden: [Ali Baba]\n")
        var notes: [String] = []
        let merged = try Glossary.merging([shipped, team], notes: &notes)
        #expect(merged.entries.map(\.forbidden) == [["Ali"], ["Ali Baba"]])
        #expect(notes.count == 1 && notes[0].contains("'Ali Baba' is re-targeted to 'Alibaba Group'"), "\(notes)")
        let findings = try LintEngine(glossary: merged).lint("Ali Baba grew.")
        #expect(findings.compactMap(\.replacement) == ["Alibaba Group"])
    }
}

struct GlossaryCaseSensitiveTests {
    @Test("with case_sensitive: true, renderings that differ in case are distinct, and each matches only as written")
    func distinctRenderings() throws {
        let yaml = "version: 1\nsource_language: zh-Hans\ntarget_language: en\nterms:\n  - source: 博客\n    target: weblog\n    case_sensitive: true\n    forbidden: [blog, Blog]\n"
        let glossary = try GlossaryLoader.load(yaml: yaml, file: "g.yaml")
        #expect(glossary.entries.first?.forbidden == ["blog", "Blog"])
        #expect(throws: GlossaryError.self) { try GlossaryLoader.load(yaml: yaml.replacingOccurrences(of: "[blog, Blog]", with: "[blog, blog]"), file: "g.yaml") }
        #expect(throws: GlossaryError.self) { try GlossaryLoader.load(yaml: yaml.replacingOccurrences(of: "    case_sensitive: true\n", with: ""), file: "g.yaml") }
    }
}

extension RenderingTemplateTests {
    @Test("fuzz: any text of template characters either expands to at most 300 non-empty forms or is refused, never a crash or a hang",
          .timeLimit(.minutes(10)))
    func fuzz() {
        var state: UInt64 = 24
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet = Array("ab {}|?-")
        for _ in 0..<20_000 {
            let text = String((0..<(1 + next() % 24)).map { _ in alphabet[next() % alphabet.count] })
            do {
                let forms = try RenderingTemplate.expand(text)
                #expect(forms.count <= RenderingTemplate.maximumForms && !forms.isEmpty, "\(text.debugDescription) → \(forms.count) forms")
                #expect(forms.allSatisfy { !$0.contains("{") && !$0.contains("}") } || !RenderingTemplate.isTemplate(text), "\(text.debugDescription) → \(forms)")
            } catch {
                #expect(error is RenderingTemplate.Failure)
            }
        }
    }
}

struct RepeatedWordLanguageTests {
    @Test("Dutch doubles that are grammar are left alone: 'als het het eerste is', 'leest … in in de array'")
    func dutch() throws {
        let engine = LintEngine(glossary: Glossary.empty(targetLanguage: "nl"), rules: [RepeatedWordCheck()], locale: "nl")
        #expect(try engine.lint("Als het het eerste argument is, leest het de regels in in de array.").isEmpty)
        #expect(try engine.lint("Dit is de de fout.").map(\.rule) == ["repeated-word"])
    }
}
