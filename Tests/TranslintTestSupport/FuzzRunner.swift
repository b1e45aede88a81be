import Foundation

/// Runs one fuzz target: seeds, mutated by `Mutator`, through a check that returns what went wrong (nothing for a
/// clean result or a typed error). Deterministic for a seed and an iteration count; with a time budget it runs
/// until the time is up. A hang (one input running past `hangSeconds`) stops the process with the input saved;
/// before each input runs it is written to `current-FAMILY` in the findings folder, so that a crash leaves its
/// reproducer behind (`scripts/fuzz.sh` keeps it).
///
/// Environment: `TRANSLINT_FUZZ_ITERATIONS` (per family), `TRANSLINT_FUZZ_SECONDS` (per family, overrides the
/// count), `TRANSLINT_FUZZ_SEED`, `TRANSLINT_FUZZ_FINDINGS` (folder for reproducers; default a temporary one).
public struct FuzzRunner {
    public struct Failure: CustomStringConvertible {
        public var family: String
        public var iteration: Int
        public var problems: [String]
        /// Where the input was saved.
        public var reproducer: String

        public var description: String { "\(family) #\(iteration): \(problems.joined(separator: "; ")) (input: \(reproducer))" }
    }

    public struct Summary {
        public var iterations = 0
        public var inputs = 0
        public var seconds = 0.0
        public var failures: [Failure] = []
    }

    public var family: String
    public var seeds: [[UInt8]]
    public var mutator: Mutator
    public var iterations: Int
    public var seconds: Double?
    public var seed: UInt64
    public var hangSeconds: Double
    public var findings: String

    /// `defaultIterations`: the short round's count, what `swift test` runs.
    public init(family: String, seeds: [[UInt8]], mutator: Mutator, defaultIterations: Int, hangSeconds: Double = 20) {
        let environment = ProcessInfo.processInfo.environment
        self.family = family
        self.seeds = seeds.filter { !$0.isEmpty }
        self.mutator = mutator
        self.iterations = environment["TRANSLINT_FUZZ_ITERATIONS"].flatMap(Int.init) ?? defaultIterations
        self.seconds = environment["TRANSLINT_FUZZ_SECONDS"].flatMap(Double.init)
        self.seed = environment["TRANSLINT_FUZZ_SEED"].flatMap(UInt64.init) ?? 1
        self.hangSeconds = environment["TRANSLINT_FUZZ_HANG_SECONDS"].flatMap(Double.init) ?? hangSeconds
        self.findings = environment["TRANSLINT_FUZZ_FINDINGS"] ?? (NSTemporaryDirectory() + "translint-fuzz-findings")
        if let input = environment["TRANSLINT_FUZZ_INPUT"] {
            // Reproducing: that one file, as it is.
            // A reproducer that cannot be read is an error, never an empty input that passes.
            guard let data = FileManager.default.contents(atPath: input) else {
                fatalError("TRANSLINT_FUZZ_INPUT=\(input): no such file, or it cannot be read")
            }
            self.seeds = [[UInt8](data)]
            self.iterations = 1
            self.seconds = nil
        }
    }

    /// Whether a long round was asked for (a time budget), which the short round's tests leave to the script.
    public static var isLongRound: Bool { ProcessInfo.processInfo.environment["TRANSLINT_FUZZ_SECONDS"] != nil }

    /// Runs the round; `check` gets each input and returns the problems it found.
    public func run(_ check: ([UInt8]) -> [String]) -> Summary {
        try? FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
        var random = SplitMix64(seed: seed &+ UInt64(truncatingIfNeeded: family.hashValueStable))
        var summary = Summary()
        let started = Date()
        let current = "\(findings)/current-\(family)"
        let watchdog = Watchdog(limit: hangSeconds, family: family, current: current)
        var iteration = 0
        while true {
            if let seconds { if Date().timeIntervalSince(started) >= seconds { break } } else if iteration >= iterations { break }
            // Every seed once as it is, then mutants.
            let input = iteration < seeds.count ? seeds[iteration] : mutator.mutate(random.pick(seeds), corpus: seeds, &random)
            // The input the watchdog saves if this one hangs; a folder that cannot be written only loses that copy.
            _ = FileManager.default.createFile(atPath: current, contents: Data(input))
            watchdog.start(iteration)
            let problems = check(input)
            watchdog.stop()
            if !problems.isEmpty {
                let path = "\(findings)/\(family)-seed\(seed)-\(iteration).bin"
                let saved = FileManager.default.createFile(atPath: path, contents: Data(input))
                summary.failures.append(Failure(family: family, iteration: iteration, problems: problems,
                                                reproducer: saved ? path : "not saved: \(path) could not be written"))
                if summary.failures.count >= 10 { break }
            }
            iteration += 1
            summary.inputs += 1
        }
        try? FileManager.default.removeItem(atPath: current)
        summary.iterations = iteration
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 { utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 } }
}

/// Stops the process when one input runs too long: a hang is a finding, and the input is kept as `hang-…`.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var startedAt: Date?
    private var iteration = 0
    private let limit: Double
    private let family: String
    private let current: String
    private var thread: Thread?

    init(limit: Double, family: String, current: String) {
        self.limit = limit
        self.family = family
        self.current = current
    }

    func start(_ iteration: Int) {
        lock.lock()
        startedAt = Date()
        self.iteration = iteration
        if thread == nil {
            let thread = Thread { [weak self] in
                while let self {
                    Thread.sleep(forTimeInterval: 0.25)
                    if self.expired() { break }
                }
            }
            thread.start()
            self.thread = thread
        }
        lock.unlock()
    }

    func stop() {
        lock.lock()
        startedAt = nil
        lock.unlock()
    }

    deinit { thread?.cancel() }

    /// Checks the clock; on a hang saves the input and aborts.
    private func expired() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if thread?.isCancelled == true { return true }
        guard let startedAt, Date().timeIntervalSince(startedAt) > limit else { return false }
        let saved = current.replacingOccurrences(of: "current-", with: "hang-")
        try? FileManager.default.removeItem(atPath: saved)
        try? FileManager.default.copyItem(atPath: current, toPath: saved)
        FileHandle.standardError.write(Data("fuzz \(family): input #\(iteration) ran over \(limit) s (a hang); saved as \(saved)\n".utf8))
        abort()
    }
}
