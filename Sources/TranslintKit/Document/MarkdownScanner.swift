/// Reads Markdown (CommonMark with GitHub's tables and footnotes) as prose: finds what is not prose and where
/// blocks start.
///
/// Not prose, never flagged or changed: YAML front matter, fenced and indented code blocks, HTML blocks and
/// comments, code spans, autolinks, inline HTML, link and image targets, footnote labels and link reference
/// definitions. Markup characters (`#`, `>`, list markers, `*`/`_` emphasis, brackets, table pipes) are blanked
/// so the checks read the words around them. Headings, list items, footnotes, table cells and block quotes each
/// start a block (and so a sentence). Footnote text is prose.
///
/// The block structure follows CommonMark's two-phase algorithm (containers: block quotes, list items and
/// footnote definitions; leaves: paragraphs, headings, code, HTML, tables), so indented code inside a list item
/// is code, and inlines are read over a whole paragraph, so a code span or an HTML tag may run across lines.
/// Every scan is linear in the input: searches that could restart at each of many openers (closing backticks,
/// quotes, `-->`) are memoized per paragraph, and a link destination nests at most 32 parentheses, as in cmark.
/// `cmark-gfm` is the oracle of `MarkdownOracleTests`.
enum MarkdownScanner {
    static func prepare(_ text: UnsafeBufferPointer<UInt8>) -> PreparedText {
        var scanner = Scan(text: text, masker: Masker(text))
        scanner.run()
        var prepared = scanner.masker.finish()
        prepared.directives = scanner.directives
        return prepared
    }

    /// The offset of the last line of `text` (after the first) that starts a document afresh: everything before it
    /// reads the same without what follows, and everything from it reads as it does in the whole text. That is a
    /// line at column 0 after a blank line that starts with a letter (a paragraph, which closes every open list
    /// item, block quote and footnote and ends indented code) outside a top-level fenced code or HTML block. Nil
    /// when there is none, or when the text may still be inside its front matter. Markdown is linted in chunks cut
    /// there.
    static func lastFreshStart(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var scanner = Scan(text: text, masker: Masker(text))
        scanner.recordsFreshStarts = true
        if scanner.opensFrontMatter && scanner.frontMatterEnd() == nil { return nil }
        scanner.run()
        return scanner.lastFreshStart
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

    /// How an HTML block ends (CommonMark's kinds 1–7).
    private enum HTMLEnd { case blankLine, comment, rawTag(String), processing, declaration, cdata }

    private enum Container {
        case blockQuote
        /// Continuation lines must be indented this many columns (relative to the container's own column).
        case listItem(contentIndent: Int)
        /// A footnote definition: continuation lines are indented four columns.
        case footnote
    }

    private enum Leaf {
        case none
        case paragraph
        case fenced(byte: UInt8, count: Int)
        case indentedCode
        case html(HTMLEnd)
        case table
    }

    private struct Scan {
        let text: UnsafeBufferPointer<UInt8>
        var masker: Masker
        var directives: [SuppressionDirective] = []
        var lines: [Line] = []

        /// Open containers, outermost first; `leaf` is the open leaf block of the innermost one.
        var containers: [Container] = []
        var leaf: Leaf = .none
        /// Content ranges of the open paragraph's lines (from the first non-space byte to the line's end).
        var paragraph: [ByteRange] = []
        var paragraphIsBlockStart = false
        /// Where the body of a list item or footnote opened on this or an earlier line starts, until a block uses it.
        var pendingItemBody: Int?
        var pendingItemIsList = false
        var previousBlank = true
        /// For `lastFreshStart`.
        var recordsFreshStarts = false
        var lastFreshStart: Int?
        private var previousLineBlank = false

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
            while index < lines.count {
                process(lines[index])
                index += 1
            }
            close(to: 0)
        }

        // MARK: Blocks

        /// A position in a line: a byte offset and the column there (tabs to multiples of 4). The column can be
        /// ahead of the byte when a container took part of a tab.
        private struct Cursor {
            var pos: Int
            var col: Int
        }

        /// The first byte that is not a space or tab from `c`, and its column.
        private func firstNonSpace(_ c: Cursor, _ end: Int) -> Cursor {
            var p = c.pos, col = c.col
            while p < end {
                if text[p] == 0x20 { col += 1 } else if text[p] == 0x09 { col += 4 - col % 4 } else { break }
                p += 1
            }
            return Cursor(pos: p, col: col)
        }

        /// `c` moved on by `columns` columns of spaces and tabs (a tab may be taken in part).
        private func advance(_ c: Cursor, columns: Int, _ end: Int) -> Cursor {
            var c = c, left = columns
            while left > 0 && c.pos < end {
                if text[c.pos] == 0x20 {
                    c.pos += 1; c.col += 1; left -= 1
                } else if text[c.pos] == 0x09 {
                    let width = 4 - c.col % 4
                    if width <= left { c.pos += 1; c.col += width; left -= width } else { c.col += left; left = 0 }
                } else {
                    break
                }
            }
            return c
        }

        /// Whether the last line that was not blank was code (fenced or indented): the paragraph after it may go on
        /// from it (sentence-case reads it so), so no chunk starts there.
        private var lastNonBlankWasCode = false
        /// Whether the last line that was not blank ended with a colon: the paragraph after it is what it introduces
        /// (sentence-case reads it so, `The steps are:` / `first, open…`), so no chunk starts there either.
        private var lastNonBlankEndsWithColon = false

        private mutating func process(_ line: Line) {
            guard recordsFreshStarts else { return processLine(line) }
            let end = line.end
            if previousLineBlank && line.start > 0 && line.start < end && Self.startsAfresh(text[line.start]) && !lastNonBlankWasCode
                && !lastNonBlankEndsWithColon {
                switch (containers.isEmpty, leaf) {
                case (true, .fenced), (true, .html): break
                default: lastFreshStart = line.start
                }
            }
            previousLineBlank = isBlank(line.start, end)
            let before = leaf
            processLine(line)
            if !previousLineBlank {
                func isCode(_ leaf: Leaf) -> Bool {
                    switch leaf { case .fenced, .indentedCode: return true; default: return false }
                }
                lastNonBlankWasCode = isCode(before) || isCode(leaf)
                var last = end
                while last > line.start && (text[last - 1] == 0x20 || text[last - 1] == 0x09 || text[last - 1] == 0x0D) { last -= 1 }
                lastNonBlankEndsWithColon = last > line.start && (text[last - 1] == 0x3A
                    || (last - line.start >= 3 && text[last - 3] == 0xEF && text[last - 2] == 0xBC && text[last - 1] == 0x9A))
            }
        }

        private mutating func processLine(_ line: Line) {
            let end = line.end
            var c = Cursor(pos: line.start, col: 0)
            // 1. Which open containers this line continues.
            var matched = 0
            matching: while matched < containers.count {
                let nb = firstNonSpace(c, end)
                let indent = nb.col - c.col
                let blank = nb.pos >= end
                switch containers[matched] {
                case .blockQuote:
                    guard indent <= 3, !blank, text[nb.pos] == 0x3E else { break matching }
                    c = Cursor(pos: nb.pos + 1, col: nb.col + 1)
                    if c.pos < end && (text[c.pos] == 0x20 || text[c.pos] == 0x09) { c = advance(c, columns: 1, end) }
                    masker.blank(ByteRange(nb.pos, max(nb.pos + 1, c.pos)))
                case .listItem(let contentIndent):
                    if indent >= contentIndent { c = advance(c, columns: contentIndent, end) } else if blank { c = nb } else { break matching }
                case .footnote:
                    if indent >= 4 { c = advance(c, columns: 4, end) } else if blank { c = nb } else { break matching }
                }
                matched += 1
            }
            let allMatched = matched == containers.count

            // 2. The open leaf, when it takes the line as it is.
            if allMatched {
                let nb = firstNonSpace(c, end)
                switch leaf {
                case .fenced(let byte, let count):
                    if nb.col - c.col <= 3 && runLength(nb.pos, end, byte) >= count && isBlank(nb.pos + runLength(nb.pos, end, byte), end) {
                        leaf = .none
                    }
                    masker.exclude(ByteRange(c.pos, end), fill: 0x20)
                    previousBlank = false
                    return
                case .html(let kind):
                    if case .blankLine = kind, nb.pos >= end { leaf = .none; previousBlank = true; return }
                    masker.exclude(ByteRange(c.pos, end), fill: 0x20)
                    if closesHTML(kind, c.pos, end) { leaf = .none }
                    previousBlank = false
                    return
                case .indentedCode:
                    if nb.pos >= end { previousBlank = true; return }
                    if nb.col - c.col >= 4 {
                        masker.exclude(ByteRange(nb.pos, end), fill: 0x20)
                        previousBlank = false
                        return
                    }
                    leaf = .none
                default:
                    break
                }
            } else if case .paragraph = leaf {
                // Maybe a lazy continuation line: decided after looking for new blocks.
            } else {
                close(to: matched)
            }

            // 3. New blocks.
            // As in cmark: a paragraph may take the line lazily, unless a container opens on it first.
            var maybeLazy = isParagraphOpen
            var opened = false
            // Whether the line is in the open paragraph's container (a paragraph continuation, not a lazy one).
            var paragraphHere: Bool { allMatched && !opened && isParagraphOpen }
            while true {
                let nb = firstNonSpace(c, end)
                let indent = nb.col - c.col
                if nb.pos >= end { break }
                if indent >= 4 {
                    guard !maybeLazy else { break }
                    openBlock(matched: &matched, opened: &opened)
                    c = advance(c, columns: 4, end)
                    let content = firstNonSpace(c, end)
                    masker.exclude(ByteRange(content.pos, end), fill: 0x20)
                    leaf = .indentedCode
                    previousBlank = false
                    return
                }
                let byte = text[nb.pos]
                // Block quote.
                if byte == 0x3E {
                    openBlock(matched: &matched, opened: &opened)
                    c = Cursor(pos: nb.pos + 1, col: nb.col + 1)
                    if c.pos < end && (text[c.pos] == 0x20 || text[c.pos] == 0x09) { c = advance(c, columns: 1, end) }
                    masker.blank(ByteRange(nb.pos, max(nb.pos + 1, c.pos)))
                    // GitHub's alert marker (`> [!tip]`, `> [!WARNING]`): syntax, in any case, not text.
                    if let marker = alertMarker(c.pos, end) { masker.exclude(marker, fill: 0x20) }
                    containers.append(.blockQuote)
                    matched = containers.count
                    maybeLazy = false
                    continue
                }
                // ATX heading.
                if byte == 0x23, atxHeading(nb.pos, end, matched: &matched, opened: &opened) { return }
                // Fenced code.
                if byte == 0x60 || byte == 0x7E {
                    let run = runLength(nb.pos, end, byte)
                    if run >= 3 && !(byte == 0x60 && contains(0x60, nb.pos + run, end)) {
                        openBlock(matched: &matched, opened: &opened)
                        masker.exclude(ByteRange(nb.pos, end), fill: 0x20)
                        leaf = .fenced(byte: byte, count: run)
                        previousBlank = false
                        return
                    }
                }
                // HTML blocks and comments (a kind-7 block does not interrupt a paragraph).
                if byte == 0x3C, let kind = htmlBlockStart(nb.pos, end, interruptsParagraph: paragraphHere) {
                    openBlock(matched: &matched, opened: &opened)
                    masker.exclude(ByteRange(nb.pos, end), fill: 0x20)
                    if case .comment = kind { collectDirectives(nb.pos, limit: text.count) }
                    leaf = closesHTML(kind, nb.pos + 1, end) ? .none : .html(kind)
                    previousBlank = false
                    return
                }
                // Setext heading underline.
                if paragraphHere && (byte == 0x3D || byte == 0x2D) && isBlank(nb.pos + runLength(nb.pos, end, byte), end) {
                    masker.blank(ByteRange(nb.pos, end))
                    flushParagraph()
                    leaf = .none
                    previousBlank = false
                    return
                }
                // Thematic break.
                if isThematicBreak(nb.pos, end) {
                    openBlock(matched: &matched, opened: &opened)
                    masker.blank(ByteRange(nb.pos, end))
                    previousBlank = false
                    return
                }
                // Footnote definition: `[^label]:`.
                if byte == 0x5B, let body = footnoteDefinitionBody(nb.pos, end) {
                    openBlock(matched: &matched, opened: &opened)
                    masker.blank(ByteRange(nb.pos, body))
                    c = firstNonSpace(Cursor(pos: body, col: nb.col + (body - nb.pos)), end)
                    containers.append(.footnote)
                    matched = containers.count
                    maybeLazy = false
                    pendingItemBody = c.pos
                    pendingItemIsList = false
                    continue
                }
                // GitHub table: the paragraph's last line is its header row.
                if paragraphHere, let header = paragraph.last, isDelimiterRow(nb.pos, end),
                   cellCount(header.start, header.end) == cellCount(nb.pos, end) {
                    paragraph.removeLast()
                    flushParagraph()
                    tableRow(header.start, header.end)
                    masker.blank(ByteRange(nb.pos, end))
                    leaf = .table
                    previousBlank = false
                    return
                }
                // List item.
                if let item = listItem(nb, end, interruptsParagraph: paragraphHere) {
                    openBlock(matched: &matched, opened: &opened)
                    masker.blank(ByteRange(nb.pos, item.body.pos))
                    containers.append(.listItem(contentIndent: indent + item.contentIndent))
                    matched = containers.count
                    maybeLazy = false
                    c = item.body
                    // A task list box: `[ ]` or `[x]`.
                    let body = c.pos
                    if body + 3 < end && text[body] == 0x5B && text[body + 2] == 0x5D && (text[body + 3] == 0x20 || text[body + 3] == 0x09)
                        && (text[body + 1] == 0x20 || text[body + 1] == 0x78 || text[body + 1] == 0x58) {
                        masker.blank(ByteRange(body, body + 3))
                        c = firstNonSpace(Cursor(pos: body + 3, col: c.col + 3), end)
                    }
                    pendingItemBody = firstNonSpace(c, end).pos
                    pendingItemIsList = true
                    continue
                }
                break
            }

            // 4. The rest of the line is text (or blank).
            let nb = firstNonSpace(c, end)
            let blank = nb.pos >= end
            if !allMatched && !opened && isParagraphOpen && !blank {
                paragraph.append(ByteRange(nb.pos, end))   // lazy continuation
                previousBlank = false
                return
            }
            if !allMatched && !opened { close(to: matched) }
            if blank {
                if case .paragraph = leaf { flushParagraph() }
                if case .table = leaf { leaf = .none }
                previousBlank = true
                return
            }
            switch leaf {
            case .paragraph:
                paragraph.append(ByteRange(nb.pos, end))
            case .table:
                tableRow(nb.pos, end)
            default:
                leaf = .paragraph
                paragraph = [ByteRange(nb.pos, end)]
                paragraphIsBlockStart = !previousBlank || pendingItemBody == nb.pos
                if pendingItemBody == nb.pos && pendingItemIsList { masker.listItemStarts.insert(nb.pos) }
            }
            pendingItemBody = nil
            previousBlank = false
        }

        private var isParagraphOpen: Bool { if case .paragraph = leaf { return true } else { return false } }

        /// Before a new block: the containers the line did not continue are closed, and so is the open leaf.
        private mutating func openBlock(matched: inout Int, opened: inout Bool) {
            close(to: matched)
            closeLeaf()
            opened = true
        }

        /// Closes the containers past the first `depth` ones (and the leaf, when any is closed).
        private mutating func close(to depth: Int) {
            guard containers.count > depth || depth == 0 else { return }
            closeLeaf()
            containers.removeLast(containers.count - depth)
        }

        private mutating func closeLeaf() {
            if case .paragraph = leaf { flushParagraph() }
            leaf = .none
        }

        /// Reads the open paragraph: link reference definitions at its start, then its inlines over all its lines.
        private mutating func flushParagraph() {
            var lines = paragraph[...]
            paragraph = []
            leaf = .none
            var isBlockStart = paragraphIsBlockStart
            paragraphIsBlockStart = false
            while let first = lines.first, let used = referenceDefinitionLines(lines) {
                masker.exclude(ByteRange(first.start, lines[lines.startIndex + used - 1].end), fill: 0x20)
                lines = lines.dropFirst(used)
                isBlockStart = true
            }
            guard let first = lines.first, let last = lines.last else { return }
            if isBlockStart { masker.blockStart(first.start) }
            let range = ByteRange(first.start, last.end)
            // Between lines lie line breaks and container markers (`>`), which are not part of the paragraph:
            // read a copy with them blanked, so offsets stay those of the text.
            var gapsAreBlank = true
            for k in lines.indices.dropFirst() where !(lines[k - 1].end..<lines[k].start).allSatisfy({ isSpaceOrBreak(text[$0]) }) {
                gapsAreBlank = false
                break
            }
            if gapsAreBlank {
                inline(UnsafeBufferPointer(rebasing: text[range.start..<range.end]), base: range.start)
            } else {
                var copy = Array(text[range.start..<range.end])
                for k in lines.indices.dropFirst() {
                    for p in lines[k - 1].end..<lines[k].start where !isSpaceOrBreak(text[p]) { copy[p - range.start] = 0x20 }
                }
                copy.withUnsafeBufferPointer { inline($0, base: range.start) }
            }
        }

        /// How many of `lines` one link reference definition at their start takes (`[label]: destination "title"`,
        /// the destination and the title may each be on the next line), or nil.
        private func referenceDefinitionLines(_ lines: ArraySlice<ByteRange>) -> Int? {
            guard let first = lines.first, first.start < first.end, text[first.start] == 0x5B,
                  first.start + 1 < first.end, text[first.start + 1] != 0x5E else { return nil }
            var p = first.start + 1
            while p < first.end && text[p] != 0x5D {
                if text[p] == 0x5C { p += 1 } else if text[p] == 0x5B { return nil }
                p += 1
            }
            guard p > first.start + 1, p + 1 < first.end, text[p + 1] == 0x3A else { return nil }
            var used = 1
            var k = lines.startIndex
            // On the same line: a destination, then nothing or the start of a title (else it is prose).
            var q = p + 2
            while q < first.end && (text[q] == 0x20 || text[q] == 0x09) { q += 1 }
            while q < first.end && text[q] != 0x20 && text[q] != 0x09 { q += 1 }
            while q < first.end && (text[q] == 0x20 || text[q] == 0x09) { q += 1 }
            guard q == first.end || text[q] == 0x22 || text[q] == 0x27 || text[q] == 0x28 else { return nil }
            if isBlank(p + 2, first.end) {
                // The destination on the next line.
                guard lines.count > 1 else { return nil }
                used = 2
                k += 1
            }
            // A title alone on the following line.
            if lines.count > used {
                let next = lines[k + 1]
                if next.start < next.end, ByteSet.titleOpeners.contains(text[next.start]) { used += 1 }
            }
            return used
        }

        /// A letter (ASCII or not), which opens no block but a paragraph.
        private static func startsAfresh(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0xC2
        }

        var opensFrontMatter: Bool { lines.count > 0 && isOnly(lines[0], "---") }

        func frontMatterEnd() -> Int? {
            guard lines.count > 1, isOnly(lines[0], "---") else { return nil }
            for k in 1..<lines.count where isOnly(lines[k], "---") || isOnly(lines[k], "...") { return k }
            return nil
        }

        private func isOnly(_ line: Line, _ s: String) -> Bool {
            var end = line.end
            while end > line.start && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
            return end - line.start == s.utf8.count && hasPrefix(line.start, end, s)
        }

        private func isBlank(_ start: Int, _ end: Int) -> Bool {
            var p = start
            while p < end { if text[p] != 0x20 && text[p] != 0x09 { return false }; p += 1 }
            return true
        }

        private func isSpaceOrBreak(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

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

        private mutating func atxHeading(_ start: Int, _ end: Int, matched: inout Int, opened: inout Bool) -> Bool {
            let run = runLength(start, end, 0x23)
            guard run <= 6 && (start + run == end || text[start + run] == 0x20 || text[start + run] == 0x09) else { return false }
            openBlock(matched: &matched, opened: &opened)
            var bodyStart = start + run
            while bodyStart < end && (text[bodyStart] == 0x20 || text[bodyStart] == 0x09) { bodyStart += 1 }
            masker.blank(ByteRange(start, bodyStart))
            var bodyEnd = end
            while bodyEnd > bodyStart && (text[bodyEnd - 1] == 0x20 || text[bodyEnd - 1] == 0x09) { bodyEnd -= 1 }
            var closing = bodyEnd
            while closing > bodyStart && text[closing - 1] == 0x23 { closing -= 1 }
            if closing < bodyEnd && (closing == bodyStart || text[closing - 1] == 0x20 || text[closing - 1] == 0x09) {
                masker.blank(ByteRange(closing, bodyEnd))
                bodyEnd = closing
            }
            masker.blockStart(bodyStart)
            masker.headingStarts.insert(bodyStart)
            inline(UnsafeBufferPointer(rebasing: text[bodyStart..<bodyEnd]), base: bodyStart)
            pendingItemBody = nil
            previousBlank = false
            return true
        }

        /// `[!note]` and nothing else on the rest of the line, from `start`: GitHub's alert marker.
        private func alertMarker(_ start: Int, _ end: Int) -> ByteRange? {
            guard start + 3 < end, text[start] == 0x5B, text[start + 1] == 0x21 else { return nil }
            var k = start + 2
            while k < end && CharacterClass.isASCIILetter(text[k]) { k += 1 }
            guard k > start + 2, k < end, text[k] == 0x5D else { return nil }
            let close = k + 1
            guard isBlank(close, end) else { return nil }
            return ByteRange(start, close)
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

        /// A list marker at `at`: where the item's content starts, and its content indent in columns from the
        /// marker (CommonMark: the marker's width plus 1–4 spaces; 1 when the rest is blank or starts with 5 or more,
        /// which then is indented code).
        private func listItem(_ at: Cursor, _ end: Int, interruptsParagraph: Bool) -> (body: Cursor, contentIndent: Int)? {
            let start = at.pos
            let c = text[start]
            var p = start
            if c == 0x2D || c == 0x2B || c == 0x2A {
                p += 1
            } else if CharacterClass.isASCIIDigit(c) {
                while p < end && p - start < 9 && CharacterClass.isASCIIDigit(text[p]) { p += 1 }
                guard p < end, text[p] == 0x2E || text[p] == 0x29 else { return nil }
                if interruptsParagraph && !(p - start == 1 && c == 0x31) { return nil }
                p += 1
            } else {
                return nil
            }
            guard p == end || text[p] == 0x20 || text[p] == 0x09 else { return nil }
            let marker = Cursor(pos: p, col: at.col + (p - start))
            let after = firstNonSpace(marker, end)
            if after.pos >= end {
                if interruptsParagraph { return nil }
                return (after, p - start + 1)
            }
            let spaces = after.col - marker.col
            if spaces >= 5 { return (advance(marker, columns: 1, end), p - start + 1) }
            return (after, p - start + spaces)
        }

        /// After `[^label]:` and the spaces after it, or nil.
        private func footnoteDefinitionBody(_ start: Int, _ end: Int) -> Int? {
            guard start + 1 < end, text[start + 1] == 0x5E else { return nil }
            var p = start + 2
            while p < end && text[p] != 0x5D && text[p] != 0x20 && text[p] != 0x09 && text[p] != 0x5B { p += 1 }
            guard p > start + 2, p + 1 < end, text[p] == 0x5D, text[p + 1] == 0x3A else { return nil }
            p += 2
            while p < end && (text[p] == 0x20 || text[p] == 0x09) { p += 1 }
            return p
        }

        private func htmlBlockStart(_ start: Int, _ end: Int, interruptsParagraph: Bool) -> HTMLEnd? {
            if hasPrefix(start, end, "<!--") { return .comment }
            if hasPrefix(start, end, "<?") { return .processing }
            if hasPrefix(start, end, "<![CDATA[") { return .cdata }
            if start + 2 < end && text[start + 1] == 0x21 && CharacterClass.isASCIILetter(text[start + 2]) { return .declaration }
            var p = start + 1
            if p < end && text[p] == 0x2F { p += 1 }
            let nameStart = p
            while p < end && (CharacterClass.isASCIIAlnum(text[p]) || text[p] == 0x2D) { p += 1 }
            guard p > nameStart, CharacterClass.isASCIILetter(text[nameStart]) else { return nil }
            guard p == end || text[p] == 0x20 || text[p] == 0x09 || text[p] == 0x3E || (text[p] == 0x2F && p + 1 < end && text[p + 1] == 0x3E) else {
                return nil
            }
            let name = String(decoding: text[nameStart..<p], as: UTF8.self).lowercased()
            if MarkdownScanner.rawTags.contains(name) && text[start + 1] != 0x2F { return .rawTag(name) }
            if MarkdownScanner.blockTags.contains(name) { return .blankLine }
            // Any other complete tag alone on its line (CommonMark's kind 7), which does not interrupt a paragraph.
            guard !interruptsParagraph else { return nil }
            if let close = firstIndex(of: 0x3E, p, end), isBlank(close + 1, end) { return .blankLine }
            return nil
        }

        private func closesHTML(_ end: HTMLEnd, _ start: Int, _ lineEnd: Int) -> Bool {
            switch end {
            case .blankLine: return false
            case .comment: return find("-->", start, lineEnd) != nil
            case .processing: return find("?>", start, lineEnd) != nil
            case .declaration: return firstIndex(of: 0x3E, start, lineEnd) != nil
            case .cdata: return find("]]>", start, lineEnd) != nil
            case .rawTag(let name):
                var p = start
                while let at = firstIndex(of: 0x3C, p, lineEnd) {
                    if at + 2 + name.utf8.count <= lineEnd && text[at + 1] == 0x2F,
                       String(decoding: text[(at + 2)..<(at + 2 + name.utf8.count)], as: UTF8.self).lowercased() == name {
                        return true
                    }
                    p = at + 1
                }
                return false
            }
        }

        /// Cells of a table row: split at pipes not escaped, a leading and a trailing pipe left out.
        private func cellCount(_ start: Int, _ end: Int) -> Int {
            var a = start, b = end
            while a < b && (text[a] == 0x20 || text[a] == 0x09) { a += 1 }
            while b > a && (text[b - 1] == 0x20 || text[b - 1] == 0x09) { b -= 1 }
            guard a < b else { return 0 }
            var count = 1
            var p = a
            while p < b {
                if text[p] == 0x5C { p += 2; continue }
                if text[p] == 0x7C && p != a && p != b - 1 { count += 1 }
                p += 1
            }
            return count
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

        /// A table row: pipes blanked, each cell a block. As in GitHub's tables, a pipe splits cells even inside
        /// backticks unless it is escaped.
        private mutating func tableRow(_ start: Int, _ end: Int) {
            var cellStart = start
            var p = start
            while p <= end {
                let atEnd = p == end
                if !atEnd && text[p] == 0x5C { p += 2; continue }
                if atEnd || text[p] == 0x7C {
                    var a = cellStart, b = min(p, end)
                    while a < b && (text[a] == 0x20 || text[a] == 0x09) { a += 1 }
                    while b > a && (text[b - 1] == 0x20 || text[b - 1] == 0x09) { b -= 1 }
                    if a < b {
                        masker.blockStart(a)
                        masker.cellStarts.insert(a)
                        inline(UnsafeBufferPointer(rebasing: text[a..<b]), base: a)
                    }
                    if !atEnd { masker.blank(ByteRange(p, p + 1)) }
                    cellStart = p + 1
                }
                p += 1
            }
        }

        // MARK: Inlines

        /// Code spans, autolinks, inline HTML, link targets, footnote references and emphasis markers of one
        /// paragraph, heading or cell: `t` is its text (offset `base` in the document), line breaks included.
        private mutating func inline(_ t: UnsafeBufferPointer<UInt8>, base: Int) {
            var reader = InlineReader(t: t)
            let n = t.count
            var p = 0
            var openBrackets = 0
            func range(_ a: Int, _ b: Int) -> ByteRange { ByteRange(base + a, base + b) }
            while p < n {
                let c = t[p]
                switch c {
                case 0x5C:   // backslash escape
                    if p + 1 < n && InlineReader.isASCIIPunctuation(t[p + 1]) { masker.blank(range(p, p + 1)); p += 2 } else { p += 1 }
                case 0x60:   // code span
                    let run = reader.runLength(p, 0x60)
                    if let close = reader.closingBackticks(from: p + run, length: run) {
                        // Filled with digits, so that the span still reads as a word that no check flags.
                        masker.exclude(range(p, close + run), fill: 0x30)
                        p = close + run
                    } else {
                        p += run
                    }
                case 0x3C:   // autolink, inline HTML or comment
                    if let close = reader.autolinkEnd(p) {
                        masker.exclude(range(p, close), fill: 0x30)
                        p = close
                    } else if let close = reader.htmlEnd(p) {
                        masker.exclude(range(p, close), fill: 0x20)
                        if reader.hasPrefix(p, "<!--") { collectDirectives(base + p, limit: base + close) }
                        p = close
                    } else {
                        p += 1
                    }
                case 0x21 where p + 1 < n && t[p + 1] == 0x5B:   // image
                    masker.blank(range(p, p + 1))
                    p += 1
                case 0x5B:
                    if let close = reader.footnoteReferenceEnd(p) {
                        masker.exclude(range(p, close), fill: 0x20)
                        p = close
                    } else {
                        masker.blank(range(p, p + 1))
                        openBrackets += 1
                        p += 1
                    }
                case 0x5D where openBrackets > 0:
                    openBrackets -= 1
                    masker.blank(range(p, p + 1))
                    p += 1
                    if p < n && t[p] == 0x28, let close = reader.inlineLinkEnd(p) {
                        masker.exclude(range(p, close), fill: 0x20)
                        p = close
                    } else if p < n && t[p] == 0x5B, let close = reader.labelEnd(p) {
                        masker.exclude(range(p, close), fill: 0x20)
                        p = close
                    }
                case 0x2A, 0x5F, 0x7E:   // emphasis and strikethrough delimiters
                    let run = reader.runLength(p, c)
                    let before: UInt8 = p > 0 ? t[p - 1] : 0x20
                    let after: UInt8 = p + run < n ? t[p + run] : 0x20
                    let spaceBefore = InlineReader.isSpace(before), spaceAfter = InlineReader.isSpace(after)
                    let intraword = CharacterClass.isASCIIAlnum(before) && CharacterClass.isASCIIAlnum(after)
                    if !(spaceBefore && spaceAfter) && !(c == 0x5F && intraword) && !(c == 0x7E && run < 2) {
                        masker.blank(range(p, p + run))
                    }
                    p += run
                default:
                    p += 1
                }
            }
        }

        private mutating func collectDirectives(_ start: Int, limit: Int) {
            let close = find("-->", start, text.count) ?? limit
            var p = start
            // One directive per comment, as markdownlint reads them: the rest of the comment is its rules.
            while let at = find("translint-", p, close) {
                if var directive = SuppressionDirective.parse(text, keywordAt: at, limit: close) {
                    directive.range = ByteRange(min(directive.range.start, start), max(directive.range.end, min(close + 3, text.count)))
                    directives.append(directive)
                    return
                }
                p = at + 10
            }
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

    /// The inline grammar's scanners over one paragraph, each linear over the paragraph however many openers
    /// it has: a search that failed is not repeated, and one that succeeded answers later searches it covers.
    private struct InlineReader {
        let t: UnsafeBufferPointer<UInt8>
        /// Per backtick-run length, the last run of it seen; `scannedAll` once a search reached the end (cmark's way).
        private var lastRun: [Int: Int] = [:]
        private var scannedAll = false
        /// Per searched byte or pattern: the last search's start and its answer (-1: none up to the end).
        private var memo: [String: (from: Int, at: Int)] = [:]

        init(t: UnsafeBufferPointer<UInt8>) { self.t = t }

        static let emailBytes = Set(".!#$%&'*+/=?^_`{|}~-".utf8)
        static let notInUnquotedValue = Set("\"'=<>`".utf8)

        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

        static func isASCIIPunctuation(_ b: UInt8) -> Bool {
            (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
        }

        func runLength(_ start: Int, _ byte: UInt8) -> Int {
            var p = start
            while p < t.count && t[p] == byte { p += 1 }
            return p - start
        }

        func hasPrefix(_ start: Int, _ s: String) -> Bool {
            var p = start
            for b in s.utf8 {
                guard p < t.count, t[p] == b else { return false }
                p += 1
            }
            return true
        }

        /// The start of the first run of exactly `length` backticks at or after `from`.
        mutating func closingBackticks(from: Int, length: Int) -> Int? {
            if scannedAll && (lastRun[length] ?? -1) < from { return nil }
            var r = from
            while r < t.count {
                if t[r] != 0x60 { r += 1; continue }
                let run = runLength(r, 0x60)
                lastRun[run] = max(lastRun[run] ?? -1, r)
                if run == length { return r }
                r += run
            }
            scannedAll = true
            return nil
        }

        /// The first occurrence of `pattern` at or after `from` (with `unescaped`, not after a backslash).
        mutating func find(_ pattern: String, from: Int, unescaped: Bool = false) -> Int? {
            let key = unescaped ? "\\" + pattern : pattern
            if let cached = memo[key], from >= cached.from, cached.at < 0 || from <= cached.at {
                return cached.at < 0 ? nil : cached.at
            }
            let bytes = Array(pattern.utf8)
            var p = from
            var found = -1
            while p + bytes.count <= t.count {
                if t[p] == bytes[0] && (bytes.count == 1 || Array(t[p..<(p + bytes.count)]) == bytes) {
                    var slashes = 0
                    while unescaped && p - slashes - 1 >= from && t[p - slashes - 1] == 0x5C { slashes += 1 }
                    if slashes % 2 == 0 { found = p; break }
                }
                p += 1
            }
            memo[key] = (from, found)
            return found < 0 ? nil : found
        }

        /// `<scheme:...>` or `<user@example.com>`: the end, or nil.
        func autolinkEnd(_ start: Int) -> Int? {
            let n = t.count
            var q = start + 1
            if q < n && CharacterClass.isASCIILetter(t[q]) {
                var s = q + 1
                while s < n && s - q < 32 && (CharacterClass.isASCIIAlnum(t[s]) || t[s] == 0x2B || t[s] == 0x2E || t[s] == 0x2D) { s += 1 }
                if s - q >= 2 && s < n && t[s] == 0x3A {
                    var r = s + 1
                    while r < n && t[r] > 0x20 && t[r] != 0x3C && t[r] != 0x3E { r += 1 }
                    if r < n && t[r] == 0x3E { return r + 1 }
                }
            }
            q = start + 1
            while q < n && (CharacterClass.isASCIIAlnum(t[q]) || Self.emailBytes.contains(t[q])) { q += 1 }
            guard q > start + 1, q < n, t[q] == 0x40 else { return nil }
            q += 1
            while true {
                let label = q
                while q < n && q - label < 63 && (CharacterClass.isASCIIAlnum(t[q]) || t[q] == 0x2D) { q += 1 }
                guard q > label else { return nil }
                if q < n && t[q] == 0x2E { q += 1; continue }
                break
            }
            return q < n && t[q] == 0x3E ? q + 1 : nil
        }

        /// Inline HTML at `start` (an open or closing tag, a comment, a processing instruction, a declaration or
        /// CDATA): its end, or nil.
        mutating func htmlEnd(_ start: Int) -> Int? {
            let n = t.count
            guard start + 1 < n else { return nil }
            if hasPrefix(start, "<!--") { return find("-->", from: start + 4).map { $0 + 3 } }
            if hasPrefix(start, "<?") { return find("?>", from: start + 2).map { $0 + 2 } }
            if hasPrefix(start, "<![CDATA[") { return find("]]>", from: start + 9).map { $0 + 3 } }
            if t[start + 1] == 0x21 {
                guard start + 2 < n, CharacterClass.isASCIILetter(t[start + 2]) else { return nil }
                return find(">", from: start + 2).map { $0 + 1 }
            }
            var q = start + 1
            let closing = t[q] == 0x2F
            if closing { q += 1 }
            guard q < n, CharacterClass.isASCIILetter(t[q]) else { return nil }
            while q < n && (CharacterClass.isASCIIAlnum(t[q]) || t[q] == 0x2D) { q += 1 }
            if closing {
                while q < n && Self.isSpace(t[q]) { q += 1 }
                return q < n && t[q] == 0x3E ? q + 1 : nil
            }
            while true {
                let spaceStart = q
                while q < n && Self.isSpace(t[q]) { q += 1 }
                guard q < n else { return nil }
                if t[q] == 0x3E { return q + 1 }
                if t[q] == 0x2F { return q + 1 < n && t[q + 1] == 0x3E ? q + 2 : nil }
                guard q > spaceStart, CharacterClass.isASCIILetter(t[q]) || t[q] == 0x5F || t[q] == 0x3A else { return nil }
                while q < n && (CharacterClass.isASCIIAlnum(t[q]) || t[q] == 0x5F || t[q] == 0x2E || t[q] == 0x3A || t[q] == 0x2D) { q += 1 }
                var r = q
                while r < n && Self.isSpace(t[r]) { r += 1 }
                guard r < n, t[r] == 0x3D else { continue }
                r += 1
                while r < n && Self.isSpace(t[r]) { r += 1 }
                guard r < n else { return nil }
                if t[r] == 0x22 || t[r] == 0x27 {
                    guard let close = find(t[r] == 0x22 ? "\"" : "'", from: r + 1) else { return nil }
                    q = close + 1
                } else {
                    let valueStart = r
                    while r < n && !Self.isSpace(t[r]) && !Self.notInUnquotedValue.contains(t[r]) { r += 1 }
                    guard r > valueStart else { return nil }
                    q = r
                }
            }
        }

        /// `[^label]`: its end, or nil.
        func footnoteReferenceEnd(_ start: Int) -> Int? {
            let n = t.count
            guard start + 1 < n, t[start + 1] == 0x5E else { return nil }
            var q = start + 2
            while q < n && q - start < 1000 && t[q] != 0x5D && t[q] != 0x5B && !Self.isSpace(t[q]) { q += 1 }
            return q > start + 2 && q < n && t[q] == 0x5D ? q + 1 : nil
        }

        /// `[label]` of a reference link: its end, or nil (a label holds at most 999 characters, no brackets).
        func labelEnd(_ start: Int) -> Int? {
            let n = t.count
            var q = start + 1
            while q < n && q - start < 1000 {
                if t[q] == 0x5C { q += 2; continue }
                if t[q] == 0x5B { return nil }
                if t[q] == 0x5D { return q + 1 }
                q += 1
            }
            return nil
        }

        /// `(destination "title")` of an inline link, from its `(`: its end, or nil.
        mutating func inlineLinkEnd(_ open: Int) -> Int? {
            let n = t.count
            var q = open + 1
            func skipSpace() { while q < n && Self.isSpace(t[q]) { q += 1 } }
            skipSpace()
            guard q < n else { return nil }
            if t[q] == 0x3C {
                var r = q + 1
                while r < n && t[r] != 0x3E && t[r] != 0x0A && t[r] != 0x3C {
                    if t[r] == 0x5C { r += 1 }
                    r += 1
                }
                guard r < n, t[r] == 0x3E else { return nil }
                q = r + 1
            } else {
                var depth = 0
                while q < n {
                    let b = t[q]
                    if b == 0x5C && q + 1 < n && Self.isASCIIPunctuation(t[q + 1]) { q += 2; continue }
                    if b <= 0x20 { break }
                    if b == 0x28 { depth += 1; if depth > 32 { return nil } }
                    if b == 0x29 { if depth == 0 { break }; depth -= 1 }
                    q += 1
                }
                guard depth == 0 else { return nil }
            }
            let afterDestination = q
            skipSpace()
            if q < n && q > afterDestination && (t[q] == 0x22 || t[q] == 0x27 || t[q] == 0x28) {
                let closer = t[q] == 0x22 ? "\"" : t[q] == 0x27 ? "'" : ")"
                guard let close = find(closer, from: q + 1, unescaped: true) else { return nil }
                q = close + 1
                skipSpace()
            }
            return q < n && t[q] == 0x29 ? q + 1 : nil
        }
    }
}
