/// A report a reviewer reads (`--format html`): one self-contained HTML5 file with inline CSS and a little
/// JavaScript, no network. Per file, each line with findings is a row: the source beside it when there is one,
/// the findings highlighted where they are, and what each fix would change. Filters (rule, severity, file, a
/// search box) work without a server. The summary (counts by rule and severity with a bar chart, the quality
/// score per file and in total, glossaries, configuration, version and date) is written last, as findings stream,
/// and shown first.
///
/// Every string from the input, the glossary or the configuration goes through `HTMLText.escape`; control
/// characters and bidirectional overrides are shown as visible marks, never passed through. Only the current
/// file's findings are held.
public struct HTMLReporter: Reporter {
    public struct Run: Sendable {
        public var version: String
        /// When the report was made, as written in it (tests pass a fixed one).
        public var date: String
        public var glossaries: [String]
        public var configuration: String?
        public var links: ReportLinks
        public var catalog: RuleCatalog
        /// BCP 47 tags of the source and the translation, for the cells' `lang` (screen readers pick their voice).
        public var sourceLanguage: String?
        public var targetLanguage: String?

        public init(version: String, date: String, glossaries: [String], configuration: String?, links: ReportLinks, catalog: RuleCatalog = .standard,
                    sourceLanguage: String? = nil, targetLanguage: String? = nil) {
            (self.version, self.date, self.glossaries, self.configuration, self.links, self.catalog) = (version, date, glossaries, configuration, links, catalog)
            (self.sourceLanguage, self.targetLanguage) = (sourceLanguage, targetLanguage)
        }

        func lang(_ tag: String?) -> String {
            guard let tag, !tag.isEmpty, tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return "" }
            return " lang=\"\(tag)\""
        }
    }

    public let run: Run
    private var current: [LocatedFinding] = []
    private var fileNumber = 0
    private var filesWithFindings = 0
    /// Files shown unfolded at first.
    static let openFiles = 50
    private var findingNumber = 0
    /// Findings reported (not fixed) by rule and severity, over the run.
    private var counts: [String: [Severity: Int]] = [:]
    private var scores: [(path: String, quality: QualityScore, findings: Int)] = []
    private var failed: [(path: String, message: String)] = []

    public init(run: Run) { self.run = run }

    public func begin() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '\(HTMLAssets.cssHash)'; script-src '\(HTMLAssets.scriptHash)'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="translint \(HTMLText.escape(run.version))">
        <title>translint report</title>
        <style>\(HTMLAssets.css)</style>
        </head>
        <body>
        <a class="skip" href="#summary">Skip to the summary</a>
        <header><h1>translint report</h1></header>
        <main id="report">
        <section id="filters" aria-label="Filters" hidden>
        <label>Rule <select id="filter-rule"><option value="">all rules</option></select></label>
        <label>Severity <select id="filter-severity"><option value="">all severities</option><option value="error">error</option><option value="warning">warning</option><option value="info">info</option></select></label>
        <label>File <select id="filter-file"><option value="">all files</option></select></label>
        <label>Search <input id="filter-text" type="search" placeholder="text, message or rule"></label>
        <p id="filter-status" role="status" aria-live="polite"></p>
        </section>
        <div id="files">

        """
    }

    public mutating func beginFile(_ path: String) -> String {
        current = []
        return ""
    }

    public mutating func report(_ findings: [LocatedFinding], path: String, fixing: Bool) -> String {
        current += findings.filter { !(fixing && $0.isFixed) }
        return ""
    }

    public mutating func endFile(_ path: String, quality: QualityScore) -> String {
        fileNumber += 1
        scores.append((path, quality, current.count))
        for located in current { counts[located.finding.rule, default: [:]][located.finding.severity, default: 0] += 1 }
        guard !current.isEmpty else { return "" }
        let id = "file-\(fileNumber)"
        filesWithFindings += 1
        // Each file folds; after the first `openFiles` files with findings they start folded, so that a run with
        // thousands of them still opens and scrolls.
        let open = filesWithFindings <= Self.openFiles ? " open" : ""
        var out = "<details class=\"file\" data-file=\"\(HTMLText.escape(path))\"\(open)>\n"
        out += "<summary><h2 id=\"\(id)\">\(HTMLText.escape(path)) <span class=\"meta\">\(Self.plural(current.count, "finding")) · "
            + "quality score \(JSONValue.format((quality.score * 100).rounded() / 100))</span></h2></summary>\n"
        let hasSource = current.contains { $0.source != nil }
        out += "<table class=\"segments\" aria-labelledby=\"\(id)\">\n<thead><tr><th scope=\"col\">Line</th>"
            + (hasSource ? "<th scope=\"col\">Source</th>" : "") + "<th scope=\"col\">Translation</th><th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n"
        var segments: [(key: String, findings: [LocatedFinding])] = []
        for located in current {
            // One row per line, and per window of a line too long to show whole.
            let key = "\(located.line)\u{0}\(located.lineStart)\u{0}\(HTMLLine.windowStart(located))"
            if segments.last?.key == key { segments[segments.count - 1].findings.append(located) } else { segments.append((key, [located])) }
        }
        for segment in segments { out += row(segment.findings, hasSource: hasSource) }
        current = []
        return out + "</tbody>\n</table>\n</details>\n"
    }

    /// One line: its number, the source, the text with each finding marked, and the findings with their fixes.
    private mutating func row(_ findings: [LocatedFinding], hasSource: Bool) -> String {
        let first = findings[0]
        var ids: [String] = []
        for _ in findings {
            findingNumber += 1
            ids.append("F\(findingNumber)")
        }
        let rules = HTMLText.escape(Set(findings.map(\.finding.rule)).sorted().joined(separator: " "))
        let severities = Set(findings.map(\.finding.severity.rawValue)).sorted().joined(separator: " ")
        var out = "<tr class=\"segment\" data-rules=\"\(rules)\" data-severities=\"\(severities)\">"
        out += "<th scope=\"row\" class=\"line\">\(first.line)</th>"
        if hasSource {
            out += "<td class=\"source\"\(run.lang(run.sourceLanguage))>" + (first.source.map(HTMLText.escape) ?? "<span class=\"none\">—</span>") + "</td>"
        }
        out += "<td class=\"text\"\(run.lang(run.targetLanguage))>" + HTMLLine.marked(first, findings: findings, ids: ids) + "</td><td><ul class=\"findings\">"
        for (located, id) in zip(findings, ids) { out += item(located, id: id) }
        return out + "</ul></td></tr>\n"
    }

    private func item(_ located: LocatedFinding, id: String) -> String {
        let f = located.finding
        let icon = ["error": "✖", "warning": "▲", "info": "ℹ"][f.severity.rawValue] ?? ""
        var out = "<li class=\"finding sev-\(f.severity.rawValue)\" id=\"\(id)\" data-rule=\"\(HTMLText.escape(f.rule))\" data-severity=\"\(f.severity.rawValue)\">"
        out += "<span class=\"icon\" aria-hidden=\"true\">\(icon)</span> <strong class=\"severity\">\(f.severity.rawValue)</strong> "
        let link = run.links.rule(f.rule)
        out += link.hasPrefix("https://") || link.hasPrefix("http://")
            ? "<a class=\"rule\" href=\"\(HTMLText.escape(link))\">\(HTMLText.escape(f.rule))</a> "
            : "<span class=\"rule\">\(HTMLText.escape(f.rule))</span> "
        out += "<span class=\"position\">\(located.line):\(located.column)"
            + (located.endLine > located.line ? "–\(located.endLine):\(located.endColumn)" : "") + "</span> "
        out += "<span class=\"message\">\(HTMLText.escape(f.message))</span>"
        if let fix = f.fix {
            let kind = fix.isSafe ? "safe fix" : "suggested fix"
            out += "<div class=\"fix\"><span class=\"kind\">\(kind)</span> " + HTMLLine.preview(located, fix: fix)
            if let reason = fix.reason, !fix.isSafe { out += " <span class=\"reason\">(\(HTMLText.escape(reason)))</span>" }
            out += "</div>"
        }
        return out + "</li>"
    }

    public mutating func fileFailed(_ path: String, message: String) -> String {
        failed.append((path, message))
        return ""
    }

    public func end(_ summary: LintReport.Summary) -> String {
        var out = "</div>\n<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n"
        let standing = { (severity: Severity) in self.counts.values.reduce(0) { $0 + ($1[severity] ?? 0) } }
        out += "<p>\(Self.plural(summary.files, "file")) checked, \(Self.plural(summary.remaining, "finding")) "
            + "(\(Self.plural(standing(.error), "error")), \(Self.plural(standing(.warning), "warning")), \(standing(.info)) info)"
            + (summary.fixing ? ", \(summary.fixed) fixed" : "") + "; quality score "
            + "\(JSONValue.format((summary.quality.score * 100).rounded() / 100)) (an automatic MQM estimate: "
            + "\(JSONValue.format(summary.quality.penalty)) penalty points in \(summary.quality.words) words).</p>\n"
        out += chart()
        out += table(caption: "Quality by file", header: ["File", "Findings", "Score", "Words"], rows: scores.map {
            [HTMLText.escape($0.path), "\($0.findings)", JSONValue.format(($0.quality.score * 100).rounded() / 100), "\($0.quality.words)"]
        })
        if !failed.isEmpty {
            out += table(caption: "Files not checked", header: ["File", "Why"], rows: failed.map { [HTMLText.escape($0.path), HTMLText.escape($0.message)] })
        }
        out += "<dl class=\"run\"><dt>Glossaries</dt><dd>"
            + (run.glossaries.isEmpty ? "none" : run.glossaries.map(HTMLText.escape).joined(separator: "<br>")) + "</dd>"
        out += "<dt>Configuration</dt><dd>\(run.configuration.map(HTMLText.escape) ?? "none")</dd>"
        out += "<dt>translint</dt><dd>\(HTMLText.escape(run.version))</dd><dt>Date</dt><dd>\(HTMLText.escape(run.date))</dd></dl>\n"
        out += "</section>\n</main>\n<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// Findings by rule, one bar per severity, as an inline SVG with the same figures in a table beside it.
    private func chart() -> String {
        let rules = counts.keys.sorted()
        guard !rules.isEmpty else { return "<p>No findings.</p>\n" }
        let largest = max(1, rules.flatMap { counts[$0]!.values }.max() ?? 1)
        let barHeight = 14, gap = 6, labelWidth = 170, width = 520
        var svg = "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 \(width) \((barHeight + gap) * rules.count)\" width=\"\(width)\">"
        svg += "<title id=\"chart-title\">Findings by rule and severity</title>"
        for (i, rule) in rules.enumerated() {
            let y = i * (barHeight + gap)
            svg += "<text x=\"0\" y=\"\(y + barHeight - 3)\">\(HTMLText.escape(rule))</text>"
            var x = labelWidth
            for severity in [Severity.error, .warning, .info] {
                let n = counts[rule]?[severity] ?? 0
                guard n > 0 else { continue }
                let w = max(2, (width - labelWidth - 40) * n / largest)
                svg += "<rect class=\"bar-\(severity.rawValue)\" x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(barHeight)\"><title>\(rule): \(n) \(severity.rawValue)</title></rect>"
                x += w
            }
            let total = counts[rule]!.values.reduce(0, +)
            svg += "<text x=\"\(x + 4)\" y=\"\(y + barHeight - 3)\">\(total)</text>"
        }
        svg += "</svg>\n"
        let rows = rules.map { rule in
            [HTMLText.escape(rule)] + [Severity.error, .warning, .info].map { "\(counts[rule]?[$0] ?? 0)" }
        }
        return "<div class=\"by-rule\">" + svg + table(caption: "Findings by rule", header: ["Rule", "Errors", "Warnings", "Info"], rows: rows) + "</div>\n"
    }

    private func table(caption: String, header: [String], rows: [[String]]) -> String {
        var out = "<table class=\"figures\"><caption>\(caption)</caption><thead><tr>"
        out += header.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { out += "<tr>" + row.enumerated().map { $0 == 0 ? "<th scope=\"row\">\($1)</th>" : "<td>\($1)</td>" }.joined() + "</tr>" }
        return out + "</tbody></table>\n"
    }

    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
}

/// Escaping for HTML text and attribute values, the one way input reaches the report.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as references; C0 controls (but tab and line breaks) as their Control Pictures
    /// (U+2400…), DEL as ␡, and bidirectional controls and zero-width spaces as a visible `⟨U+202E⟩`, so that
    /// nothing in a file name or text can reorder or hide what the report shows (the joiners of emoji stay).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x27: out += "&#39;"
            case 0x09, 0x0A: out.unicodeScalars.append(scalar)
            case 0x0D: out += "␍"
            case 0x00...0x1F: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out += "␡"
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0x2060, 0xFEFF:
                out += "⟨U+" + String(scalar.value, radix: 16, uppercase: true) + "⟩"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A finding's line with the findings marked, and what a fix changes.
enum HTMLLine {
    /// `lineText` with each finding's bytes in a `<mark>` naming it (`data-findings`), pieces split where findings
    /// start and end so that overlapping findings are all marked. A finding with nothing to mark on the line (an
    /// empty range) gets an empty caret mark where it starts.
    static func marked(_ line: LocatedFinding, findings: [LocatedFinding], ids: [String]) -> String {
        var titles: [String: String] = [:]
        for (located, id) in zip(findings, ids) { titles[id] = "\(located.finding.rule): \(located.finding.message)" }
        let bytes = Array(line.lineText.utf8)
        let origin = windowStart(line)
        var spans: [(start: Int, end: Int, id: String, severity: Severity)] = []
        for (located, id) in zip(findings, ids) {
            let start = min(max(0, located.finding.range.start - origin), bytes.count)
            let end = min(max(start, located.finding.range.end - origin), bytes.count)
            spans.append((start, end, id, located.finding.severity))
        }
        var cuts = Set([0, bytes.count])
        for span in spans { cuts.insert(span.start); cuts.insert(span.end) }
        let points = cuts.sorted()
        var out = ""
        var caretsAt: [Int: [(String, Severity)]] = [:]
        for span in spans where span.start == span.end { caretsAt[span.start, default: []].append((span.id, span.severity)) }
        for (k, from) in points.enumerated() {
            for (id, severity) in caretsAt[from] ?? [] {
                out += "<mark class=\"caret sev-\(severity.rawValue)\" tabindex=\"0\" data-findings=\"\(id)\" aria-describedby=\"\(id)\" "
                    + "title=\"\(HTMLText.escape(titles[id] ?? ""))\"></mark>"
            }
            guard k + 1 < points.count else { break }
            let to = points[k + 1]
            let piece = HTMLText.escape(String(decoding: bytes[from..<to], as: UTF8.self))
            let covering = spans.filter { $0.start < $0.end && $0.start <= from && to <= $0.end }
            if covering.isEmpty { out += piece; continue }
            let worst = covering.map(\.severity).max()!
            let title = covering.compactMap { titles[$0.id] }.joined(separator: "\n")
            out += "<mark class=\"sev-\(worst.rawValue)\" tabindex=\"0\" data-findings=\"\(covering.map(\.id).joined(separator: " "))\" "
                + "aria-describedby=\"\(covering.map(\.id).joined(separator: " "))\" title=\"\(HTMLText.escape(title))\">\(piece)</mark>"
        }
        return out
    }

    /// The file offset of `lineText`'s first byte: the line's start, or where the window around the finding begins.
    static func windowStart(_ located: LocatedFinding) -> Int {
        let before = located.lineText.unicodeScalars.prefix(max(0, located.lineTextColumn - 1)).reduce(0) { $0 + UTF8.width($1) }
        return located.finding.range.start - before
    }

    /// The fix on the line: up to 30 characters of context, then `<del>` what it removes and `<ins>` what it writes.
    static func preview(_ located: LocatedFinding, fix: Fix) -> String {
        let bytes = Array(located.lineText.utf8)
        let origin = windowStart(located)
        var out = ""
        for edit in fix.edits.sorted(by: { $0.range.start < $1.range.start }) {
            let start = edit.range.start - origin, end = edit.range.end - origin
            guard start >= 0, end <= bytes.count, start <= end else {
                // An edit across lines: what it replaces, without context.
                let removed = edit.range == located.finding.range ? located.text : ""
                out += "<del><span class=\"sr\">removed: </span>\(HTMLText.escape(removed))</del><ins><span class=\"sr\">added: </span>\(HTMLText.escape(edit.replacement))</ins> "
                continue
            }
            let before = String(decoding: bytes[..<start], as: UTF8.self).suffix(30)
            let after = String(decoding: bytes[end...], as: UTF8.self).prefix(30)
            out += "<span class=\"context\">\(HTMLText.escape(String(before)))</span>"
            out += "<del><span class=\"sr\">removed: </span>\(HTMLText.escape(String(decoding: bytes[start..<end], as: UTF8.self)))</del>"
            out += "<ins><span class=\"sr\">added: </span>\(HTMLText.escape(edit.replacement))</ins>"
            out += "<span class=\"context\">\(HTMLText.escape(String(after)))</span> "
        }
        return out
    }
}
