/// Chooses which fixes to apply so that no two touch the same bytes, and applies them in one pass.
///
/// Fixes are taken in order of their first edit (ties: the earlier finding). A fix is applied whole
/// or not at all: one whose edits overlap an accepted edit is skipped and reported, never half-applied.
public struct FixPlan: Sendable {
    /// The accepted edits, sorted and non-overlapping.
    public let edits: [TextEdit]
    /// Indices (into the findings given to the planner) of the findings whose fixes were applied.
    public let applied: [Int]
    /// Indices of the findings whose fixes were skipped because they overlap an applied one.
    public let skipped: [Int]

    public init(findings: [Finding]) {
        let firstEdit = findings.map { $0.fix?.edits.map(\.range).min() }
        var order = findings.indices.filter { firstEdit[$0] != nil }
        order.sort { a, b in firstEdit[a]! != firstEdit[b]! ? firstEdit[a]! < firstEdit[b]! : a < b }
        // Accepted edits stay sorted by range; fixes come in order of position, so a new edit is checked
        // against its neighbours only (binary search), never against all of them.
        var accepted: [TextEdit] = []
        var applied: [Int] = [], skipped: [Int] = []
        func insertionPoint(_ range: ByteRange) -> Int {
            var low = 0, high = accepted.count
            while low < high {
                let mid = (low + high) / 2
                if accepted[mid].range < range { low = mid + 1 } else { high = mid }
            }
            return low
        }
        for index in order {
            let edits = findings[index].fix!.edits.sorted { $0.range < $1.range }
            let clash = zip(edits, edits.dropFirst()).contains { Self.conflict($0.range, $1.range) } || edits.contains { edit in
                let at = insertionPoint(edit.range)
                // Accepted edits do not overlap one another, so only the ones just before and after can clash.
                return (at > 0 && Self.conflict(accepted[at - 1].range, edit.range))
                    || (at < accepted.count && Self.conflict(accepted[at].range, edit.range))
            }
            if clash { skipped.append(index); continue }
            for edit in edits { accepted.insert(edit, at: insertionPoint(edit.range)) }
            applied.append(index)
        }
        self.edits = accepted
        self.applied = applied.sorted()
        self.skipped = skipped.sorted()
    }

    /// Two edits conflict when they overlap, or when both insert at the same offset (their order would be arbitrary).
    static func conflict(_ a: ByteRange, _ b: ByteRange) -> Bool {
        if a.overlaps(b) { return true }
        return (a.isEmpty || b.isEmpty) && a.start == b.start
    }

    /// `text` with the accepted edits applied; bytes outside the edits are copied unchanged.
    public func apply(to text: [UInt8]) -> [UInt8] { Self.apply(edits, to: text) }

    /// `text` with sorted, non-overlapping `edits` applied in one forward pass.
    public static func apply(_ edits: [TextEdit], to text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 64)
        var cursor = 0
        for edit in edits {
            out.append(contentsOf: text[cursor..<edit.range.start])
            out.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.end
        }
        out.append(contentsOf: text[cursor...])
        return out
    }
}
