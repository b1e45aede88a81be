/// Pairs the paragraphs of a source text with those of its translation (`--source`): paragraph N translates
/// paragraph N. When the counts differ, one `alignment` finding says where they first seem to diverge, and the
/// bilingual checks are off for the file (the monolingual ones still run).
public enum Alignment {
    public static let description = CheckDescription(
        id: "alignment",
        name: "Alignment",
        summary: "The source and the translation have different numbers of paragraphs, so they cannot be compared paragraph by paragraph.",
        rationale: """
        With --source, translint pairs paragraphs (separated by blank lines) in order. A translation that merged or \
        split a paragraph cannot be paired safely, so the bilingual checks (missing-term, number-mismatch, \
        untranslated, placeholder-mismatch) are skipped for the file and this is reported once, at the first \
        paragraph whose length ratio to its source is far from the rest (or the first unpaired one). Fix the \
        paragraph breaks, or check the file without --source.
        """,
        defaultSeverity: .warning,
        isFixable: false,
        mqmCategory: .accuracy,
        mqmSeverity: .neutral,
        nonTriggering: ["第一段。\n\n第二段。 ‖ First paragraph.\n\nSecond paragraph."],
        triggering: ["第一段。\n\n第二段。 ‖ ↓First paragraph. Second paragraph."],
        corrections: []
    )

    public enum Result: Sendable {
        /// Source paragraph text and target paragraph range, in order.
        case aligned([(source: String, target: ByteRange)])
        /// Where the texts diverge (a target offset), and a message.
        case diverged(at: Int, message: String)
    }

    public static func align(source: String, target: UnsafeBufferPointer<UInt8>) -> Result {
        let sourceBytes = Array(source.utf8)
        let sourceParagraphs = sourceBytes.withUnsafeBufferPointer { SentenceStarts.paragraphs(in: $0) }
        let targetParagraphs = SentenceStarts.paragraphs(in: target)
        if sourceParagraphs.count == targetParagraphs.count {
            return .aligned(zip(sourceParagraphs, targetParagraphs).map { (String(decoding: sourceBytes[$0.start..<$0.end], as: UTF8.self), $1) })
        }
        // Where they diverge: the first pair whose length ratio is far from the median ratio; else the first unpaired one.
        let pairs = Array(zip(sourceParagraphs, targetParagraphs))
        // The ratio of the whole texts is what a pair should show; a merged or split paragraph is far from it.
        let overall = Double(max(targetParagraphs.reduce(0) { $0 + $1.length }, 1)) / Double(max(sourceParagraphs.reduce(0) { $0 + $1.length }, 1))
        var index = pairs.firstIndex { s, t in
            let r = Double(max(t.length, 1)) / Double(max(s.length, 1))
            return r > overall * 1.8 || r < overall / 1.8
        } ?? min(sourceParagraphs.count, targetParagraphs.count)
        if index >= targetParagraphs.count { index = max(0, targetParagraphs.count - 1) }
        let at = targetParagraphs.isEmpty ? 0 : targetParagraphs[index].start
        return .diverged(at: at, message: "the source has \(sourceParagraphs.count) paragraph\(sourceParagraphs.count == 1 ? "" : "s"), the translation \(targetParagraphs.count): they seem to diverge at paragraph \(index + 1); bilingual checks are off for this file")
    }
}
