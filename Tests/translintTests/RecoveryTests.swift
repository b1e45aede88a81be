import Foundation
import Testing
import TranslintTestSupport

/// A `--fix` killed while it copies the fixed text into a file with several hard links leaves the complete text in
/// `.NAME.translint-PID-XXXXXX.fixed`; the next run refuses the file until `--recover` restores it or the user removes
/// the recovery file (issue 26).
@Suite(.serialized)
struct RecoveryTests {
    static let fixedText = "Sellers on Taobao grew.\n"

    /// A folder with `a.txt` and its hard link `b.txt`, half-written, and the recovery file an interrupted run left.
    static func interrupted(pid: Int32 = 999_999) throws -> URL {
        let root = try CIFeatureTests.project(["a.txt": "Sellers on Tao", "glossary.yaml": CIFeatureTests.glossary])
        try FileManager.default.linkItem(at: root.appendingPathComponent("a.txt"), to: root.appendingPathComponent("b.txt"))
        try Data(fixedText.utf8).write(to: root.appendingPathComponent(".a.txt.translint-\(pid)-Ab12Cd.fixed"))
        return root
    }

    static func leftovers(_ root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".fixed") }
    }

    @Test("without --recover, lint and --fix refuse the file with exit 2 and a message naming the recovery file", arguments: [false, true])
    func refuses(fix: Bool) throws {
        let root = try Self.interrupted()
        for name in ["a.txt", "b.txt"] {   // the hard link is the same file: refused too
            let result = try CLI.run(["--no-config", "--glossary", "glossary.yaml", name] + (fix ? ["--fix"] : []), in: root)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("\(name): an earlier --fix was interrupted") && result.stderr.contains(".a.txt.translint-999999-Ab12Cd.fixed")
                    && result.stderr.contains("--recover"), "\(result.stderr)")
            #expect(try String(contentsOf: root.appendingPathComponent("a.txt"), encoding: .utf8) == "Sellers on Tao")
        }
        #expect(try Self.leftovers(root).count == 1)
    }

    @Test("--recover restores every name of the file from the recovery file, removes it, and then checks the file")
    func recovers() throws {
        let root = try Self.interrupted()
        let result = try CLI.run(["--no-config", "--glossary", "glossary.yaml", "--recover", "b.txt"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("restored b.txt from") && result.stderr.contains("removed it"), "\(result.stderr)")
        for name in ["a.txt", "b.txt"] {
            #expect(try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) == Self.fixedText)
        }
        #expect(try Self.leftovers(root).isEmpty)
        #expect(try CLI.run(["--no-config", "--glossary", "glossary.yaml", "a.txt"], in: root).status == 0)
    }

    @Test("removing the recovery file is the other choice: the file is then checked as it is")
    func removed() throws {
        let root = try Self.interrupted()
        for name in try Self.leftovers(root) { try FileManager.default.removeItem(at: root.appendingPathComponent(name)) }
        let result = try CLI.run(["--no-config", "--glossary", "glossary.yaml", "a.txt"], in: root)
        #expect(result.status == 0 && !result.stderr.contains("interrupted"), "\(result.stderr)")
    }

    @Test("a recovery file whose process is still running is not taken: that run is writing the file now")
    func liveWriter() throws {
        let root = try Self.interrupted(pid: getpid())
        let result = try CLI.run(["--no-config", "--glossary", "glossary.yaml", "--recover", "a.txt"], in: root)
        #expect(result.status == 2 && result.stderr.contains("translint process \(getpid()) is writing it now"), "\(result.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("a.txt"), encoding: .utf8) == "Sellers on Tao")
    }

    /// Kills `--fix` at random points, half of them timed from the moment the recovery file appears (the in-place
    /// copy, which random times over the whole run rarely hit). After each kill the file holds the old text or the
    /// new, or else the next run refuses it with the recovery message and `--recover` restores it. No name is ever
    /// left incomplete without that message. 50 rounds in CI (`CI` set), 10 otherwise; `TRANSLINT_KILL_ROUNDS` sets it.
    @Test("--fix killed at random points on a 10 MB file with two links: the next run restores the file or refuses it", .timeLimit(.minutes(10)))
    func killed() throws {
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["TRANSLINT_KILL_ROUNDS"].flatMap(Int.init) ?? (environment["CI"].map { !$0.isEmpty } == true ? 50 : 10)
        var random = SplitMix64(seed: 26)
        var text = ""
        let words = ["market", "sellers", "price", "growth", "platform", "users", "report", "company", "shares", "quarter"]
        var line = 0
        while text.utf8.count < 10_000_000 {
            line += 1
            let sentence = (0..<8).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            text += sentence.prefix(1).uppercased() + sentence.dropFirst() + (line % 500 == 0 ? " on Amoy" : "") + ".\n\n"
        }
        let original = Data(text.utf8)
        let root = try CIFeatureTests.project(["glossary.yaml": CIFeatureTests.glossary])
        let file = root.appendingPathComponent("big.txt"), link = root.appendingPathComponent("big-link.txt")
        try original.write(to: file)
        try FileManager.default.linkItem(at: file, to: link)
        let arguments = ["--no-config", "--glossary", "glossary.yaml", "--jobs", "1", "-q", "--select", "mistranslation"]

        // The complete fixed text, and how long a whole run takes.
        let started = Date()
        #expect(try CLI.run(arguments + ["--fix", "big.txt"], in: root).status == 0)
        let duration = Date().timeIntervalSince(started)
        let fixed = try Data(contentsOf: file)
        #expect(fixed != original && fixed.count > 9_000_000)

        var outcomes: [String: Int] = [:]
        for round in 0..<rounds {
            try Self.overwrite(file, with: original)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = arguments + ["--fix", "big.txt"]
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if round % 2 == 0 {
                usleep(UInt32(Double(random.next() % 1000) / 1000 * duration * 1.1 * 1_000_000))
            } else {
                // Wait for the in-place copy to begin, then at most a millisecond and a half more: writing 10 MB
                // takes a few milliseconds, and a longer wait often let it finish (no recovery file to test).
                let deadline = Date().addingTimeInterval(duration * 3 + 5)
                while process.isRunning, Date() < deadline, try Self.leftovers(root).isEmpty { usleep(200) }
                usleep(UInt32(random.next() % 1500))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let now = try Data(contentsOf: file)
            #expect(try Data(contentsOf: link) == now, "round \(round): the two names differ")
            if try Self.leftovers(root).isEmpty {
                #expect(now == original || now == fixed, "round \(round): the file is incomplete (\(now.count) bytes) and no recovery file says so")
                outcomes[now == original ? "untouched" : "complete", default: 0] += 1
                continue
            }
            outcomes["recovery file", default: 0] += 1
            let refused = try CLI.run(arguments + ["big-link.txt"], in: root)
            #expect(refused.status == 2 && refused.stderr.contains("--recover"), "round \(round): \(refused.stderr)")
            let recovered = try CLI.run(arguments + ["--recover", "--fix", "big.txt"], in: root)
            #expect(recovered.status == 0 && recovered.stderr.contains("restored big.txt"), "round \(round): \(recovered.stderr)")
            #expect(try Data(contentsOf: file) == fixed && Data(contentsOf: link) == fixed, "round \(round): not restored")
            #expect(try Self.leftovers(root).isEmpty)
        }
        // The timed half reaches the in-place copy.
        #expect(outcomes["recovery file", default: 0] > 0, "\(outcomes)")
    }

    /// Writes `data` into the file itself, keeping its links.
    static func overwrite(_ url: URL, with data: Data) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: data)
        try handle.close()
    }
}
