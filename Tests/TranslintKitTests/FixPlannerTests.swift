import Testing
@testable import TranslintKit
import TranslintTestSupport

struct FixPlannerTests {
    private func finding(_ start: Int, _ end: Int, _ replacement: String) -> Finding {
        Finding(rule: "test", severity: .warning, message: "m", replacing: ByteRange(start, end), with: replacement, title: "t")
    }

    @Test func overlappingFixesAreSkippedWholeAndReported() throws {
        let text = Array("abcdefghij".utf8)
        let plan = FixPlan(findings: [finding(0, 3, "X"), finding(2, 5, "Y"), finding(6, 7, "Z"), finding(6, 6, "+")])
        // Taken in order of position: the insertion at 6 comes before the replacement of 6..<7.
        #expect(plan.applied == [0, 3])
        #expect(plan.skipped == [1, 2])
        #expect(String(decoding: plan.apply(to: text), as: UTF8.self) == "Xdef+ghij")
    }

    @Test("property: bytes outside applied edits are unchanged", arguments: 0..<50)
    func bytesOutsideEditsAreUnchanged(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let text = (0..<200).map { _ in UInt8.random(in: 0x61...0x7A, using: &rng) }
        let findings = (0..<20).map { _ -> Finding in
            let start = Int.random(in: 0...195, using: &rng)
            return finding(start, start + Int.random(in: 0...5, using: &rng), String(repeating: "#", count: Int.random(in: 0...3, using: &rng)))
        }
        let plan = FixPlan(findings: findings)
        let out = plan.apply(to: text)
        // Walk the edits: every gap between them is copied byte for byte.
        var cursor = 0, outCursor = 0
        for edit in plan.edits {
            let gap = edit.range.start - cursor
            #expect(Array(out[outCursor..<outCursor + gap]) == Array(text[cursor..<edit.range.start]))
            outCursor += gap + edit.replacement.utf8.count
            cursor = edit.range.end
        }
        #expect(Array(out[outCursor...]) == Array(text[cursor...]))
        for (a, b) in zip(plan.edits, plan.edits.dropFirst()) { #expect(!FixPlan.conflict(a.range, b.range)) }
        #expect(Set(plan.applied).isDisjoint(with: plan.skipped))
        #expect(plan.applied.count + plan.skipped.count == findings.count)
    }

    static let sentences = [
        "yesterday (July 31st), sources said.", "Ali said so.", "the the market grew.", ", in fact, it rained.",
        "Users of wechat and micro-blog Sina left.", "\"we also see it.\"", "electricity business grew.",
        "Prices rose. the Amoy sellers left!", "It is in\nin the box.", "Millet and millet.", "e.g. the report.",
        "See https://ali.example.com/Amoy now.", "价格上涨。prices rose.", "WECHAT HEADLINE", "iPhone sales grew.",
    ]

    @Test("property: --fix is idempotent and changes only the bytes it reports", arguments: 0..<60)
    func fixIsIdempotent(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 1000)
        var text = ""
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            text += Self.sentences.randomElement(using: &rng)!
            text += ["", " ", "\n", "\n\n", "\r\n", "\r\n\r\n"].randomElement(using: &rng)!
        }
        if Bool.random(using: &rng) { text = "\u{FEFF}" + text }
        let linter = LintEngine(glossary: ExampleGlossary.glossary)
        // Safe fixes alone (--fix), and all fixes (--unsafe-fixes): each is idempotent, and leaves nothing it would fix.
        for unsafeFixes in [true, false] {
            let first = try linter.fix(text, unsafeFixes: unsafeFixes)
            let second = try linter.fix(first.fixed, unsafeFixes: unsafeFixes)
            #expect(second.fixed == first.fixed, "fixing twice (unsafe: \(unsafeFixes)) changed \(first.fixed.debugDescription)")
            #expect(second.findings.allSatisfy { $0.fix == nil || (!unsafeFixes && !$0.fix!.isSafe) },
                    "still fixable after --fix (unsafe: \(unsafeFixes)): \(second.findings.map(\.message)) in \(first.fixed.debugDescription)")
        }
        let first = try linter.fix(text, unsafeFixes: true)
        // Line structure survives: same number of line breaks unless a repeated word across a line was removed.
        let breaks = { (s: String) in s.utf8.filter { $0 == 0x0A }.count }
        #expect(breaks(first.fixed) <= breaks(text))
        #expect(first.fixed.hasPrefix("\u{FEFF}") == text.hasPrefix("\u{FEFF}"))
    }
}

struct EditCompositionTests {
    @Test("property: composed edits do what the two passes do", arguments: 0..<200)
    func composition(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 77)
        func randomEdits(over count: Int) -> [TextEdit] {
            var edits: [TextEdit] = []
            var cursor = 0
            while cursor < count, edits.count < 6 {
                let start = cursor + Int.random(in: 0...6, using: &rng)
                guard start <= count else { break }
                let end = min(count, start + Int.random(in: 0...3, using: &rng))
                let replacement = String(repeating: ["x", "yy", "", "Z"].randomElement(using: &rng)!, count: Int.random(in: 0...2, using: &rng))
                edits.append(TextEdit(range: ByteRange(start, end), replacement: replacement))
                cursor = end + 1
            }
            return edits
        }
        let original = Array("abcdefghijklmnopqrstuvwxyz0123".utf8)
        let first = randomEdits(over: original.count)
        let middle = FixPlan.apply(first, to: original)
        let second = randomEdits(over: middle.count)
        let composed = TextEdit.compose(first, then: second, original: original)
        #expect(FixPlan.apply(composed, to: original) == FixPlan.apply(second, to: middle), "first \(first) second \(second) gave \(composed)")
        for (a, b) in zip(composed, composed.dropFirst()) { #expect(a.range.end <= b.range.start) }
    }
}
