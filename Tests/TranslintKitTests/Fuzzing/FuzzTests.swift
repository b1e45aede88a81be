import Foundation
import Testing
import TranslintTestSupport
@testable import TranslintKit

/// The short, seeded round of every fuzz target (`FuzzTargets`): a few dozen mutants per family, the same on every
/// run. `scripts/fuzz.sh FAMILY MINUTES` runs the long round with a time budget (README "Fuzzing").
struct FuzzTests {
    /// The short round's count per family, sized for about a second each in a debug build.
    static let iterations = ["text": 40, "markdown": 40, "po": 60, "xliff": 60, "xcstrings": 60, "tbx": 80, "yaml": 80, "csv": 80]

    static var families: [String] {
        guard let only = ProcessInfo.processInfo.environment["TRANSLINT_FUZZ_FAMILY"] else { return FuzzTargets.families }
        return only.split(separator: ",").map(String.init)
    }

    @Test("fuzzing: no crash, no hang, a clean result or a typed error with file:line; valid reports, exact and idempotent fixes",
          arguments: families)
    func fuzz(family: String) throws {
        let seeds = FuzzTargets.seeds(family)
        #expect(seeds.count >= 2, "\(family) has no seeds")
        let runner = FuzzRunner(family: family, seeds: seeds, mutator: FuzzTargets.mutator, defaultIterations: Self.iterations[family] ?? 40)
        let summary = runner.run(FuzzTargets.check(family))
        for failure in summary.failures { Issue.record("\(failure)") }
        #expect(summary.inputs > 0)
        if FuzzRunner.isLongRound {
            print("fuzz \(family): \(summary.inputs) inputs in \(Int(summary.seconds)) s (seed \(runner.seed)), \(summary.failures.count) failing")
        }
    }
}
