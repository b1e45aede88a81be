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
        var order = findings.indices.filter { findings[$0].fix != nil && !(findings[$0].fix!.edits.isEmpty) }
        order.sort { a, b in
            let ra = findings[a].fix!.edits.map(\.range).min()!, rb = findings[b].fix!.edits.map(\.range).min()!
            return ra != rb ? ra < rb : a < b
        }
        var accepted: [TextEdit] = []
        var applied: [Int] = [], skipped: [Int] = []
        for index in order {
            let edits = findings[index].fix!.edits.sorted { $0.range < $1.range }
            let clash = edits.contains { edit in
                accepted.contains { Self.conflict($0.range, edit.range) }
            } || zip(edits, edits.dropFirst()).contains { Self.conflict($0.range, $1.range) }
            if clash { skipped.append(index); continue }
            accepted.append(contentsOf: edits)
            applied.append(index)
        }
        accepted.sort { $0.range < $1.range }
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
    public func apply(to text: [UInt8]) -> [UInt8] {
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
