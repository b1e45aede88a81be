/// The one fix loop: apply the planned fixes, then, as ESLint and ruff do, lint the fixed text again and fix what
/// the previous pass made fixable ("FPR" → "FOR" after "for" is a repeated word) or freed from an overlap, for a
/// few passes. Every pass's edits are composed onto the original offsets, so `--diff` shows exactly what `--fix`
/// writes. Plain text, Markdown, `--source` pairs, bilingual files, check examples and glossary self-tests all
/// fix through here.
struct FixLoop {
    /// How many times a text is fixed at most.
    static let maxPasses = 4
    /// A later pass takes only findings this close (bytes) to what the previous pass changed.
    static let margin = 64

    struct Outcome {
        var fixed: [UInt8]
        /// On offsets of the original, sorted, non-overlapping.
        var edits: [TextEdit]
        /// Indices into the first pass's findings whose fixes are in `fixed`: applied, or skipped for overlapping
        /// and fixed by a later pass (nothing fixable is left).
        var fixedFindings: Set<Int>
        /// Findings that later passes fixed.
        var followUpFixes: Int
        /// False when the last pass still left fixes next to what it changed: the rules keep rewriting each other,
        /// and a second `--fix` would change the text again (ruff says so too).
        var converged = true
        /// With `keepFinal` and edits: every finding of `fixed` (on its offsets), as `relint` gives them.
        var final: [Finding]?
    }

    /// `findings`: the first pass's findings of `original` (already suppressed and filtered), with the fixes this run
    /// may apply. `relint`: every finding of a fixed text, with the same suppressions and filters; `applies` says
    /// which of them a later pass may fix. With `keepFinal`, `Outcome.final` holds the findings of the written text.
    static func run(original: [UInt8], findings: [Finding], applies: (Finding) -> Bool = { $0.fix != nil }, keepFinal: Bool = false,
                    relint: ([UInt8]) throws -> [Finding]) rethrows -> Outcome {
        let plan = FixPlan(findings: findings)
        var outcome = Outcome(fixed: plan.apply(to: original), edits: plan.edits, fixedFindings: Set(plan.applied), followUpFixes: 0)
        var lastEdits = plan.edits
        // The findings of `outcome.fixed`, once it has been linted: every pass after the first lints the text it
        // fixes, and the last such lint is often of the text that is written.
        var ofFixed: [Finding]?
        var pass = 1
        while !lastEdits.isEmpty && pass < maxPasses {
            let changed = TextEdit.spans(of: lastEdits)
            let near = { (range: ByteRange) in changed.contains { range.start <= $0.end + margin && $0.start - margin <= range.end } }
            let all = try relint(outcome.fixed)
            ofFixed = all
            let candidates = all.filter { finding in
                guard applies(finding), let fix = finding.fix else { return false }
                return near(finding.range) || fix.edits.contains { near($0.range) }
            }
            let next = FixPlan(findings: candidates)
            if next.edits.isEmpty { break }
            outcome.edits = TextEdit.compose(outcome.edits, then: next.edits, original: original)
            outcome.followUpFixes += next.applied.count
            outcome.fixed = next.apply(to: outcome.fixed)
            ofFixed = nil
            lastEdits = next.edits
            pass += 1
        }
        if pass >= maxPasses && !lastEdits.isEmpty {
            let changed = TextEdit.spans(of: lastEdits)
            if ofFixed == nil { ofFixed = try relint(outcome.fixed) }
            outcome.converged = !ofFixed!.contains { finding in
                applies(finding) && changed.contains { finding.range.start <= $0.end + margin && $0.start - margin <= finding.range.end }
            }
        }
        if !plan.skipped.isEmpty {
            // A finding skipped for overlapping is fixed when nothing fixable is left in the written text.
            if ofFixed == nil { ofFixed = try relint(outcome.fixed) }
            if !ofFixed!.contains(where: applies) {
                outcome.fixedFindings.formUnion(plan.skipped)
            }
        }
        if keepFinal && !outcome.edits.isEmpty {
            if ofFixed == nil { ofFixed = try relint(outcome.fixed) }
            outcome.final = ofFixed
        }
        return outcome
    }
}
