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
        nonTriggering: [CheckExample("第一段。\n\n第二段。 ‖ First paragraph.\n\nSecond paragraph.")],
        triggering: [CheckExample("第一段。\n\n第二段。 ‖ ↓First paragraph. Second paragraph.")],
        corrections: []
    )

    public enum Result: Sendable {
        /// Source paragraph text and target paragraph range, in order.
        case aligned([(source: String, target: ByteRange)])
        /// Where the texts diverge (a target offset), and a message.
        case diverged(at: Int, message: String)
    }

    static func firstUnpairedTarget(source: [Int], target: [Int]) -> Int {
        let n = source.count, m = target.count
        guard n > 0, m > 0, n * m <= 4_000_000 else { return min(n, m) }
        let ratio = Double(target.reduce(0, +) + 1) / Double(source.reduce(0, +) + 1)
        func cost(_ s: Int, _ t: Int, _ penalty: Double) -> Double {
            abs(log(Double(t + 1) / Double(s + 1) / ratio)) + penalty
        }
        let beads: [(di: Int, dj: Int, penalty: Double)] = [(1, 1, 0), (2, 1, 1), (1, 2, 1), (1, 0, 3), (0, 1, 3)]
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
        var step = [[Int]](repeating: [Int](repeating: -1, count: m + 1), count: n + 1)
        best[0][0] = 0
        for i in 0...n {
            for j in 0...m where best[i][j].isFinite {
                for (k, bead) in beads.enumerated() where i + bead.di <= n && j + bead.dj <= m {
                    let s = source[i..<(i + bead.di)].reduce(0, +), t = target[j..<(j + bead.dj)].reduce(0, +)
                    let c = best[i][j] + (bead.di == 0 || bead.dj == 0 ? bead.penalty : cost(s, t, bead.penalty))
                    if c < best[i + bead.di][j + bead.dj] { best[i + bead.di][j + bead.dj] = c; step[i + bead.di][j + bead.dj] = k }
                }
            }
        }
        var i = n, j = m
        var first = min(n, m)
        while i > 0 || j > 0 {
            let bead = beads[step[i][j]]
            i -= bead.di
            j -= bead.dj
            if bead.di != 1 || bead.dj != 1 { first = j }
        }
        return first
    }

    /// Natural logarithm, without Foundation.
    private static func log(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        var m = x, e = 0.0
        while m > 2 { m /= 2.718281828459045; e += 1 }
        while m < 0.5 { m *= 2.718281828459045; e -= 1 }
        // ln(m) for m in [0.5, 2] by the series of atanh: ln(m) = 2 atanh((m-1)/(m+1)).
        let y = (m - 1) / (m + 1), y2 = y * y
        var term = y, sum = 0.0
        for k in stride(from: 1, through: 39, by: 2) { sum += term / Double(k); term *= y2 }
        return e + 2 * sum
    }

    public static func align(source: String, target: UnsafeBufferPointer<UInt8>) -> Result {
        let sourceBytes = Array(source.utf8)
        let sourceParagraphs = sourceBytes.withUnsafeBufferPointer { SentenceStarts.paragraphs(in: $0) }
        let targetParagraphs = SentenceStarts.paragraphs(in: target)
        if sourceParagraphs.count == targetParagraphs.count {
            return .aligned(zip(sourceParagraphs, targetParagraphs).map { (String(decoding: sourceBytes[$0.start..<$0.end], as: UTF8.self), $1) })
        }
        // Where they diverge: align by length as Gale and Church do (beads of 1:1, 2:1, 1:2, 1:0, 0:1 paragraphs,
        // costed by how far their length ratio is from the whole texts'), and take the first bead that is not 1:1.
        var index = firstUnpairedTarget(source: sourceParagraphs.map(\.length), target: targetParagraphs.map(\.length))
        if index >= targetParagraphs.count { index = max(0, targetParagraphs.count - 1) }
        let at = targetParagraphs.isEmpty ? 0 : targetParagraphs[index].start
        return .diverged(at: at, message: "the source has \(sourceParagraphs.count) paragraph\(sourceParagraphs.count == 1 ? "" : "s"), the translation \(targetParagraphs.count): they seem to diverge at paragraph \(index + 1); bilingual checks are off for this file")
    }
}
