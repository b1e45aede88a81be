/// Applies suppression directives to findings across a whole file, which may arrive in chunks: a
/// `translint-disable` block stays open from one chunk to the next. Keeps which directives suppressed
/// something, so that the others can be reported as `unused-suppression`.
public struct SuppressionFilter: Sendable {
    /// A directive seen so far, with offsets into the file.
    public struct Record: Hashable, Sendable {
        public var directive: SuppressionDirective
        public var used: Bool
    }

    /// An open `translint-disable`: every rule but `except`, or only `rules`.
    private struct Block: Sendable {
        var record: Int
        var rules: Set<String>?
        var except: Set<String>

        func covers(_ rule: String) -> Bool { !except.contains(rule) && (rules?.contains(rule) ?? true) }
        var isEmpty: Bool { rules?.isEmpty ?? false }
    }

    public private(set) var records: [Record] = []
    private var open: [Block] = []

    public init() {}

    /// The findings that no directive suppresses. `findings` (sorted by start) and `directives` have offsets into
    /// `text`, which starts at byte `base` of the file.
    public mutating func apply(_ findings: [Finding], directives: [SuppressionDirective],
                               in text: UnsafeBufferPointer<UInt8>, base: Int) -> [Finding] {
        if directives.isEmpty && open.isEmpty { return findings }
        // Line directives: the line they cover, as byte offsets into `text`.
        var lineRules: [(range: ByteRange, rules: Set<String>?, record: Int)] = []
        var events: [(offset: Int, record: Int)] = []
        // The line breaks that end the lines of `disable-next-line` comments: a fix that removed one would move the
        // line it silences up onto the comment's own line, where nothing silences it, and the next `--fix` would
        // change what this one left alone. Such a fix is not applied; its finding stays, to be fixed by hand.
        var nextLineBreaks: [Int] = []
        for directive in directives.sorted(by: { $0.keywordStart < $1.keywordStart }) {
            let record = records.count
            records.append(Record(directive: directive.shifted(by: base), used: false))
            let rules: Set<String>? = directive.rules.isEmpty ? nil : Set(directive.rules)
            switch directive.kind {
            case .disableLine:
                lineRules.append((Self.line(in: text, containing: directive.keywordStart), rules, record))
            case .disableNextLine:
                let current = Self.line(in: text, containing: directive.keywordStart)
                var next = current.end
                while next < text.count && text[next] != 0x0A { next += 1 }
                if next < text.count {
                    lineRules.append((Self.line(in: text, containing: next + 1), rules, record))
                    nextLineBreaks.append(next)
                }
            case .disable, .enable:
                events.append((directive.range.end, record))
            }
        }
        var kept: [Finding] = []
        kept.reserveCapacity(findings.count)
        var nextEvent = 0
        for finding in findings {
            while nextEvent < events.count && events[nextEvent].offset <= finding.range.start {
                handle(records[events[nextEvent].record].directive, record: events[nextEvent].record)
                nextEvent += 1
            }
            var suppressed = false
            for entry in lineRules where entry.range.start <= finding.range.start && finding.range.start <= entry.range.end
                && (entry.rules?.contains(finding.rule) ?? true) {
                records[entry.record].used = true
                suppressed = true
            }
            for block in open where block.covers(finding.rule) {
                records[block.record].used = true
                suppressed = true
            }
            if !suppressed {
                if let fix = finding.fix, fix.edits.contains(where: { edit in nextLineBreaks.contains { edit.range.start <= $0 && $0 < edit.range.end } }) {
                    var unfixable = finding
                    unfixable.fix = nil
                    kept.append(unfixable)
                } else {
                    kept.append(finding)
                }
            }
        }
        while nextEvent < events.count {
            handle(records[events[nextEvent].record].directive, record: events[nextEvent].record)
            nextEvent += 1
        }
        return kept
    }

    private mutating func handle(_ directive: SuppressionDirective, record: Int) {
        switch directive.kind {
        case .disable:
            open.append(Block(record: record, rules: directive.rules.isEmpty ? nil : Set(directive.rules), except: []))
        case .enable:
            if directive.rules.isEmpty { open.removeAll(); return }
            for k in open.indices {
                if open[k].rules != nil { open[k].rules!.subtract(directive.rules) } else { open[k].except.formUnion(directive.rules) }
            }
            open.removeAll { $0.isEmpty }
        case .disableLine, .disableNextLine:
            break
        }
    }

    /// Directives that suppressed nothing (`translint-enable` is never reported).
    public var unused: [Record] { records.filter { !$0.used && $0.directive.kind != .enable } }

    private static func line(in text: UnsafeBufferPointer<UInt8>, containing offset: Int) -> ByteRange {
        var start = min(offset, text.count)
        while start > 0 && text[start - 1] != 0x0A { start -= 1 }
        var end = min(offset, text.count)
        while end < text.count && text[end] != 0x0A { end += 1 }
        return ByteRange(start, end)
    }
}
