import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TranslintKit
import TranslintTestSupport

/// cmark-gfm (Debian `cmark-gfm`; `.ci/run` installs it) is the oracle for what in Markdown is code or HTML.
/// Over seeded generated documents and real Markdown files of this machine (read-only), it checks that
///   - no byte inside a code span, code block, inline HTML or HTML block (per cmark-gfm) is read as prose,
///   - the text of footnotes (and of every paragraph) is read as prose,
///   - `--fix` changes no code or HTML: no applied edit touches it, and cmark-gfm finds the same code after the fix.
///
/// A short round runs with `swift test`. A longer one:
///   `TRANSLINT_ORACLE_COUNT=20000 TRANSLINT_ORACLE_SEED=7 TRANSLINT_ORACLE_REAL=1000 swift test --filter MarkdownOracleTests`
/// (documents generated, seed, real files read; defaults 120, 1 and 40).
struct MarkdownOracleTests {
    static let environment = ProcessInfo.processInfo.environment
    static let count = Int(environment["TRANSLINT_ORACLE_COUNT"] ?? "") ?? 120
    static let seed = UInt64(environment["TRANSLINT_ORACLE_SEED"] ?? "") ?? 1
    static let realCount = Int(environment["TRANSLINT_ORACLE_REAL"] ?? "") ?? 40
    /// `TRANSLINT_ORACLE_ONLY=2818,9559`: check only these generated documents (to triage a long run's failures).
    static let only = Set((environment["TRANSLINT_ORACLE_ONLY"] ?? "").split(separator: ",").compactMap { Int($0) })

    let engine = LintEngine(glossary: ExampleGlossary.glossary)

    /// The oracle is a program: outside CI, a machine without it skips these tests and says why; in CI (which
    /// installs it) they run, and fail if it is missing.
    static let hasOracle = FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark-gfm") || environment["CI"] != nil

    @Test("generated Markdown: code and HTML per cmark-gfm are never prose and never fixed; paragraph text is prose",
          .enabled(if: hasOracle, "cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)"))
    func generated() throws {
        var generator = MarkdownGenerator(seed: Self.seed)
        var report = OracleReport()
        for k in 0..<Self.count {
            let document = generator.document()
            guard Self.only.isEmpty || Self.only.contains(k) else { continue }
            try check(document, name: "generated #\(k) (seed \(Self.seed))", report: &report, textIsProse: true)
        }
        #expect(report.failures.isEmpty, "\(report.failures.count) failures, first: \(report.failures.prefix(5).joined(separator: "\n\n"))")
        // Where the spec's rule overrules cmark-gfm: rare, or the second opinion is hiding something.
        #expect(report.cmarkDisagreements * 100 <= max(Self.count, 100), "\(report.cmarkDisagreements) disagreements: \(report.cmarkDisagreementExamples)")
        if let dump = Self.environment["TRANSLINT_ORACLE_DUMP"] { try report.failures.joined(separator: "\n\n=====\n").write(toFile: dump, atomically: true, encoding: .utf8) }
        // The oracle really saw code and footnotes (a generator that produced none would prove nothing).
        #expect(!Self.only.isEmpty || report.codeBytes > 10_000 && report.footnoteTextBytes > 1_000 && report.inlineSpansAcrossLines > 20,
                "code bytes \(report.codeBytes), footnote text bytes \(report.footnoteTextBytes), spans across lines \(report.inlineSpansAcrossLines)")
        #expect(!Self.only.isEmpty || report.unlocated * 20 < report.located, "cmark-gfm positions not found for \(report.unlocated) of \(report.located + report.unlocated) nodes: \(report.unlocatedExamples.joined(separator: "\n").debugDescription)")
    }

    /// Generated documents a long run once failed on (seed: indices): the oracle's mapping, or translint.
    static let regressions: [UInt64: Set<Int>] = [
        7: [2818, 9559, 11852, 12732, 13492, 13912, 14525, 14556, 14906, 15329, 16253, 16570, 17634, 18135],
        8: [2288, 5483, 12114, 12740, 14016, 15063, 15770, 19415],
    ]

    @Test("generated Markdown that long runs once failed on (seeds 7 and 8, 20,000 documents each)",
          .enabled(if: hasOracle, "cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)"))
    func regressionDocuments() throws {
        var report = OracleReport()
        for (seed, indices) in Self.regressions.sorted(by: { $0.key < $1.key }) {
            var generator = MarkdownGenerator(seed: seed)
            for k in 0...(indices.max() ?? 0) {
                let document = generator.document()
                guard indices.contains(k) else { continue }
                try check(document, name: "generated #\(k) (seed \(seed))", report: &report, textIsProse: true)
            }
        }
        #expect(report.failures.isEmpty, "\(report.failures.count) failures, first: \(report.failures.prefix(2).joined(separator: "\n\n"))")
    }

    @Test("real Markdown files on this machine: code and HTML per cmark-gfm are never prose and never fixed",
          .enabled(if: hasOracle, "cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)"))
    func realFiles() throws {
        let files = Self.realMarkdownFiles()
        try #require(!files.isEmpty, "no Markdown files under /usr/share/doc")
        var report = OracleReport()
        for path in files {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { continue }
            try check(text, name: path, report: &report, textIsProse: false)
        }
        #expect(report.failures.isEmpty, "\(report.failures.count) failures, first: \(report.failures.prefix(5).joined(separator: "\n\n"))")
        #expect(report.codeBytes > 1_000, "code bytes \(report.codeBytes) in \(files.count) files")
    }

    /// Up to `realCount` Markdown files under /usr/share/doc (under 128 KiB), in a seeded order.
    static func realMarkdownFiles() -> [String] {
        var paths: [String] = []
        let root = "/usr/share/doc"
        if let walker = FileManager.default.enumerator(atPath: root) {
            while let relative = walker.nextObject() as? String {
                let lower = relative.lowercased()
                guard lower.hasSuffix(".md") || lower.hasSuffix(".markdown") else { continue }
                let path = root + "/" + relative
                guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size < 128 << 10 else { continue }
                paths.append(path)
            }
        }
        var random = SplitMix64(seed: seed)
        return paths.sorted().map { ($0, random.next()) }.sorted { $0.1 < $1.1 }.prefix(realCount).map(\.0)
    }

    func check(_ text: String, name: String, report: inout OracleReport, textIsProse: Bool) throws {
        let bytes = Array(text.utf8)
        let tree = try Cmark.parse(text)
        let lines = LineStarts(bytes)
        var excluded = [Bool](repeating: false, count: bytes.count + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for range in PreparedText.prepare(buffer, format: .markdown).excluded {
                for i in range.start..<range.end { excluded[i] = true }
            }
        }
        var protected: [Int] = []   // bytes of code and HTML, per cmark-gfm
        // `[^label]`: a footnote reference (cmark-gfm leaves one it cannot resolve as text), not prose.
        var isLabel = [Bool](repeating: false, count: bytes.count + 1)
        var scan = 0
        while scan + 2 < bytes.count {
            if bytes[scan] == 0x5B && bytes[scan + 1] == 0x5E, let close = bytes[(scan + 2)...].prefix(100).firstIndex(of: 0x5D) {
                for i in scan...close { isLabel[i] = true }
                scan = close
            }
            scan += 1
        }
        var failures: [String] = []
        func describe(_ node: Cmark.Node, _ offset: Int) -> String {
            let line = lines.line(of: offset)
            let lineText = String(decoding: bytes[lines.starts[line]..<lines.end(of: line, in: bytes)], as: UTF8.self)
            // The line as translint masks it (`#` for a masked byte), for triage.
            let masked = String(decoding: (lines.starts[line]..<lines.end(of: line, in: bytes)).map { excluded[$0] && !Self.isSpace(bytes[$0]) ? UInt8(ascii: "#") : bytes[$0] }, as: UTF8.self)
            return "\(name): \(node.name) at \(node.start.line):\(node.start.column) (byte \(offset), line \(line + 1): \(lineText.debugDescription), masked \(masked.debugDescription)); literal \(node.literal.prefix(80).debugDescription)"
        }
        let paragraphs = tree.filter { $0.name == "paragraph" }
        // Set when cmark-gfm's code spans disagree with the spec's rule: its list of code is then no oracle for --fix.
        var cmarkMisread = false
        func disagree(_ node: Cmark.Node, _ i: Int) {
            report.cmarkDisagreements += 1
            cmarkMisread = true
            if report.cmarkDisagreementExamples.count < 5 { report.cmarkDisagreementExamples.append(describe(node, i)) }
        }
        for node in tree {
            switch node.name {
            case "code", "html_inline":
                guard let covered = lines.walk(bytes, node: node) else {
                    report.unlocated += 1
                    if report.unlocatedExamples.count < 10 { report.unlocatedExamples.append(describe(node, lines.offset(node.start) ?? 0)) }
                    continue
                }
                report.located += 1
                if node.start.line != node.end.line { report.inlineSpansAcrossLines += 1 }
                for i in covered where !Self.isSpace(bytes[i]) {
                    protected.append(i)
                    if !excluded[i] {
                        // cmark-gfm's column is off (continuation lines) and another place on the line holds the
                        // span: the node is there if translint masks that place.
                        if node.name == "code", lines.walkAll(bytes, node: node, alternatives: true).dropFirst().contains(where: { $0.allSatisfy { excluded[$0] || Self.isSpace(bytes[$0]) } }) {
                            break
                        }
                        // A code span cmark-gfm 0.29 pairs wrongly (its backtick memo) that the spec's rule does not have.
                        if node.name == "code", let paragraph = paragraphs.last(where: { $0.start.line <= node.start.line && node.start.line <= $0.end.line }),
                           !SpecCodeSpans.contents(SpecCodeSpans.paragraphText(bytes, lines: lines, paragraph: paragraph)).contains(SpecCodeSpans.normalized(node.literal)) {
                            disagree(node, i)
                            break
                        }
                        failures.append("read as prose: " + describe(node, i))
                        break
                    }
                }
            case "code_block", "html_block":
                report.located += 1
                for i in lines.blockBytes(bytes, node: node) where !Self.isSpace(bytes[i]) {
                    protected.append(i)
                    if !excluded[i] { failures.append("read as prose: " + describe(node, i)); break }
                }
            default:
                break
            }
        }
        // Text, once every code and HTML byte is known: cmark-gfm 0.29 gets inline columns wrong on continuation
        // lines (it counts from after their indentation), so a short literal can match at a wrong place, inside a
        // tag (`a` of `</a>`); a text node placed on bytes cmark-gfm itself calls code or HTML is misplaced, not
        // prose that translint failed to read.
        var isCode = [Bool](repeating: false, count: bytes.count + 1)
        for i in protected { isCode[i] = true }
        var paragraph: Cmark.Node?
        for node in tree {
            if node.name == "paragraph" { paragraph = node; continue }
            guard node.name == "text" && textIsProse && !node.ancestors.contains("link") && !node.ancestors.contains("image") else { continue }
            guard let covered = lines.walk(bytes, node: node), !covered.contains(where: { isCode[$0] }) else { continue }
            let inFootnote = node.ancestors.contains("footnote")
            for i in covered where !Self.isSpace(bytes[i]) && !isLabel[i] {
                if inFootnote { report.footnoteTextBytes += 1 }
                if excluded[i] {
                    // cmark-gfm's column is off (continuation lines, a short literal) and another place on the line
                    // holds the text: the node is there if translint reads that place as prose.
                    if lines.walkAll(bytes, node: node, alternatives: true).dropFirst().contains(where: { $0.allSatisfy { !excluded[$0] || Self.isSpace(bytes[$0]) || isLabel[$0] } }) {
                        break
                    }
                    // The masked run: code per the spec, which cmark-gfm 0.29 reads as text after an unmatched
                    // backtick (its memo of backtick runs forgets a later closer)? The spec's rule decides.
                    var end = i
                    while end < bytes.count && (excluded[end] || Self.isSpace(bytes[end])) && !isLabel[end] && end - i < 400 { end += 1 }
                    let run = String(decoding: bytes[i..<end], as: UTF8.self)
                    if run.contains("`"), let paragraph {
                        let spans = SpecCodeSpans.contents(SpecCodeSpans.paragraphText(bytes, lines: lines, paragraph: paragraph))
                        let masked = SpecCodeSpans.normalized(run)
                        if !masked.isEmpty && spans.contains(where: { $0.contains(masked) || ($0.count >= 4 && masked.contains($0)) }) {
                            disagree(node, i)
                            break
                        }
                    }
                    // The byte itself inside a code span by the spec's rule (a run whose text alone says little:
                    // backticks, a space, punctuation, or a span that goes on past a tag or a link).
                    if let paragraph, SpecCodeSpans.codeBytes(bytes, lines: lines, paragraph: paragraph).contains(i) {
                        disagree(node, i)
                        break
                    }
                    failures.append("prose not read: " + describe(node, i))
                    break
                }
            }
        }
        report.codeBytes += protected.count
        // --fix: no applied edit touches code or HTML, and cmark-gfm finds the same code and HTML afterwards.
        let (result, fixed) = try engine.run(text, kind: .text(.markdown), fixes: .apply)
        var isProtected = [Bool](repeating: false, count: bytes.count + 1)
        for i in protected { isProtected[i] = true }
        for edit in result.appliedEdits {
            let touched = edit.range.isEmpty
                ? edit.range.start > 0 && isProtected[edit.range.start - 1] && isProtected[edit.range.start]
                : (edit.range.start..<edit.range.end).contains { isProtected[$0] }
            if touched { failures.append("\(name): a fix edits code at byte \(edit.range.start): \(edit.replacement.debugDescription)") }
        }
        if fixed != text && !cmarkMisread {
            let before = tree.filter(\.isCode).map(\.literal), after = try Cmark.parse(fixed).filter(\.isCode).map(\.literal)
            if before != after {
                let k = zip(before, after).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(before.count, after.count)
                failures.append("\(name): code changed by --fix: \(before.dropFirst(k).first.debugDescription) → \(after.dropFirst(k).first.debugDescription)")
            }
        }
        if !failures.isEmpty {
            // The document, then as translint masks it (`#` for a masked byte), for triage.
            let masked = String(decoding: bytes.indices.map { excluded[$0] && !Self.isSpace(bytes[$0]) ? UInt8(ascii: "#") : bytes[$0] }, as: UTF8.self)
            failures.append("document:\n" + text + "\nmasked:\n" + masked)
        }
        report.failures += failures.isEmpty ? [] : [failures.joined(separator: "\n")]
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}

struct OracleReport {
    var failures: [String] = []
    /// Masked text cmark-gfm calls prose and the spec's rule a code span (cmark-gfm 0.29's backtick memo).
    var cmarkDisagreements = 0
    var cmarkDisagreementExamples: [String] = []
    var codeBytes = 0
    var footnoteTextBytes = 0
    var inlineSpansAcrossLines = 0
    var located = 0
    var unlocated = 0
    var unlocatedExamples: [String] = []
}

/// The spec's rule for code spans, as a second opinion where cmark-gfm 0.29 is wrong: after an unmatched backtick,
/// its memo of backtick runs keeps the last closer it saw rather than the last there is, so `` `a ```b``` ``c`` ``
/// leaves `c` as text (markdown-it 2.1 ported the same memo). A backtick string opens a code span when a string of
/// the same length follows; else it is literal (CommonMark 0.30, 6.1). HTML tags and autolinks, which bind tighter,
/// are passed over.
enum SpecCodeSpans {
    /// The contents of the code spans of a paragraph's raw text, normalized.
    static func contents(_ raw: [UInt8]) -> [String] {
        spans(raw).map { normalized(String(decoding: raw[$0.content], as: UTF8.self)) }
    }

    /// The code spans of a paragraph's raw text: each span's bytes with its backticks, and its content.
    static func spans(_ raw: [UInt8]) -> [(whole: Range<Int>, content: Range<Int>)] {
        var spans: [(whole: Range<Int>, content: Range<Int>)] = []
        var i = 0
        func run(at p: Int) -> Int { var q = p; while q < raw.count && raw[q] == 0x60 { q += 1 }; return q - p }
        while i < raw.count {
            let byte = raw[i]
            if byte == 0x5C { i += 2; continue }   // an escaped character
            if byte == 0x3C, i + 1 < raw.count, raw[i + 1] == 0x2F || raw[i + 1] == 0x21 || (raw[i + 1] | 0x20 >= 0x61 && raw[i + 1] | 0x20 <= 0x7A),
               let close = raw[i...].prefix(400).firstIndex(of: 0x3E) {
                i = close + 1
                continue
            }
            guard byte == 0x60 else { i += 1; continue }
            let length = run(at: i)
            var j = i + length
            var closer: Int?
            while j < raw.count {
                if raw[j] == 0x60 {
                    let other = run(at: j)
                    if other == length { closer = j; break }
                    j += other
                } else {
                    j += 1
                }
            }
            if let closer {
                spans.append((i..<(closer + length), (i + length)..<closer))
                i = closer + length
            } else {
                i += length
            }
        }
        return spans
    }

    /// The document's bytes inside the code spans of a paragraph (backticks included), by the spec's rule.
    static func codeBytes(_ bytes: [UInt8], lines: LineStarts, paragraph: Cmark.Node) -> Set<Int> {
        let (raw, offsets) = paragraphTextAndOffsets(bytes, lines: lines, paragraph: paragraph)
        var inside = Set<Int>()
        for span in spans(raw) { for k in span.whole where offsets[k] >= 0 { inside.insert(offsets[k]) } }
        return inside
    }

    /// Whitespace collapsed, backticks and periods at either end dropped.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: "` .")).trimmingCharacters(in: .whitespaces)
    }

    /// A paragraph's raw text: its lines, without indentation and block quote markers.
    static func paragraphText(_ bytes: [UInt8], lines: LineStarts, paragraph: Cmark.Node) -> [UInt8] {
        paragraphTextAndOffsets(bytes, lines: lines, paragraph: paragraph).raw
    }

    /// The raw text and, for each of its bytes, its offset in the document (-1 for the line breaks it adds).
    static func paragraphTextAndOffsets(_ bytes: [UInt8], lines: LineStarts, paragraph: Cmark.Node) -> (raw: [UInt8], offsets: [Int]) {
        var raw: [UInt8] = [], offsets: [Int] = []
        for line in paragraph.start.line...max(paragraph.start.line, paragraph.end.line) where line - 1 < lines.starts.count {
            var from = lines.starts[line - 1]
            let to = lines.end(of: line - 1, in: bytes)
            while from < to && (bytes[from] == 0x20 || bytes[from] == 0x09 || bytes[from] == 0x3E) { from += 1 }
            raw += bytes[from..<to] + [0x0A]
            offsets += Array(from..<to) + [-1]
        }
        return (raw, offsets)
    }
}

/// cmark-gfm's XML (`--sourcepos`) as a flat list of nodes in document order.
enum Cmark {
    struct Position { var line: Int; var column: Int }

    struct Node {
        var name: String
        var start: Position
        var end: Position
        var literal: String
        /// Names of the enclosing nodes, innermost last.
        var ancestors: [String]
        var isCode: Bool { ["code", "code_block", "html_inline", "html_block"].contains(name) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [Node] {
        let directory = FileManager.default.temporaryDirectory
        let input = directory.appendingPathComponent("translint-oracle-\(getpid())-\(UUID().uuidString).md")
        try Data(text.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["--sourcepos", "-e", "footnotes", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-t", "xml", input.path]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            throw Failure(description: "cannot run /usr/bin/cmark-gfm (apt-get install cmark-gfm; .ci/run installs it): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "cmark-gfm exited \(process.terminationStatus)") }
        // cmark-gfm 0.29 writes footnote definitions and references as `<<unknown>`.
        var xml = String(decoding: data, as: UTF8.self)
        xml = xml.replacingOccurrences(of: "</<unknown>>", with: "</footnote>").replacingOccurrences(of: "<<unknown>", with: "<footnote")
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = builder
        guard parser.parse() else { throw Failure(description: "cmark-gfm's XML does not parse: \(parser.parserError.map { "\($0)" } ?? "?")") }
        return builder.nodes
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var nodes: [Node] = []
        var stack: [(name: String, index: Int?)] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            var index: Int? = nil
            if let sourcepos = attributes["sourcepos"] {
                let numbers = sourcepos.split(whereSeparator: { $0 == ":" || $0 == "-" }).compactMap { Int($0) }
                if numbers.count == 4 {
                    // A footnote reference is a node of its own, not text of its container.
                    let nodeName = name == "footnote" && stack.last?.name == "paragraph" ? "footnote_reference" : name
                    nodes.append(Node(name: nodeName, start: Position(line: numbers[0], column: numbers[1]),
                                      end: Position(line: numbers[2], column: numbers[3]), literal: "", ancestors: stack.map(\.name)))
                    index = nodes.count - 1
                }
            }
            stack.append((name, index))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = stack.last?.index { nodes[index].literal += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }
}

/// Line starts of a text, and cmark-gfm's positions (1-based line, 1-based byte column) turned into bytes.
struct LineStarts {
    var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    }

    func line(of offset: Int) -> Int {
        var low = 0, high = starts.count
        while high - low > 1 { let mid = (low + high) / 2; if starts[mid] <= offset { low = mid } else { high = mid } }
        return low
    }

    func end(of line: Int, in bytes: [UInt8]) -> Int {
        var end = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count
        if end > starts[line] && bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    func offset(_ p: Cmark.Position) -> Int? {
        guard p.line >= 1 && p.line <= starts.count else { return nil }
        return starts[p.line - 1] + max(p.column, 1) - 1
    }

    /// The bytes of an inline node: its literal matched against the text from its start. A line break in the text
    /// may stand for a space (code spans) and is followed by container markers (`>`) and indentation, which are
    /// not the node's. Nil when the literal is not found there (escapes, entities, a position cmark-gfm got wrong).
    func walk(_ bytes: [UInt8], node: Cmark.Node) -> [Int]? { walkAll(bytes, node: node, alternatives: false).first }

    /// Every place `walk` would accept, the likeliest first. With `alternatives`, also every other place on the
    /// node's line that holds the literal's first line, nearest first: where cmark-gfm's column is off (continuation
    /// lines, short literals) the oracle asks whether any place that holds the node agrees with translint.
    func walkAll(_ bytes: [UInt8], node: Cmark.Node, alternatives: Bool) -> [[Int]] {
        guard let start = offset(node.start) else { return [] }
        let literal = Array(node.literal.utf8)
        var candidates = [start, start + 1]
        if node.name == "html_inline" && !literal.contains(0x0A), start < bytes.count {
            // A one-line tag on a continuation line, where cmark-gfm's columns may be off either way: the nearest
            // place on its line that holds it (a tag is distinctive; plain text is never placed this way).
            let lineIndex = line(of: start)
            let from = starts[lineIndex], to = end(of: lineIndex, in: bytes)
            var found: [Int] = []
            if to - from >= literal.count {
                for c in from...(to - literal.count) where bytes[c] == literal.first && Array(bytes[c..<(c + literal.count)]) == literal { found.append(c) }
            }
            candidates += found.sorted { abs($0 - start) < abs($1 - start) }
        }
        if node.name == "code" {
            // On a lazy continuation line cmark-gfm 0.29 shifts inline positions right by the container's prefix:
            // a code span's content starts after a backtick (and maybe one space) at or before its position.
            // A place that follows a backtick comes first: a one-letter literal at `start` itself may be the prose
            // after the span (`a` a), which the shifted column points at.
            let lineStart = starts[line(of: min(start, max(bytes.count - 1, 0)))]
            let afterBacktick = { (c: Int) in c > 0 && c <= bytes.count && bytes[c - 1] == 0x60 }
            let afterBacktickAndSpace = { (c: Int) in c > 1 && c <= bytes.count && bytes[c - 1] == 0x20 && bytes[c - 2] == 0x60 }
            let nearest = [start, start + 1] + Array(stride(from: start - 1, through: lineStart, by: -1))
            candidates = nearest.filter(afterBacktick) + nearest.filter(afterBacktickAndSpace) + candidates
        }
        if alternatives, start < bytes.count, let head = literal.split(separator: 0x0A, omittingEmptySubsequences: false).first, !head.isEmpty {
            let lineIndex = line(of: start)
            // A code span whose content starts with its line break: cmark-gfm places it at the end of the line.
            if node.name == "code", lineIndex + 1 < starts.count {
                var p = starts[lineIndex + 1]
                while p < bytes.count && (bytes[p] == 0x20 || bytes[p] == 0x09 || bytes[p] == 0x3E) { p += 1 }
                candidates.append(p)
            }
            let from = starts[lineIndex], to = end(of: lineIndex, in: bytes)
            var found: [Int] = []
            if to - from >= head.count {
                for c in from...(to - head.count) where Array(bytes[c..<(c + head.count)]) == Array(head) { found.append(c) }
            }
            candidates += found.sorted { abs($0 - start) < abs($1 - start) }
        }
        var results: [[Int]] = []
        var tried = Set<Int>()
        for first in candidates where first <= bytes.count && tried.insert(first).inserted {
            var covered: [Int] = []
            var s = first, i = 0
            var ok = true
            while i < literal.count {
                let l = literal[i]
                if s < bytes.count && bytes[s] == l && l != 0x0A && l != 0x0D {
                    covered.append(s); s += 1; i += 1
                    continue
                }
                if s + 1 < bytes.count && bytes[s] == 0x5C && bytes[s + 1] == 0x7C && l == 0x7C {   // `\|` in a table cell
                    covered += [s, s + 1]; s += 2; i += 1
                    continue
                }
                if s < bytes.count && (bytes[s] == 0x0A || bytes[s] == 0x0D) && (l == 0x20 || l == 0x0A || l == 0x0D) {
                    if bytes[s] == 0x0D { s += 1 }
                    if s < bytes.count && bytes[s] == 0x0A { s += 1 }
                    if l == 0x0D { i += 1 }
                    if i < literal.count && literal[i] == 0x0A { i += 1 } else if l == 0x20 { i += 1 }
                    while s < bytes.count && (bytes[s] == 0x20 || bytes[s] == 0x09 || bytes[s] == 0x3E) { s += 1 }
                    continue
                }
                ok = false
                break
            }
            if ok && !literal.isEmpty {
                results.append(covered)
                if !alternatives { break }
            }
        }
        return results
    }

    /// The bytes of a block node's lines from its start column (container markers before it left out).
    func blockBytes(_ bytes: [UInt8], node: Cmark.Node) -> [Int] {
        var covered: [Int] = []
        // cmark-gfm 0.29 puts the end of a block that a container's end closes on the next line: the literal's
        // lines (after a fence line) bound it.
        guard let startOffset = offset(node.start) else { return [] }
        let isFenced = startOffset < bytes.count && (bytes[startOffset] == 0x60 || bytes[startOffset] == 0x7E) && node.name == "code_block"
        // An empty code block (a fence that the end of its block quote closes at once) has no lines of content.
        let literalLines = node.literal.isEmpty ? 0
            : node.literal.split(separator: "\n", omittingEmptySubsequences: false).count - (node.literal.hasSuffix("\n") ? 1 : 0)
        var lastLine = node.start.line + literalLines - (isFenced ? 0 : 1)
        if isFenced && lastLine < starts.count {
            // The closing fence, when there is one.
            var p = starts[lastLine]
            while p < bytes.count && [0x20, 0x09, 0x3E].contains(bytes[p]) { p += 1 }
            // A closing fence is a run of the fence's character at least as long as the opening one, then only
            // spaces: "```data``` text" on the line after a block that a container closed is a paragraph's code span.
            var opening = 0
            while startOffset + opening < bytes.count && bytes[startOffset + opening] == bytes[startOffset] { opening += 1 }
            var q = p
            while q < bytes.count && bytes[q] == bytes[startOffset] { q += 1 }
            var rest = q
            while rest < bytes.count && (bytes[rest] == 0x20 || bytes[rest] == 0x09) { rest += 1 }
            if q - p >= max(3, opening) && (rest == bytes.count || bytes[rest] == 0x0A || bytes[rest] == 0x0D) { lastLine += 1 }
        }
        lastLine = min(max(node.start.line, node.end.line), lastLine)
        let clamped = lastLine < node.end.line
        for line in node.start.line...max(node.start.line, lastLine) where line - 1 < starts.count {
            let lineStart = starts[line - 1]
            let lineEnd = end(of: line - 1, in: bytes)
            var from = lineStart
            if line == node.start.line {
                from = lineStart + node.start.column - 1
            } else {
                while from < lineEnd && from - lineStart < node.start.column - 1 && [0x20, 0x09, 0x3E].contains(bytes[from]) { from += 1 }
            }
            let to = line == node.end.line && !clamped ? min(lineEnd, lineStart + node.end.column) : lineEnd
            if from < to { covered += Array(from..<to) }
        }
        return covered
    }
}

/// Seeded Markdown documents that mix the constructs whose boundaries matter: code spans with backtick runs of
/// several lengths across line breaks, fenced and indented code, lists with nested indented and fenced code, block
/// quotes, HTML blocks and inline HTML, links, footnotes and tables. Words include ones the checks fix (a forbidden
/// term, a repeated word, a lowercase sentence start), inside code as well as outside.
struct MarkdownGenerator {
    var random: SplitMix64
    var footnotes = 0

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let words = ["the", "Amoy", "wechat", "shop", "the the", "grew", "report", "micro-blog", "data", "is", "open", "today",
                        "Ali", "a", "fast", "service", "and", "users", "e-commerce", "electricity business"]

    mutating func words(_ count: Int) -> String {
        (0..<count).map { _ in random.pick(Self.words) }.joined(separator: " ")
    }

    mutating func codeSpan(allowBreak: Bool, indent: String) -> String {
        let ticks = String(repeating: "`", count: 1 + random.below(3))
        var inner = words(1 + random.below(3))
        if ticks.count > 1 && random.chance(40) { inner += " " + String(repeating: "`", count: random.below(ticks.count - 1) + 1) + " " + words(1) }
        if allowBreak && random.chance(35) { inner += "\n" + indent + words(1 + random.below(2)) }
        let pad = inner.hasPrefix("`") || inner.hasSuffix("`") ? " " : ""
        return ticks + pad + inner + pad + ticks
    }

    mutating func inline(indent: String) -> String {
        switch random.below(16) {
        case 0, 1, 2, 3: return codeSpan(allowBreak: true, indent: indent)
        case 4: return "*" + words(2) + "*"
        case 5: return "**" + words(1) + "**"
        case 6: return "[" + words(2) + "](https://example.com/Amoy/the_the \"the Amoy title\")"
        case 7: return "![" + words(1) + "](amoy.png)"
        case 8: return "<https://example.com/Amoy>"
        case 9: return "<span class=\"amoy\" title='the the'>" + words(1) + "</span>"
        case 10: return "<!-- the Amoy -->"
        case 11:
            footnotes += 1
            return "[^n\(footnotes)]"
        case 12: return "\\`not code\\`"
        case 13: return "`" + words(1)   // an unmatched backtick
        case 14: return "<a href=\"x\"\n" + indent + "title=\"Amoy\">" + words(1) + "</a>"
        default: return "~~" + words(1) + "~~"
        }
    }

    mutating func paragraph(indent: String) -> String {
        var lines: [String] = []
        for _ in 0..<(1 + random.below(3)) {
            var parts: [String] = []
            for _ in 0..<(2 + random.below(4)) { parts.append(random.chance(40) ? inline(indent: indent) : words(1 + random.below(4))) }
            lines.append(parts.joined(separator: " ") + (random.chance(50) ? "." : ""))
        }
        return lines.map { line in line.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n") }
            .joined(separator: "\n" + indent)
    }

    mutating func fenced(indent: String) -> String {
        let byte = random.chance(70) ? "`" : "~"
        let fence = String(repeating: byte, count: 3 + random.below(3))
        var body: [String] = []
        for _ in 0..<(1 + random.below(4)) {
            switch random.below(5) {
            case 0: body.append(String(repeating: byte, count: fence.count - 1) + " not a close")
            case 1: body.append("")
            case 2: body.append("- " + words(2))
            default: body.append(words(2 + random.below(3)))
            }
        }
        return ([fence + (random.chance(50) ? " yaml" : "")] + body + [fence]).map { $0.isEmpty ? $0 : indent + $0 }
            .joined(separator: "\n").dropFirst(indent.count).description
    }

    mutating func indentedCode(indent: String) -> String {
        (0..<(1 + random.below(3))).map { _ in indent + "    " + words(2) }.joined(separator: "\n").dropFirst(indent.count).description
    }

    mutating func list(indent: String, depth: Int) -> String {
        let ordered = random.chance(40)
        var items: [String] = []
        for k in 0..<(1 + random.below(3)) {
            let marker = ordered ? "\(k + 1)." : random.pick(["-", "*", "+"])
            let content = indent + String(repeating: " ", count: marker.count + 1)
            var item = marker + " " + paragraph(indent: content)
            for _ in 0..<random.below(3) {
                switch random.below(5) {
                case 0: item += "\n\n" + content + indentedCode(indent: content)
                case 1: item += "\n\n" + content + fenced(indent: content)
                case 2 where depth < 2: item += "\n" + content + list(indent: content, depth: depth + 1)
                case 3: item += "\n\n" + content + paragraph(indent: content)
                default: item += "\n" + content + codeSpan(allowBreak: true, indent: content)
                }
            }
            items.append(item)
        }
        return items.joined(separator: "\n" + indent)
    }

    mutating func quote() -> String {
        let inner: String
        switch random.below(4) {
        case 0: inner = fenced(indent: "")
        case 1: inner = "    " + words(3)
        default: inner = paragraph(indent: "")
        }
        return inner.split(separator: "\n", omittingEmptySubsequences: false).map { random.chance(85) || $0.isEmpty ? "> " + $0 : String($0) }
            .joined(separator: "\n")
    }

    mutating func table() -> String {
        var rows = ["| " + words(1) + " | " + words(1) + " |", "|---|:---:|"]
        for _ in 0..<(1 + random.below(3)) {
            rows.append("| " + codeSpan(allowBreak: false, indent: "") + " | " + words(2) + " \\| `a \\| b` |")
        }
        return rows.joined(separator: "\n")
    }

    mutating func htmlBlock() -> String {
        switch random.below(3) {
        case 0: return "<div class=\"note\">\n" + words(3) + "\n</div>"
        case 1: return "<!--\n" + words(3) + "\n\n" + words(2) + "\n-->"
        default: return "<script>\nvar amoy = 'the the';\n\nlet x = 1;\n</script>"
        }
    }

    mutating func footnoteDefinitions() -> [String] {
        (0..<footnotes).map { k in
            var definition = "[^n\(k + 1)]: " + paragraph(indent: "    ")
            if random.chance(40) { definition += "\n\n    " + paragraph(indent: "    ") }
            if random.chance(30) { definition += "\n\n        " + words(2) }
            return definition
        }
    }

    mutating func document() -> String {
        footnotes = 0
        var blocks: [String] = []
        for _ in 0..<(3 + random.below(6)) {
            switch random.below(10) {
            case 0: blocks.append(fenced(indent: ""))
            case 1: blocks.append(indentedCode(indent: ""))
            case 2, 3: blocks.append(list(indent: "", depth: 0))
            case 4: blocks.append(quote())
            case 5: blocks.append(table())
            case 6: blocks.append(htmlBlock())
            case 7: blocks.append("# " + words(2) + " " + codeSpan(allowBreak: false, indent: ""))
            default: blocks.append(paragraph(indent: ""))
            }
        }
        blocks += footnoteDefinitions()
        return blocks.joined(separator: random.chance(80) ? "\n\n" : "\n") + "\n"
    }
}
