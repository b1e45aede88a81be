extension TextEdit {
    /// Where each edit's replacement sits in the text that sorted, non-overlapping `edits` give.
    static func spans(of edits: [TextEdit]) -> [ByteRange] {
        var spans: [ByteRange] = []
        var delta = 0
        for edit in edits {
            let start = edit.range.start + delta
            spans.append(ByteRange(start, start + edit.replacement.utf8.count))
            delta += edit.replacement.utf8.count - edit.range.length
        }
        return spans
    }

    /// Edits on `original` that do what `first` (on `original`) and then `second` (on the text `first` gave)
    /// do together. Both lists sorted and non-overlapping. Where a second edit touches text a first edit
    /// wrote, the two become one edit over the first one's original range.
    public static func compose(_ first: [TextEdit], then second: [TextEdit], original: [UInt8]) -> [TextEdit] {
        guard !second.isEmpty else { return first }
        guard !first.isEmpty else { return second }
        let middle = FixPlan.apply(first, to: original)
        let final = FixPlan.apply(second, to: middle)

        let spans = TextEdit.spans(of: first)
        /// An offset of the middle text as an original offset, widened to cover a first edit it falls in.
        func toOriginal(_ offset: Int, isEnd: Bool) -> Int {
            var shift = 0
            for (k, span) in spans.enumerated() {
                let inside = isEnd ? (offset > span.start && offset <= span.end) : (offset >= span.start && offset < span.end)
                if inside || (span.isEmpty && offset == span.start) { return isEnd ? first[k].range.end : first[k].range.start }
                if span.end <= offset { shift = span.end - first[k].range.end } else { break }
            }
            return offset - shift
        }

        // Regions of the original that change: first edits and mapped second edits, merged where they touch.
        struct Item { var range: ByteRange; var firstDelta = 0; var secondDelta = 0 }
        var items = first.map { Item(range: $0.range, firstDelta: $0.replacement.utf8.count - $0.range.length) }
        for edit in second {
            let start = toOriginal(edit.range.start, isEnd: false)
            let end = max(start, toOriginal(edit.range.end, isEnd: true))
            items.append(Item(range: ByteRange(start, end), secondDelta: edit.replacement.utf8.count - edit.range.length))
        }
        items.sort { $0.range < $1.range }
        var regions: [Item] = []
        for item in items {
            if var last = regions.last, item.range.start <= last.range.end {
                last.range = ByteRange(last.range.start, max(last.range.end, item.range.end))
                last.firstDelta += item.firstDelta
                last.secondDelta += item.secondDelta
                regions[regions.count - 1] = last
            } else {
                regions.append(item)
            }
        }
        // Each region's text in the final text: everything before it has shifted by the deltas of earlier regions.
        var result: [TextEdit] = []
        var shift = 0
        for region in regions {
            let start = region.range.start + shift
            let length = region.range.length + region.firstDelta + region.secondDelta
            result.append(TextEdit(range: region.range, replacement: String(decoding: final[start..<start + length], as: UTF8.self)))
            shift += region.firstDelta + region.secondDelta
        }
        return result
    }
}
