/// Reads Markdown (CommonMark and GitHub's tables) as prose: finds what is not prose and where blocks start.
///
/// Not prose, never flagged or changed: YAML front matter, fenced and indented code blocks, HTML blocks and
/// comments, inline code, autolinks, inline HTML tags, link and image targets, and link reference definitions.
/// Markup characters (`#`, `>`, list markers, `*`/`_` emphasis, brackets, table pipes) are blanked so the
/// checks read the words around them. Headings, list items, table cells and block quotes each start a block
/// (and so a sentence). Line based, like the CommonMark block parser: a code span does not run across lines.
enum MarkdownScanner {
    static func prepare(_ text: UnsafeBufferPointer<UInt8>) -> PreparedText {
        var scanner = Scan(text: text, masker: Masker(text))
        scanner.run()
        var prepared = scanner.masker.finish()
        prepared.directives = scanner.directives
        return prepared
    }

    /// Block tags that open an HTML block running to the next blank line (CommonMark's kind 6), and those whose
    /// block runs to their closing tag (kind 1).
    static let blockTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col", "colgroup",
        "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame",
        "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link",
        "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]
    static let rawTags: Set<String> = ["pre", "script", "style", "textarea"]

    private struct Line {
        var start: Int
        /// Before the line break (and a CR before it).
        var end: Int
    }

    private enum HTMLEnd { case blankLine, comment, rawTag(String) }

    private struct Scan {
        let text: UnsafeBufferPointer<UInt8>
        var masker: Masker
        var directives: [SuppressionDirective] = []
        var lines: [Line] = []

        init(text: UnsafeBufferPointer<UInt8>, masker: Masker) {
            self.text = text
            self.masker = masker
            var start = 0
            while start < text.count {
                var end = start
                while end < text.count && text[end] != 0x0A { end += 1 }
                let next = end + 1
                if end > start && text[end - 1] == 0x0D { end -= 1 }
                lines.append(Line(start: start, end: end))
                start = next
            }
        }

        mutating func run() {
            var index = 0
            if let end = frontMatterEnd() {
                masker.exclude(ByteRange(0, lines[end].end), fill: 0x20)
                index = end + 1
            }
            var fence: (byte: UInt8, count: Int)? = nil
            var html: HTMLEnd? = nil
            var previousBlank = true
            var inParagraph = false
            var inList = false
            var inTable = false
            var startBlockNext = false
            var previousQuoted = false
            while index < lines.count {
                let line = lines[index]
                defer { index += 1 }
                if let open = fence {
                    masker.exclude(ByteRange(line.start, line.end), fill: 0x20)
                    if isClosingFence(line, open) { fence = nil; startBlockNext = true }
                    continue
                }
                if let end = html {
                    if case .blankLine = end, isBlank(line.start, line.end) { html = nil; previousBlank = true; continue }
                    masker.exclude(ByteRange(line.start, line.end), fill: 0x20)
                    if closesHTML(end, line) { html = nil; startBlockNext = true }
                    continue
                }
                if isBlank(line.start, line.end) {
                    previousBlank = true; inParagraph = false; inTable = false
                    continue
                }
                // Block quote markers.
                var p = line.start
                var quoted = false
                while true {
                    let (q, _) = skipIndent(p, line.end, max: 3)
                    guard q < line.end, text[q] == 0x3E else { break }
                    var markerEnd = q + 1
                    if markerEnd < line.end && text[markerEnd] == 0x20 { markerEnd += 1 }
                    masker.blank(ByteRange(q, markerEnd))
                    p = markerEnd
                    quoted = true
                }
                let (contentStart, indent) = skipIndent(p, line.end, max: Int.max)
                if contentStart >= line.end { previousBlank = true; inParagraph = false; previousQuoted = quoted; continue }
                if quoted != previousQuoted { startBlockNext = true }
                previousQuoted = quoted
                if previousBlank && indent < 2 && !isListMarker(contentStart, line.end).isList { inList = false }
                // Indented code: after a blank line (a paragraph line indented four spaces is a continuation).
                if indent >= 4 && !inParagraph && !inList {
                    masker.exclude(ByteRange(contentStart, line.end), fill: 0x20)
                    previousBlank = false
                    continue
                }
                let c = text[contentStart]
                // Fenced code.
                if indent <= 3 && (c == 0x60 || c == 0x7E) {
                    let run = runLength(contentStart, line.end, c)
                    if run >= 3 && !(c == 0x60 && contains(0x60, contentStart + run, line.end)) {
                        fence = (c, run)
                        if indent < 2 { inList = false }
                        masker.exclude(ByteRange(contentStart, line.end), fill: 0x20)
                        previousBlank = false; inParagraph = false
                        continue
                    }
                }
                // ATX heading.
                if indent <= 3 && c == 0x23 {
                    let run = runLength(contentStart, line.end, 0x23)
                    if run <= 6 && (contentStart + run == line.end || text[contentStart + run] == 0x20 || text[contentStart + run] == 0x09) {
                        var bodyStart = contentStart + run
                        while bodyStart < line.end && (text[bodyStart] == 0x20 || text[bodyStart] == 0x09) { bodyStart += 1 }
                        masker.blank(ByteRange(contentStart, bodyStart))
                        var bodyEnd = line.end
                        while bodyEnd > bodyStart && (text[bodyEnd - 1] == 0x20 || text[bodyEnd - 1] == 0x09) { bodyEnd -= 1 }
                        var closing = bodyEnd
                        while closing > bodyStart && text[closing - 1] == 0x23 { closing -= 1 }
                        if closing < bodyEnd && (closing == bodyStart || text[closing - 1] == 0x20 || text[closing - 1] == 0x09) {
                            masker.blank(ByteRange(closing, bodyEnd))
                            bodyEnd = closing
                        }
                        masker.blockStart(bodyStart)
                        inline(bodyStart, bodyEnd)
                        if indent < 2 { inList = false }   // a heading ends a list
                        startBlockNext = true; previousBlank = false; inParagraph = false; inTable = false
                        continue
                    }
                }
                // Thematic break, or a setext heading's underline.
                if indent <= 3 && (isThematicBreak(contentStart, line.end) || (inParagraph && isSetextUnderline(contentStart, line.end))) {
                    masker.blank(ByteRange(contentStart, line.end))
                    if indent < 2 && !inParagraph { inList = false }
                    startBlockNext = true; inParagraph = false; previousBlank = false
                    continue
                }
                // HTML blocks and comments.
                if indent <= 3 && c == 0x3C, let end = htmlBlockStart(contentStart, line.end) {
                    masker.exclude(ByteRange(contentStart, line.end), fill: 0x20)
                    if indent < 2 { inList = false }
                    if case .comment = end { collectDirectives(contentStart, limit: text.count) }
                    if !closesHTML(end, Line(start: contentStart + 1, end: line.end)) { html = end } else { startBlockNext = true }
                    previousBlank = false; inParagraph = false
                    continue
                }
                // Link reference definition: `[label]: destination "title"`.
                if indent <= 3 && c == 0x5B && !inParagraph && isReferenceDefinition(contentStart, line.end) {
                    masker.exclude(ByteRange(contentStart, line.end), fill: 0x20)
                    previousBlank = false
                    continue
                }
                // Tables: a row with pipes followed by a delimiter row, and the rows after it.
                if inTable && contains(0x7C, contentStart, line.end) {
                    tableRow(contentStart, line.end)
                    continue
                }
                if !inParagraph && contains(0x7C, contentStart, line.end) && index + 1 < lines.count
                    && isDelimiterRow(lines[index + 1].start, lines[index + 1].end) {
                    tableRow(contentStart, line.end)
                    masker.blank(ByteRange(lines[index + 1].start, lines[index + 1].end))
                    index += 1
                    inTable = true; previousBlank = false; inParagraph = false
                    continue
                }
                // List items.
                let marker = isListMarker(contentStart, line.end)
                if marker.isList {
                    var body = marker.bodyStart
                    // A task list box: `[ ]` or `[x]`.
                    if body + 3 <= line.end && text[body] == 0x5B && text[body + 2] == 0x5D
                        && (text[body + 1] == 0x20 || text[body + 1] == 0x78 || text[body + 1] == 0x58) {
                        body += 3
                        while body < line.end && text[body] == 0x20 { body += 1 }
                    }
                    masker.blank(ByteRange(contentStart, body))
                    masker.blockStart(body)
                    masker.listItemStarts.insert(body)
                    inline(body, line.end)
                    inList = true; inParagraph = true; previousBlank = false; startBlockNext = false
                    continue
                }
                // A paragraph line.
                if startBlockNext { masker.blockStart(contentStart) }
                inline(contentStart, line.end)
                inParagraph = true; previousBlank = false; startBlockNext = false
            }
        }

        // MARK: Blocks

        private func frontMatterEnd() -> Int? {
            guard lines.count > 1, isOnly(lines[0], "---") else { return nil }
            for k in 1..<lines.count where isOnly(lines[k], "---") || isOnly(lines[k], "...") { return k }
            return nil
        }

        private func isOnly(_ line: Line, _ s: String) -> Bool {
            var end = line.end
            while end > line.start && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
            return Array(text[line.start..<end]) == Array(s.utf8)
        }

        private func isBlank(_ start: Int, _ end: Int) -> Bool {
            (start..<end).allSatisfy { text[$0] == 0x20 || text[$0] == 0x09 }
        }

        /// The first byte after up to `max` columns of indentation, and the indentation in columns.
        private func skipIndent(_ start: Int, _ end: Int, max: Int) -> (Int, Int) {
            var p = start, columns = 0
            while p < end && columns < max {
                if text[p] == 0x20 { columns += 1 } else if text[p] == 0x09 { columns += 4 - columns % 4 } else { break }
                p += 1
            }
            return (p, columns)
        }

        private func runLength(_ start: Int, _ end: Int, _ byte: UInt8) -> Int {
            var p = start
            while p < end && text[p] == byte { p += 1 }
            return p - start
        }

        private func contains(_ byte: UInt8, _ start: Int, _ end: Int) -> Bool {
            var p = start
            while p < end { if text[p] == byte { return true }; p += 1 }
            return false
        }

        private func isClosingFence(_ line: Line, _ open: (byte: UInt8, count: Int)) -> Bool {
            let (p, indent) = skipIndent(line.start, line.end, max: Int.max)
            guard indent <= 3 else { return false }
            let run = runLength(p, line.end, open.byte)
            return run >= open.count && isBlank(p + run, line.end)
        }

        private func isThematicBreak(_ start: Int, _ end: Int) -> Bool {
            let c = text[start]
            guard c == 0x2A || c == 0x2D || c == 0x5F else { return false }
            var count = 0
            for p in start..<end {
                if text[p] == c { count += 1 } else if text[p] != 0x20 && text[p] != 0x09 { return false }
            }
            return count >= 3
        }

        private func isSetextUnderline(_ start: Int, _ end: Int) -> Bool {
            let c = text[start]
            guard c == 0x3D || c == 0x2D else { return false }
            let run = runLength(start, end, c)
            return isBlank(start + run, end)
        }

        private func isListMarker(_ start: Int, _ end: Int) -> (isList: Bool, bodyStart: Int) {
            let c = text[start]
            var p = start
            if c == 0x2D || c == 0x2B || c == 0x2A {
                p += 1
            } else if CharacterClass.isASCIIDigit(c) {
                while p < end && p - start < 9 && CharacterClass.isASCIIDigit(text[p]) { p += 1 }
                guard p < end, text[p] == 0x2E || text[p] == 0x29 else { return (false, start) }
                p += 1
            } else {
                return (false, start)
            }
            guard p == end || text[p] == 0x20 || text[p] == 0x09 else { return (false, start) }
            while p < end && (text[p] == 0x20 || text[p] == 0x09) { p += 1 }
            return (true, p)
        }

        private func htmlBlockStart(_ start: Int, _ end: Int) -> HTMLEnd? {
            if hasPrefix(start, end, "<!--") { return .comment }
            var p = start + 1
            if p < end && text[p] == 0x2F { p += 1 }
            let nameStart = p
            while p < end && (CharacterClass.isASCIIAlnum(text[p]) || text[p] == 0x2D) { p += 1 }
            guard p > nameStart, CharacterClass.isASCIILetter(text[nameStart]) else { return nil }
            guard p == end || text[p] == 0x20 || text[p] == 0x09 || text[p] == 0x3E || (text[p] == 0x2F && p + 1 < end && text[p + 1] == 0x3E) else { return nil }
            let name = String(decoding: text[nameStart..<p], as: UTF8.self).lowercased()
            if Self.isRaw(name) && text[start + 1] != 0x2F { return .rawTag(name) }
            if MarkdownScanner.blockTags.contains(name) { return .blankLine }
            // Any other complete tag alone on its line (CommonMark's kind 7).
            if let close = firstIndex(of: 0x3E, p, end), isBlank(close + 1, end) { return .blankLine }
            return nil
        }

        private static func isRaw(_ name: String) -> Bool { MarkdownScanner.rawTags.contains(name) }

        private func closesHTML(_ end: HTMLEnd, _ line: Line) -> Bool {
            switch end {
            case .blankLine: return false
            case .comment: return find("-->", line.start, line.end) != nil
            case .rawTag(let name): return find("</\(name)", line.start, line.end) != nil || find("</\(name.uppercased())", line.start, line.end) != nil
            }
        }

        private func isReferenceDefinition(_ start: Int, _ end: Int) -> Bool {
            guard let close = firstIndex(of: 0x5D, start + 1, end), close > start + 1 else { return false }
            return close + 1 < end && text[close + 1] == 0x3A
        }

        private func isDelimiterRow(_ start: Int, _ end: Int) -> Bool {
            var sawDash = false, sawPipe = false
            for p in start..<end {
                switch text[p] {
                case 0x2D: sawDash = true
                case 0x7C: sawPipe = true
                case 0x3A, 0x20, 0x09: break
                default: return false
                }
            }
            return sawDash && sawPipe
        }

        /// A table row: pipes blanked, each cell a block.
        private mutating func tableRow(_ start: Int, _ end: Int) {
            var cellStart = start
            var p = start
            var inCode = false
            while p <= end {
                let atEnd = p == end
                if !atEnd && text[p] == 0x5C { p += 2; continue }
                if !atEnd && text[p] == 0x60 { inCode.toggle() }
                if atEnd || (text[p] == 0x7C && !inCode) {
                    var a = cellStart, b = min(p, end)
                    while a < b && (text[a] == 0x20 || text[a] == 0x09) { a += 1 }
                    while b > a && (text[b - 1] == 0x20 || text[b - 1] == 0x09) { b -= 1 }
                    if a < b { masker.blockStart(a); masker.cellStarts.insert(a); inline(a, b) }
                    if !atEnd { masker.blank(ByteRange(p, p + 1)) }
                    cellStart = p + 1
                }
                p += 1
            }
        }

        // MARK: Inlines

        /// Code spans, autolinks, inline HTML, link targets and emphasis markers in `start..<end`.
        private mutating func inline(_ start: Int, _ end: Int) {
            var p = start
            var openBrackets = 0
            while p < end {
                let c = text[p]
                switch c {
                case 0x5C:   // backslash escape
                    if p + 1 < end && isASCIIPunctuation(text[p + 1]) { masker.blank(ByteRange(p, p + 1)); p += 2 } else { p += 1 }
                case 0x60:   // code span
                    let run = runLength(p, end, 0x60)
                    var q = p + run
                    var close: Int? = nil
                    while q < end {
                        if text[q] == 0x60 {
                            let r = runLength(q, end, 0x60)
                            if r == run { close = q; break }
                            q += r
                        } else {
                            q += 1
                        }
                    }
                    if let close {
                        // Filled with digits, so that the span still reads as a word that no check flags.
                        masker.exclude(ByteRange(p, close + run), fill: 0x30)
                        p = close + run
                    } else {
                        p += run
                    }
                case 0x3C:   // autolink, inline HTML or comment
                    if hasPrefix(p, end, "<!--") {
                        let close = find("-->", p + 4, end).map { $0 + 3 } ?? end
                        masker.exclude(ByteRange(p, close), fill: 0x20)
                        collectDirectives(p, limit: close)
                        p = close
                    } else if let close = autolinkEnd(p, end) {
                        masker.exclude(ByteRange(p, close), fill: 0x30)
                        p = close
                    } else if let close = tagEnd(p, end) {
                        masker.exclude(ByteRange(p, close), fill: 0x20)
                        p = close
                    } else {
                        p += 1
                    }
                case 0x21 where p + 1 < end && text[p + 1] == 0x5B:   // image
                    masker.blank(ByteRange(p, p + 1))
                    p += 1
                case 0x5B:
                    masker.blank(ByteRange(p, p + 1))
                    openBrackets += 1
                    p += 1
                case 0x5D where openBrackets > 0:
                    openBrackets -= 1
                    masker.blank(ByteRange(p, p + 1))
                    p += 1
                    if p < end && text[p] == 0x28, let close = closingParenthesis(p, end) {
                        masker.exclude(ByteRange(p, close + 1), fill: 0x20)
                        p = close + 1
                    } else if p < end && text[p] == 0x5B, let close = firstIndex(of: 0x5D, p, end) {
                        masker.exclude(ByteRange(p, close + 1), fill: 0x20)
                        p = close + 1
                    }
                case 0x2A, 0x5F, 0x7E:   // emphasis and strikethrough delimiters
                    let run = runLength(p, end, c)
                    let before: UInt8 = p > start ? text[p - 1] : 0x20
                    let after: UInt8 = p + run < end ? text[p + run] : 0x20
                    let spaceBefore = before == 0x20 || before == 0x09, spaceAfter = after == 0x20 || after == 0x09
                    let intraword = CharacterClass.isASCIIAlnum(before) && CharacterClass.isASCIIAlnum(after)
                    if !(spaceBefore && spaceAfter) && !(c == 0x5F && intraword) && !(c == 0x7E && run < 2) {
                        masker.blank(ByteRange(p, p + run))
                    }
                    p += run
                default:
                    p += 1
                }
            }
        }

        private func autolinkEnd(_ start: Int, _ end: Int) -> Int? {
            guard let close = firstIndex(of: 0x3E, start + 1, end), close > start + 1 else { return nil }
            let body = text[(start + 1)..<close]
            guard !body.contains(0x20), !body.contains(0x3C) else { return nil }
            if let colon = body.firstIndex(of: 0x3A), colon > start + 2,
               body[(start + 1)..<colon].allSatisfy({ CharacterClass.isASCIIAlnum($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D }) {
                return close + 1
            }
            if body.contains(0x40) && body.contains(0x2E) { return close + 1 }   // e-mail
            return nil
        }

        private func tagEnd(_ start: Int, _ end: Int) -> Int? {
            var p = start + 1
            if p < end && text[p] == 0x2F { p += 1 }
            guard p < end, CharacterClass.isASCIILetter(text[p]) else { return nil }
            while p < end && (CharacterClass.isASCIIAlnum(text[p]) || text[p] == 0x2D) { p += 1 }
            guard p < end, text[p] == 0x20 || text[p] == 0x3E || text[p] == 0x2F || text[p] == 0x09 else { return nil }
            var quote: UInt8? = nil
            while p < end {
                let b = text[p]
                if let q = quote { if b == q { quote = nil } } else if b == 0x22 || b == 0x27 { quote = b } else if b == 0x3E { return p + 1 }
                p += 1
            }
            return nil
        }

        private func closingParenthesis(_ open: Int, _ end: Int) -> Int? {
            var depth = 0
            var p = open
            while p < end {
                if text[p] == 0x5C { p += 2; continue }
                if text[p] == 0x28 { depth += 1 } else if text[p] == 0x29 { depth -= 1; if depth == 0 { return p } }
                p += 1
            }
            return nil
        }

        private mutating func collectDirectives(_ start: Int, limit: Int) {
            let close = find("-->", start, text.count) ?? limit
            var p = start
            while let at = find("translint-", p, close) {
                if var directive = SuppressionDirective.parse(text, keywordAt: at, limit: close) {
                    directive.range = ByteRange(min(directive.range.start, start), max(directive.range.end, min(close + 3, text.count)))
                    directives.append(directive)
                }
                p = at + 10
            }
        }

        private func isASCIIPunctuation(_ b: UInt8) -> Bool {
            (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
        }

        private func firstIndex(of byte: UInt8, _ start: Int, _ end: Int) -> Int? {
            var p = start
            while p < end { if text[p] == byte { return p }; p += 1 }
            return nil
        }

        private func hasPrefix(_ start: Int, _ end: Int, _ s: String) -> Bool {
            let bytes = Array(s.utf8)
            guard start + bytes.count <= end else { return false }
            for k in 0..<bytes.count where text[start + k] != bytes[k] { return false }
            return true
        }

        private func find(_ s: String, _ start: Int, _ end: Int) -> Int? {
            SuppressionDirective.firstOccurrence(of: Array(s.utf8), in: text, from: start, to: end)
        }
    }
}
