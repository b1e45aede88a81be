import Foundation
import Testing
@testable import TranslintKit

/// A file run fed by hand, block by block, as the CLI feeds files: the engine's streaming pipeline under test.
func streamingRun(_ engine: LintEngine, path: String, fixing: Bool, chunkSize: Int = RunOptions.defaultChunkSize,
                  kind: DocumentKind = .text(.plainText), output: @escaping ([UInt8]) throws -> Void = { _ in }) throws -> FileRun {
    FileRun(engine: engine, session: try engine.makeSession(), path: path, kind: kind,
            options: RunOptions(fixes: fixing ? .apply : .none, chunkSize: chunkSize), emit: nil, output: output)
}

extension FileRun {
    func feed(_ bytes: [UInt8]) throws { try bytes.withUnsafeBufferPointer { try feed($0) } }
}

extension LintEngine {
    /// A bilingual file through the engine, as `lint --fix` runs it: the result and the fixed bytes.
    func lintFile(_ bytes: [UInt8], path: String, format: BilingualFile.Format, fixing: Bool,
                  lineFilter: ((Int, Int) -> Bool)? = nil) throws -> (result: FileResult, fixed: [UInt8]) {
        var fixed: [UInt8] = []
        let result = try run(path: path, kind: .bilingual(format, includeFuzzy: false), session: try makeSession(),
                             options: RunOptions(fixes: fixing ? .apply : .none, lineFilter: lineFilter),
                             read: { try bytes.withUnsafeBufferPointer($0) }, output: { fixed += $0 })
        return (result, fixing ? fixed : bytes)
    }
}

/// Compares `actual` with the golden file at `path`. Recording (TRANSLINT_RECORD_GOLDEN=1, or a missing file) writes
/// the file and then fails, as SwiftLint's and swift-format's golden tests do: a forgotten record switch can never
/// pass silently. Review the diff, then run again without it.
func assertGolden(_ path: String, _ actual: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let existing = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    if ProcessInfo.processInfo.environment["TRANSLINT_RECORD_GOLDEN"] != nil || existing == nil {
        try Data(actual).write(to: URL(fileURLWithPath: path))
        Issue.record("recorded the golden file \(path); review it and run again without TRANSLINT_RECORD_GOLDEN",
                     sourceLocation: sourceLocation)
        return
    }
    #expect(existing == actual, "\(path) differs from the output; rerun with TRANSLINT_RECORD_GOLDEN=1 and review the diff",
            sourceLocation: sourceLocation)
}

func assertGolden(_ path: String, _ actual: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    try assertGolden(path, Array(actual.utf8), sourceLocation: sourceLocation)
}
