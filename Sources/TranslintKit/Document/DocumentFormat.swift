/// How a file's bytes are read: as prose throughout, or as Markdown, whose code, link targets, HTML and
/// front matter are not prose.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case plainText = "text"
    case markdown

    /// By extension: `.md` and `.markdown` are Markdown; everything else is plain text.
    public static func forPath(_ path: String) -> DocumentFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown : .plainText
    }
}

/// What the checks read of a document, and what they must leave alone.
///
/// `masked` has exactly the length of the original, so every offset found in it is an offset into the
/// original: markup and code are overwritten byte for byte (line breaks kept), never removed.
struct PreparedText {
    /// The text the checks read, or nil when it is the original unchanged.
    var masked: [UInt8]?
    /// Not prose (code, link targets, HTML, front matter, suppression comments): a finding that touches one is
    /// dropped. Sorted, non-overlapping.
    var excluded: [ByteRange] = []
    /// Markup characters blanked in `masked` (emphasis, heading, list and quote markers, table pipes): a finding
    /// next to them stays, but a fix whose edits touch them is dropped. Sorted, non-overlapping.
    var markup: [ByteRange] = []
    /// Where a block starts though no blank line comes before it (a heading, list item, table cell, quote).
    var blockStarts: [Int] = []
    /// The block starts that are list items: a list after a colon may start in lowercase.
    var listItemStarts: Set<Int> = []
    /// The block starts that are table cells: labels and values, not sentences.
    var cellStarts: Set<Int> = []
    /// Where the text of an ATX heading starts (`## default and compact`: `default`).
    var headingStarts: Set<Int> = []
    /// Suppression comments, in order.
    var directives: [SuppressionDirective] = []

    static func prepare(_ text: UnsafeBufferPointer<UInt8>, format: DocumentFormat) -> PreparedText {
        switch format {
        case .markdown:
            return MarkdownScanner.prepare(text)
        case .plainText:
            let directives = SuppressionDirective.find(in: text)
            let headings = linesAfterCommentLines(text)
            guard !directives.isEmpty else { return PreparedText(blockStarts: headings) }
            var masker = Masker(text)
            for directive in directives { masker.exclude(directive.range, fill: 0x20) }
            var prepared = masker.finish()
            prepared.directives = directives
            prepared.blockStarts = headings
            return prepared
        }
    }

    /// In plain text, a line that starts with `# ` is a heading or a comment (`# source: https://…`), never the
    /// first half of a sentence: the line after it starts a block. Returns those line starts, in order.
    static func linesAfterCommentLines(_ text: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts: [Int] = []
        var i = ByteScan.firstIndex(of: 0x23, in: text, from: 0, to: text.count)
        while i < text.count {
            if i == 0 || text[i - 1] == 0x0A {
                var k = i
                while k < text.count && text[k] == 0x23 { k += 1 }
                if k < text.count && (text[k] == 0x20 || text[k] == 0x09) {
                    let next = ByteScan.firstIndex(of: 0x0A, in: text, from: k, to: text.count) + 1
                    if next < text.count && text[next] != 0x0A && text[next] != 0x0D && text[next] != 0x23 { starts.append(next) }
                }
            }
            i = ByteScan.firstIndex(of: 0x23, in: text, from: i + 1, to: text.count)
        }
        return starts
    }

    /// Whether `range` touches an excluded range.
    func isExcluded(_ range: ByteRange) -> Bool { ByteRange.touches(merged: excluded, range) }

    /// Whether `range` touches markup.
    func touchesMarkup(_ range: ByteRange) -> Bool { ByteRange.touches(merged: markup, range) }
}

/// Builds a `PreparedText`: overwrites bytes of a copy of the text, keeping line breaks.
struct Masker {
    let text: UnsafeBufferPointer<UInt8>
    var masked: [UInt8]
    var excluded: [ByteRange] = []
    var markup: [ByteRange] = []
    var blockStarts: [Int] = []
    var listItemStarts: Set<Int> = []
    var cellStarts: Set<Int> = []
    var headingStarts: Set<Int> = []
    var changed = false

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        self.masked = Array(text)
    }

    /// Overwrites `range` with `fill` (line breaks kept) and excludes it from findings.
    mutating func exclude(_ range: ByteRange, fill: UInt8) {
        guard !range.isEmpty else { return }
        overwrite(range, fill: fill)
        excluded.append(range)
    }

    /// Overwrites markup characters with spaces; findings next to them stay, fixes touching them do not.
    mutating func blank(_ range: ByteRange) {
        guard !range.isEmpty else { return }
        overwrite(range, fill: 0x20)
        markup.append(range)
    }

    private mutating func overwrite(_ range: ByteRange, fill: UInt8) {
        changed = true
        for i in range.start..<range.end where masked[i] != 0x0A && masked[i] != 0x0D { masked[i] = fill }
    }

    mutating func blockStart(_ offset: Int) { blockStarts.append(offset) }

    func finish() -> PreparedText {
        PreparedText(masked: changed ? masked : nil, excluded: ByteRange.merged(excluded), markup: ByteRange.merged(markup),
                     blockStarts: Array(Set(blockStarts)).sorted(), listItemStarts: listItemStarts,
                     cellStarts: cellStarts, headingStarts: headingStarts)
    }
}
