import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// TermBase eXchange (ISO 30042), the format terminology tools exchange: TBX-Basic as TBX v3
/// (`tbx/text/body/conceptEntry/langSec/termSec`) and v2 (`martif/text/body/termEntry/langSet/tig`, also `ntig/termGrp`).
///
/// In the target language, the term whose `administrativeStatus` is `preferredTerm-admn-sts` is the entry's target
/// (or else the first term that is not deprecated); terms marked `deprecatedTerm-admn-sts` or
/// `supersededTerm-admn-sts` are its forbidden renderings; `admittedTerm-admn-sts` terms are accepted and not
/// carried over. The source-language term is the entry's source. What TBX has no field for is kept in `<note>`
/// elements of the concept entry, written `translint:case_sensitive=true` and
/// `translint:example {"text": "…", "fixed": "…"}`, and the glossary's languages and `ignore` list in the
/// header as `<p>translint:source_language=zh-Hans</p>`, `<p>translint:ignore=…</p>`, so that YAML → TBX → YAML
/// loses nothing. Any other note becomes the entry's note.
///
/// Safety: the file must be well-formed XML (libxml2, `XMLWellFormedness`); a DOCTYPE with an internal subset or
/// an entity declaration is refused (no entity is ever expanded), and so are elements nested deeper than `maxDepth`
/// and files larger than `maxBytes`. An external DOCTYPE is ignored, never loaded.
public enum TBXGlossary {
    public static let maxDepth = 64
    public static let maxBytes = 64 << 20

    // MARK: Reading

    public static func load(_ data: [UInt8], file: String, sourceLanguage: String? = nil, targetLanguage: String? = nil) throws -> Glossary {
        func fail(_ line: Int, _ message: String) -> GlossaryError { GlossaryError(location: SourceLocation(file: file, line: line), message: message) }
        guard data.count <= maxBytes else { throw fail(1, "file larger than \(maxBytes >> 20) MiB") }
        if let at = firstDeclaration(in: data) {
            throw fail(data[..<at].filter { $0 == 0x0A }.count + 1,
                       "DOCTYPE and entity declarations are refused: translint never expands entities (an external DOCTYPE without an internal subset is ignored)")
        }
        if let error = data.withUnsafeBufferPointer({ XMLWellFormedness.check($0) }) {
            throw fail(error.line, "invalid XML: \(error.message)")
        }
        let root = try parse(data, file: file)
        let version: Int
        switch root.name {
        case "tbx": version = 3
        case "martif": version = 2
        default: throw fail(root.line, "root element <\(root.name)>: expected <tbx> (TBX v3) or <martif> (TBX v2)")
        }
        // Header conventions.
        var headerSource: String?, headerTarget: String?
        var ignore: [String] = []
        var readings: [String: [String]] = [:]
        // Where each language was said, for an error about it: the header's line, else the root's.
        var languageLines: [String: Int] = [:]
        let headerName = version == 3 ? "tbxHeader" : "martifHeader"
        for p in root.child(headerName)?.descendants("p") ?? [] {
            let text = p.text
            if let value = text.dropPrefix("translint:source_language=") { headerSource = value; languageLines["source"] = p.line }
            if let value = text.dropPrefix("translint:target_language=") { headerTarget = value; languageLines["target"] = p.line }
            if let value = text.dropPrefix("translint:ignore=") { ignore.append(value) }
            // `translint:reading 米=rice|meter`: the literal readings of a source character.
            if let value = text.dropPrefix("translint:reading "), let equals = value.firstIndex(of: "=") {
                let words = value[value.index(after: equals)...].split(separator: "|").map(String.init)
                guard !value[..<equals].isEmpty, !words.isEmpty else { throw fail(p.line, "translint:reading needs 'CHARACTERS=reading|reading'") }
                for word in words { if let problem = DerivedRenderings.readingProblem(word, of: String(value[..<equals])) { throw fail(p.line, problem) } }
                readings[String(value[..<equals]), default: []] += words
            }
        }
        guard let body = root.child("text")?.child("body") else { throw fail(root.line, "no <text><body> with entries") }
        let entryName = version == 3 ? "conceptEntry" : "termEntry"
        let langName = version == 3 ? "langSec" : "langSet"
        let entryElements = body.children.filter { $0.name == entryName }

        // The languages: as stated by translint's header, as given by the caller, or read off the file (the
        // language whose terms carry a status is the target).
        var seen: [String] = []
        var marked: Set<String> = []
        for entry in entryElements {
            for lang in entry.children where lang.name == langName {
                guard let code = lang.attributes["xml:lang"] else { continue }
                if !seen.contains(where: { $0.lowercased() == code.lowercased() }) { seen.append(code) }
                if terms(in: lang, version: version).contains(where: { $0.status != nil }) { marked.insert(code.lowercased()) }
            }
        }
        let target = headerTarget ?? targetLanguage ?? seen.first { marked.contains($0.lowercased()) } ?? (seen.count > 1 ? seen[1] : seen.first)
        guard let target else { throw fail(root.line, "no entries with xml:lang languages") }
        let source = headerSource ?? sourceLanguage ?? seen.first { $0.lowercased() != target.lowercased() } ?? "und"
        // As YAML and CSV demand, so that the glossary converts to them.
        for (key, tag) in [("source", source), ("target", target)] where !GlossaryLoader.isLanguageTag(tag) {
            throw fail(languageLines[key] ?? root.line, "the \(key) language '\(tag)' is not a BCP 47 language tag such as 'en' or 'zh-Hans'")
        }

        var entries: [GlossaryEntry] = []
        for element in entryElements {
            let location = SourceLocation(file: file, line: element.line)
            var sourceTerm: String?
            var targets: [(term: String, status: String?)] = []
            for lang in element.children where lang.name == langName {
                let code = (lang.attributes["xml:lang"] ?? "").lowercased()
                let list = terms(in: lang, version: version)
                if code == source.lowercased() {
                    sourceTerm = (list.first { $0.status == "preferredTerm-admn-sts" } ?? list.first)?.term
                } else if code == target.lowercased() {
                    targets.append(contentsOf: list)
                }
            }
            let forbiddenStatuses: Set<String> = ["deprecatedTerm-admn-sts", "supersededTerm-admn-sts"]
            guard let preferred = targets.first(where: { $0.status == "preferredTerm-admn-sts" })
                    ?? targets.first(where: { !forbiddenStatuses.contains($0.status ?? "") }) else {
                throw GlossaryError(location: location, message: "no \(target) term that is preferred (or at least not deprecated)")
            }
            var caseSensitive: Bool?
            var examples: [GlossaryExample] = []
            var notes: [String] = []
            var ambiguous: Bool?
            var context: [String] = []
            var renderings: [String: RenderingAmbiguity] = [:]
            for note in element.descendants("note") + element.descendants("descrip") {
                let text = note.text
                if let value = text.dropPrefix("translint:case_sensitive=") {
                    guard value == "true" || value == "false" else { throw fail(note.line, "translint:case_sensitive must be true or false") }
                    caseSensitive = value == "true"
                } else if let json = text.dropPrefix("translint:example ") {
                    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], let exampleText = object["text"] as? String else {
                        throw fail(note.line, "translint:example must be followed by {\"text\": …, \"fixed\": …}")
                    }
                    examples.append(GlossaryExample(text: trimmed(exampleText), fixed: (object["fixed"] as? String).map(trimmed),
                                                    source: (object["source"] as? String).map(trimmed), location: SourceLocation(file: file, line: note.line)))
                } else if let value = text.dropPrefix("translint:ambiguous=") {
                    guard value == "true" || value == "false" else { throw fail(note.line, "translint:ambiguous must be true or false") }
                    ambiguous = value == "true"
                } else if let json = text.dropPrefix("translint:context ") {
                    guard let words = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else {
                        throw fail(note.line, "translint:context must be followed by a JSON list of strings")
                    }
                    context = words.map(trimmed)
                } else if let json = text.dropPrefix("translint:rendering ") {
                    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], let rendering = object["text"] as? String else {
                        throw fail(note.line, "translint:rendering must be followed by {\"text\": …, \"ambiguous\": …, \"context\": […]}")
                    }
                    renderings[trimmed(rendering)] = RenderingAmbiguity(ambiguous: object["ambiguous"] as? Bool, context: (object["context"] as? [String] ?? []).map(trimmed))
                } else if !text.isEmpty {
                    notes.append(text)
                }
            }
            let forbidden = targets.filter { forbiddenStatuses.contains($0.status ?? "") }.map(\.term)
            // A rendering template (`electric{ity|}`) is YAML's: here a '{' would read one way and write another.
            for rendering in forbidden where RenderingTemplate.isTemplate(rendering) {
                throw GlossaryError(location: location, message: "forbidden rendering '\(rendering)' has a '{': rendering templates are written in YAML glossaries; list their forms here")
            }
            for rendering in forbidden where !rendering.unicodeScalars.contains(where: { CharacterClass.isAlnum($0.value) }) {
                throw GlossaryError(location: location, message: "forbidden rendering '\(rendering)' has no letter or digit, so it can never match a word")
            }
            let entry = GlossaryEntry(source: sourceTerm, target: preferred.term, forbidden: forbidden, caseSensitive: caseSensitive,
                                      note: notes.isEmpty ? nil : notes.joined(separator: "; "), examples: examples, location: location,
                                      ambiguous: ambiguous, context: context, renderings: renderings)
            // What YAML and CSV refuse, TBX refuses: context words without an ambiguous rendering would be lost or
            // refused in every conversion.
            if let problem = GlossaryValidator.entryProblem(entry) { throw GlossaryError(location: location, message: problem) }
            entries.append(entry)
        }
        try GlossaryValidator.checkConflicts(entries)
        return Glossary(sourceLanguage: source, targetLanguage: target, entries: entries, ignore: ignore, readings: readings)
    }

    /// A value from a note's JSON, trimmed as every reader trims what it reads.
    private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .glossaryValue) }

    /// The terms of a language section with their administrative status.
    private static func terms(in lang: Element, version: Int) -> [(term: String, status: String?)] {
        var result: [(String, String?)] = []
        let containers = version == 3 ? lang.children.filter { $0.name == "termSec" }
            : lang.children.filter { $0.name == "tig" || $0.name == "ntig" }
        for container in containers {
            let group = container.child("termGrp") ?? container
            guard let term = group.child("term")?.text, !term.isEmpty else { continue }
            let status = (group.children + container.children).first {
                $0.name == "termNote" && $0.attributes["type"] == "administrativeStatus"
            }?.text
            result.append((term, status))
        }
        return result
    }

    /// The offset of `<!ENTITY` or of a `<!DOCTYPE` with an internal subset (`[…]`), if the file has one. An external
    /// DOCTYPE such as translate-toolkit's `<!DOCTYPE martif SYSTEM "TBXcdv04.dtd">` is allowed: it is never loaded.
    static func firstDeclaration(in data: [UInt8]) -> Int? {
        let doctype = Array("<!DOCTYPE".utf8), entity = Array("<!ENTITY".utf8)
        func matches(_ needle: [UInt8], at i: Int) -> Bool {
            i + needle.count <= data.count && zip(needle, data[i..<(i + needle.count)]).allSatisfy({ $0 == ($1 & 0xDF) || $0 == $1 })
        }
        var i = 0
        while i < data.count {
            if data[i] == 0x3C {
                if matches(entity, at: i) { return i }
                if matches(doctype, at: i) {
                    var k = i + doctype.count
                    var quote: UInt8?
                    while k < data.count {
                        let b = data[k]
                        if let q = quote { if b == q { quote = nil } }
                        else if b == 0x22 || b == 0x27 { quote = b }
                        else if b == 0x5B { return i }
                        else if b == 0x3E { break }
                        k += 1
                    }
                }
            }
            i += 1
        }
        return nil
    }

    /// A parsed XML element: enough of a tree for TBX.
    final class Element {
        let name: String
        let attributes: [String: String]
        let line: Int
        var children: [Element] = []
        var textParts: [String] = []

        init(name: String, attributes: [String: String], line: Int) {
            self.name = name
            self.attributes = attributes
            self.line = line
        }

        /// The element's text content (its own and its children's), trimmed.
        var text: String {
            var all = textParts.joined()
            for child in children { all += child.text }
            return all.trimmingCharacters(in: .glossaryValue)
        }

        func child(_ name: String) -> Element? { children.first { $0.name == name } }

        func descendants(_ name: String) -> [Element] {
            var found: [Element] = []
            for child in children {
                if child.name == name { found.append(child) }
                found.append(contentsOf: child.descendants(name))
            }
            return found
        }
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?
        var error: String?
        var errorLine = 1
        let maxDepth: Int

        init(maxDepth: Int) { self.maxDepth = maxDepth }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            guard stack.count < maxDepth else {
                error = "elements nested deeper than \(maxDepth) levels"
                errorLine = parser.lineNumber
                parser.abortParsing()
                return
            }
            let element = Element(name: name, attributes: attributes, line: parser.lineNumber)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            // libxml2 may recover from a mismatched end tag; a glossary must be well-formed.
            guard let open = stack.last, open.name == name else {
                if error == nil {
                    error = "invalid XML: </\(name)> does not close " + (stack.last.map { "<\($0.name)> (opened at line \($0.line))" } ?? "any element")
                    errorLine = parser.lineNumber
                }
                parser.abortParsing()
                return
            }
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.textParts.append(string) }
        func parser(_ parser: XMLParser, foundCDATA block: Data) { stack.last?.textParts.append(String(decoding: block, as: UTF8.self)) }
    }

    private static func parse(_ data: [UInt8], file: String) throws -> Element {
        // From a stream, which XMLParser feeds to libxml2 in small pieces: given the whole data at once, libxml2
        // stops at 10 MB ("huge input lookup") with a line number past the end of the file.
        let parser = XMLParser(stream: InputStream(data: Data(data)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder(maxDepth: maxDepth)
        parser.delegate = builder
        let ok = parser.parse()
        if let message = builder.error { throw GlossaryError(location: SourceLocation(file: file, line: builder.errorLine), message: message) }
        if let open = builder.stack.last {
            throw GlossaryError(location: SourceLocation(file: file, line: open.line), message: "invalid XML: <\(open.name)> is never closed")
        }
        guard ok, let root = builder.root else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw GlossaryError(location: SourceLocation(file: file, line: max(parser.lineNumber, 1)), message: "invalid XML: \(reason)")
        }
        return root
    }

    // MARK: Writing

    /// TBX-Basic v3 (`urn:iso:std:iso:30042:ed-2`, DCA style).
    public static func write(_ glossary: Glossary) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="\(escape(glossary.targetLanguage, attribute: true))" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader>
            <fileDesc>
              <sourceDesc>
                <p>Written by translint. Notes starting with "translint:" keep what TBX has no field for.</p>
                <p>translint:source_language=\(escape(glossary.sourceLanguage))</p>
                <p>translint:target_language=\(escape(glossary.targetLanguage))</p>

        """
        for phrase in glossary.ignore { out += "          <p>translint:ignore=\(escape(phrase))</p>\n" }
        for (key, words) in glossary.readings.sorted(by: { $0.key < $1.key }) {
            out += "          <p>translint:reading \(escape(key))=\(escape(words.joined(separator: "|")))</p>\n"
        }
        out += """
                  </sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        for (k, entry) in glossary.entries.enumerated() {
            out += "      <conceptEntry id=\"c\(k + 1)\">\n"
            if let note = entry.note { out += "        <note>\(escape(note))</note>\n" }
            if let caseSensitive = entry.caseSensitive { out += "        <note>translint:case_sensitive=\(caseSensitive)</note>\n" }
            if let ambiguous = entry.ambiguous { out += "        <note>translint:ambiguous=\(ambiguous)</note>\n" }
            if !entry.context.isEmpty {
                out += "        <note>translint:context \(escape(JSONValue.array(entry.context.map { .string($0) }).serialized()))</note>\n"
            }
            for rendering in entry.forbidden {
                guard let said = entry.renderings[rendering] else { continue }
                var fields: [(String, JSONValue)] = [("text", .string(rendering))]
                if let ambiguous = said.ambiguous { fields.append(("ambiguous", .bool(ambiguous))) }
                if !said.context.isEmpty { fields.append(("context", .array(said.context.map { .string($0) }))) }
                out += "        <note>translint:rendering \(escape(JSONValue.object(fields).serialized()))</note>\n"
            }
            for example in entry.examples {
                var fields: [(String, JSONValue)] = [("text", .string(example.text))]
                if let fixed = example.fixed { fields.append(("fixed", .string(fixed))) }
                if let source = example.source { fields.append(("source", .string(source))) }
                out += "        <note>translint:example \(escape(JSONValue.object(fields).serialized()))</note>\n"
            }
            if let source = entry.source {
                out += "        <langSec xml:lang=\"\(escape(glossary.sourceLanguage, attribute: true))\">\n"
                out += "          <termSec>\n            <term>\(escape(source))</term>\n          </termSec>\n"
                out += "        </langSec>\n"
            }
            out += "        <langSec xml:lang=\"\(escape(glossary.targetLanguage, attribute: true))\">\n"
            out += termSec(entry.target, status: "preferredTerm-admn-sts")
            for rendering in entry.forbidden { out += termSec(rendering, status: "deprecatedTerm-admn-sts") }
            out += "        </langSec>\n"
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }

    private static func termSec(_ term: String, status: String) -> String {
        "          <termSec>\n            <term>\(escape(term))</term>\n"
            + "            <termNote type=\"administrativeStatus\">\(status)</termNote>\n          </termSec>\n"
    }

    static func escape(_ text: String, attribute: Bool = false) -> String { XMLText.escape(text, attribute: attribute) }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
