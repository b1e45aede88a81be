@testable import TranslintKit

/// A file run fed by hand, block by block, as the CLI feeds files: the engine's streaming pipeline under test.
func streamingRun(_ engine: LintEngine, path: String, fixing: Bool, chunkSize: Int = RunOptions.defaultChunkSize,
                  output: @escaping ([UInt8]) throws -> Void = { _ in }) throws -> FileRun {
    FileRun(engine: engine, session: try engine.makeSession(), path: path, kind: .text(.plainText),
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
