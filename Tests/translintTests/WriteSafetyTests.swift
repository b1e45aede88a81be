import Foundation
import Testing

/// What `--fix` promises about the files it writes: read-only files are refused, hard links, owner, setuid/setgid
/// bits and extended attributes are kept, what an interrupted run left behind is cleaned up, and every write error
/// reaches the user with exit status 2 and a summary of what was written.
@Suite(.serialized)
struct WriteSafetyTests {
    static let glossary = CLI.root.appendingPathComponent(CLI.glossary).path

    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func inode(_ path: String) throws -> UInt64 {
        try #require((FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    static let isRoot = getuid() == 0
    static let hasPython = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// Whether the temporary folder's file system keeps user extended attributes (probed once; a test that needs
    /// them is skipped, with this reason, where it does not).
    static let keepsUserAttributes: Bool = {
        guard hasPython, let (folder, _) = try? CLI.sandbox() else { return false }
        return (try? CLI.sh("python3 -c \"import os; os.setxattr('docs/article.txt', 'user.translint.probe', b'1')\"", in: folder).status) == 0
    }()

    /// Whether user nobody can run the built executable and read the glossaries (not when the checkout lives under
    /// /root): what the test of another user's files needs.
    static let nobodyCanRun: Bool = {
        guard isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), let (folder, _) = try? CLI.sandbox() else { return false }
        let probe = "setpriv --reuid=65534 --regid=65534 --clear-groups test -x \(CLI.quoted(CLI.executable.path)) -a -r \(CLI.quoted(glossary))"
        return (try? CLI.sh(probe, in: folder).status) == 0
    }()
        || ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") } == true

    @Test("--fix refuses a read-only file (exit 2, one line naming it) and leaves it as it was, even as root")
    func readOnlyRefused() throws {
        let (folder, file) = try CLI.sandbox()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", Self.glossary, "--fix"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("translint: error: docs/article.txt: cannot write: read-only (mode 0444)\n"), "\(result.stderr)")
        // The file was checked all the same: its findings are reported as remaining, and the summary says so.
        #expect(result.out.contains("[mistranslation]") && result.out.contains("; 1 file not written"), "\(result.out)")
        #expect(!result.out.contains("not checked"))
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.sample)))
        #expect(try Self.mode(file.path) == 0o444)
        #expect(try Self.entries(folder.appendingPathComponent("docs")) == ["article.txt"])
        // Without --fix nothing is written, so a read-only file is checked as usual.
        #expect(try CLI.run(["lint", "docs/article.txt", "--glossary", Self.glossary], in: folder).status == 1)
    }

    @Test("a file with several hard links is fixed in place: every name sees the new text, the inode stays")
    func hardLinks() throws {
        let (folder, file) = try CLI.sandbox()
        let other = folder.appendingPathComponent("other-name.txt")
        try FileManager.default.linkItem(at: file, to: other)
        let inode = try Self.inode(file.path)
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", Self.glossary, "--fix"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.expected)))
        #expect(try Data(contentsOf: other) == (try CLI.read(CLI.expected)))
        #expect(try Self.inode(file.path) == inode)
        #expect(try Self.entries(folder.appendingPathComponent("docs")) == ["article.txt"])
    }

    @Test("setuid and setgid bits are kept", arguments: [0o6755, 0o2664, 0o4700])
    func setIDBits(mode: Int) throws {
        let (folder, file) = try CLI.sandbox()
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        #expect(try Self.mode(file.path) == mode)
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", Self.glossary, "--fix"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.expected)))
        #expect(try Self.mode(file.path) == mode)
    }

    @Test("extended attributes are kept", .enabled(if: keepsUserAttributes, "this file system keeps no user extended attributes (or python3 is missing)"))
    func extendedAttributes() throws {
        let (folder, file) = try CLI.sandbox()
        let set = try CLI.sh("python3 -c \"import os; os.setxattr('docs/article.txt', 'user.translint.test', b'kept')\"", in: folder)
        #expect(set.status == 0)
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", Self.glossary, "--fix"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.expected)))
        let get = try CLI.sh("python3 -c \"import os, sys; sys.stdout.write(os.getxattr('docs/article.txt', 'user.translint.test').decode())\"", in: folder)
        #expect(get.out == "kept")
    }

    @Test("as another user in a shared folder, --fix writes a file it may write in place, keeping its owner, and refuses one it may not",
          .enabled(if: nobodyCanRun, "needs root, setpriv, and a checkout user nobody can read (not under /root)"))
    func otherUser() throws {
        let (folder, file) = try CLI.sandbox()
        let docs = folder.appendingPathComponent("docs")
        for url in [folder, docs] { try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: url.path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: file.path)
        let locked = docs.appendingPathComponent("locked.txt")
        try Data("the Amoy shop.\n".utf8).write(to: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: locked.path)
        let asNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups "
        let command = asNobody + [CLI.executable.path, "lint", "docs/article.txt", "docs/locked.txt", "--glossary", Self.glossary, "--fix"].map(CLI.quoted).joined(separator: " ")
        let result = try CLI.sh(command, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("translint: error: docs/locked.txt: cannot write: read-only (Permission denied, mode 0444)"), "\(result.stderr)")
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.expected)))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.ownerAccountID] as? NSNumber)?.intValue == 0)
        #expect(try Self.mode(file.path) == 0o666)
        #expect(try String(contentsOf: locked, encoding: .utf8) == "the Amoy shop.\n")
        #expect((try FileManager.default.attributesOfItem(atPath: locked.path)[.ownerAccountID] as? NSNumber)?.intValue == 0)
        #expect(try Self.entries(docs) == ["article.txt", "locked.txt"])
    }

    @Test("temporary files left by an interrupted --fix are removed on the next --fix in that folder; live, recovery and pid-less ones stay")
    func staleTemporaryFiles() throws {
        let (folder, _) = try CLI.sandbox()
        let docs = folder.appendingPathComponent("docs")
        // A pid that no process has: the highest pids are free on any test machine.
        var deadPID: Int32 = 4_194_000
        while kill(deadPID, 0) == 0 || errno != ESRCH { deadPID -= 1 }
        let old = ".article.txt.translint-backup"              // a name without a pid, an hour old: perhaps the user's
        let dead = ".article.txt.translint-\(deadPID)-Xy34Zw"  // its process is gone
        let fresh = ".other.txt.translint-Qw56Er"              // recent: perhaps a run still going
        let live = ".article.txt.translint-\(getpid())-Ty78Ui"  // its process (this test) is running
        // Another file's recovery text (article.txt's own would make --fix refuse article.txt: RecoveryTests).
        let recovery = ".other.txt.translint-\(deadPID)-Op90As.fixed"
        let unrelated = ".article.txt.translint-notes"
        for name in [old, dead, fresh, live, recovery, unrelated] { try Data("x".utf8).write(to: docs.appendingPathComponent(name)) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: docs.appendingPathComponent(old).path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: docs.appendingPathComponent(recovery).path)

        // A plain lint writes nothing and removes nothing.
        _ = try CLI.run(["lint", "docs/article.txt", "--glossary", Self.glossary], in: folder)
        #expect(try Self.entries(docs).count == 7)

        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", Self.glossary, "--fix"], in: folder)
        #expect(result.status == 0)
        #expect(try Self.entries(docs) == [old, fresh, live, recovery, unrelated, "article.txt"].sorted())
        #expect(!result.stderr.contains(old), "\(result.stderr)")
        #expect(result.stderr.contains("/docs/\(dead), a temporary file left by an interrupted run"))
    }

    @Test("kill -9 during --fix never damages the file, and the next --fix leaves no temporary file")
    func killDuringFix() throws {
        let (folder, file) = try CLI.sandbox(content: Data(String(repeating: "the Amoy sellers left.\n\n", count: 10_000).utf8))
        let original = try Data(contentsOf: file)
        let fixed = Data(String(repeating: "The Taobao sellers left.\n\n", count: 10_000).utf8)
        for delay in [0.1, 0.6, 1.5] {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["lint", "docs/article.txt", "--glossary", Self.glossary, "--fix", "--format", "json"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: file)
            #expect(now == original || now == fixed, "damaged after kill at \(delay) s")
            if now == fixed { try original.write(to: file) }
        }
        let result = try CLI.run(["lint", "docs/article.txt", "--glossary", Self.glossary, "--fix", "--format", "json"], in: folder)
        #expect(result.status == 0)
        #expect(try Data(contentsOf: file) == fixed)
        #expect(try Self.entries(folder.appendingPathComponent("docs")) == ["article.txt"])
    }

    @Test("a fixed file that cannot be written: exit 2, that file unchanged, the others written, and the summary says which")
    func writeErrorPerFile() throws {
        let (folder, file) = try CLI.sandbox()
        let small = folder.appendingPathComponent("docs/small.txt")
        try Data("the Amoy shop.\n".utf8).write(to: small)
        let clean = folder.appendingPathComponent("docs/clean.txt")
        try Data("Fine.\n".utf8).write(to: clean)
        // A file-size limit of 1 KiB with SIGXFSZ ignored: writing the fixed 3 KiB article fails with EFBIG.
        let command = "trap '' XFSZ; ulimit -f 1; exec " + [CLI.executable.path, "lint", "docs/article.txt", "docs/small.txt", "docs/clean.txt", "--glossary", Self.glossary, "--fix"].map(CLI.quoted).joined(separator: " ")
        let result = try CLI.sh(command, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("translint: error: docs/article.txt: cannot write: File too large\n"), "\(result.stderr)")
        #expect(result.stderr.contains("translint: 1 of 3 files could not be checked or written and were left unchanged: docs/article.txt; fixed and written: docs/small.txt; 1 needed no change\n"), "\(result.stderr)")
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.sample)))
        #expect(try String(contentsOf: small, encoding: .utf8) == "The Taobao shop.\n")
        #expect(try Self.entries(folder.appendingPathComponent("docs")) == ["article.txt", "clean.txt", "small.txt"])
    }

    @Test("bad input in one of several files: the others are still fixed, and the summary names both")
    func badInputPerFile() throws {
        let (folder, _) = try CLI.sandbox()
        try Data([0x41, 0x6D, 0x6F, 0x79, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("docs/bad.txt"))
        let result = try CLI.run(["lint", "docs/bad.txt", "docs/article.txt", "--glossary", Self.glossary, "--fix"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("translint: 1 of 2 files could not be checked or written and were left unchanged: docs/bad.txt; fixed and written: docs/article.txt\n"), "\(result.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("docs/article.txt")) == (try CLI.read(CLI.expected)))
    }

    @Test("--fix on standard input with standard output on a full disk: exit 2 and a message")
    func standardOutputFull() throws {
        let (folder, _) = try CLI.sandbox()
        let command = "printf 'the Amoy shop.\\n' | " + [CLI.executable.path, "lint", "-", "--glossary", Self.glossary, "--fix"].map(CLI.quoted).joined(separator: " ") + " > /dev/full"
        let result = try CLI.sh(command, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("translint: error: standard output: cannot write: No space left on device"), "\(result.stderr)")
    }
}
