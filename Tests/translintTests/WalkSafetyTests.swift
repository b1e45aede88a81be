import Foundation
import Testing
import TranslintTestSupport

/// What a folder walk may touch (issue 26): symbolic links met in a walk are not followed unless asked, and
/// `--fix` never writes outside the folders it was given; special files never block a walk; a file with several
/// names is checked and written once, whatever `--jobs` is.
@Suite(.serialized)
struct WalkSafetyTests {
    static let glossary = CIFeatureTests.glossary
    static let text = "The Amoy shop grew.\n"

    /// A fresh folder holding `repo/` (with an empty configuration and the glossary) and `victim/notes.txt`.
    static func layout() throws -> URL {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("translint-walk-\(UUID().uuidString)")
        for folder in ["repo/docs", "victim"] {
            try FileManager.default.createDirectory(at: top.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "".write(to: top.appendingPathComponent("repo/.translint.yml"), atomically: true, encoding: .utf8)
        try glossary.write(to: top.appendingPathComponent("repo/glossary.yaml"), atomically: true, encoding: .utf8)
        try text.write(to: top.appendingPathComponent("victim/notes.txt"), atomically: true, encoding: .utf8)
        return top
    }

    static func contents(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test("a symbolic link out of the walked folder is skipped, and its target is never rewritten", arguments: [false, true])
    func linkOutOfTheTree(git: Bool) throws {
        let top = try Self.layout()
        let repo = top.appendingPathComponent("repo")
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("docs/notes.txt").path, withDestinationPath: "../../victim/notes.txt")
        if git { #expect(try CLI.shell("git init -q . && git add -A && git -c user.name=t -c user.email=t@t commit -qm one", in: repo) == 0) }
        let fix = try CLI.run(["lint", ".", "--glossary", "glossary.yaml", "--fix", "--verbose"], in: repo)
        #expect(try Self.contents(top.appendingPathComponent("victim/notes.txt")) == Self.text)
        #expect(fix.stderr.contains("skipped docs/notes.txt (a symbolic link (--follow-symlinks follows it))"), "\(fix.stderr)")
        // Asked to follow links, a lint reads it; --fix still does not write outside the folder.
        let lint = try CLI.run(["lint", ".", "--glossary", "glossary.yaml", "--follow-symlinks"], in: repo)
        #expect(lint.status == 1 && lint.out.contains("docs/notes.txt:1:5"), "\(lint.out)\(lint.stderr)")
        let followed = try CLI.run(["lint", ".", "--glossary", "glossary.yaml", "--follow-symlinks", "--fix", "--verbose"], in: repo)
        #expect(try Self.contents(top.appendingPathComponent("victim/notes.txt")) == Self.text)
        #expect(followed.stderr.contains("outside the walked folder"), "\(followed.stderr)")
        // Named on the command line, a link is followed as given.
        #expect(try CLI.run(["lint", "docs/notes.txt", "--glossary", "glossary.yaml"], in: repo).status == 1)
    }

    @Test("with --follow-symlinks, --fix writes the target of a link inside the tree and keeps the link")
    func linkInsideTheTree() throws {
        let top = try Self.layout()
        let repo = top.appendingPathComponent("repo")
        // In a hidden folder, which the walk itself skips: the file is reached only through the link.
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".shared"), withIntermediateDirectories: true)
        try Self.text.write(to: repo.appendingPathComponent(".shared/real.txt"), atomically: true, encoding: .utf8)
        let link = repo.appendingPathComponent("docs/alias.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../.shared/real.txt")
        let result = try CLI.run(["lint", ".", "--glossary", "glossary.yaml", "--follow-symlinks", "--fix"], in: repo)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.contents(repo.appendingPathComponent(".shared/real.txt")) == "The Taobao shop grew.\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../.shared/real.txt")
        // The walked root is the limit: walking docs/ alone, the same link leads out of it.
        try Self.text.write(to: repo.appendingPathComponent(".shared/real.txt"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lint", "docs", "--glossary", "glossary.yaml", "--follow-symlinks", "--fix", "--allow-empty"], in: repo).status == 0)
        #expect(try Self.contents(repo.appendingPathComponent(".shared/real.txt")) == Self.text)
    }

    @Test("a FIFO, a socket-like special file or a link to /dev/stdin in a walk is skipped with its reason, never read")
    func specialFilesInAWalk() throws {
        let top = try Self.layout()
        let repo = top.appendingPathComponent("repo")
        #expect(mkfifo(repo.appendingPathComponent("docs/pipe.txt").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("docs/in.txt").path, withDestinationPath: "/dev/stdin")
        try Self.text.write(to: repo.appendingPathComponent("docs/page.txt"), atomically: true, encoding: .utf8)
        for follow in [[], ["--follow-symlinks"]] {
            let result = try CLI.run(["lint", ".", "--glossary", "glossary.yaml", "--verbose"] + follow, in: repo)
            #expect(result.status == 1 && result.out.contains("docs/page.txt:1:5"), "\(result.stderr)")
            #expect(result.stderr.contains("skipped docs/pipe.txt (a special file (a FIFO))"), "\(result.stderr)")
        }
    }

    /// A tree whose `docs/` holds `page.txt` under four names (three hard links and the file), next to other files.
    static func linkedTree() throws -> URL {
        let top = try layout()
        let docs = top.appendingPathComponent("repo/docs")
        let sample = try CLI.read(CLI.sample)
        var big = Data()
        for _ in 0..<40 { big.append(sample) }
        try big.write(to: docs.appendingPathComponent("page.txt"))
        for name in ["a-link.txt", "m-link.txt", "z-link.txt"] {
            try FileManager.default.linkItem(at: docs.appendingPathComponent("page.txt"), to: docs.appendingPathComponent(name))
        }
        for k in 0..<4 { try sample.write(to: docs.appendingPathComponent("other-\(k).txt")) }
        return top.appendingPathComponent("repo")
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test("several hard links to one file are checked and fixed once: --jobs 2 and 8 write what --jobs 1 writes, 100 times over")
    func hardLinksUnderJobs() throws {
        let reference = try Self.linkedTree()
        let one = try CLI.run(["lint", "docs", "--glossary", "glossary.yaml", "--fix", "--jobs", "1", "--verbose"], in: reference)
        #expect(one.stderr.contains("skipped docs/m-link.txt (the same file as docs/a-link.txt"), "\(one.stderr)")
        let expected = try Self.snapshot(reference.appendingPathComponent("docs"))
        #expect(expected["page.txt"] == expected["a-link.txt"])
        #expect(expected["page.txt"]!.count > 100_000)
        let tree = try Self.linkedTree()
        let original = try Self.snapshot(tree.appendingPathComponent("docs"))
        for round in 0..<100 {
            let jobs = round % 2 == 0 ? "2" : "8"
            for (name, data) in original where !name.contains("link") && name != "page.txt" {
                try data.write(to: tree.appendingPathComponent("docs/\(name)"))
            }
            // Restored in place, so that the four names stay one file.
            let handle = try FileHandle(forWritingTo: tree.appendingPathComponent("docs/page.txt"))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: original["page.txt"]!)
            try handle.close()
            let many = try CLI.run(["lint", "docs", "--glossary", "glossary.yaml", "--fix", "--jobs", jobs], in: tree)
            #expect(many.status == one.status, "round \(round): \(many.stderr)")
            #expect(many.stdout == one.stdout, "round \(round), --jobs \(jobs)")
            let written = try Self.snapshot(tree.appendingPathComponent("docs"))
            #expect(written == expected, "round \(round), --jobs \(jobs): \(written.mapValues(\.count))")
            if written != expected { break }
        }
    }

    @Test("the same file named twice on the command line, or through a link, is checked once")
    func oneFileTwoNames() throws {
        let repo = try Self.linkedTree()
        let result = try CLI.run(["lint", "docs/page.txt", "docs/z-link.txt", "docs/page.txt", "--glossary", "glossary.yaml", "--format", "json"], in: repo)
        let report = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] ?? [:]
        let files = report["files"] as? [[String: Any]] ?? []
        #expect(files.compactMap { $0["path"] as? String } == ["docs/page.txt"], "\(result.out.prefix(300))")
        let count = (files.first?["findings"] as? [Any])?.count ?? 0
        #expect(count > 0)
    }

    @Test("seeded trees of links (in and out of the root, loops, dangling), FIFOs and hard links: --fix changes nothing outside the root and never blocks",
          .timeLimit(.minutes(10)), arguments: 1...12)
    func generatedTrees(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let top = try Self.layout()
        let repo = top.appendingPathComponent("repo")
        let outside = top.appendingPathComponent("victim")
        let folders = ["docs", "docs/a", "docs/a/b", "docs/c"]
        for folder in folders { try FileManager.default.createDirectory(at: repo.appendingPathComponent(folder), withIntermediateDirectories: true) }
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Self.text.write(to: outside.appendingPathComponent("sub/deep.txt"), atomically: true, encoding: .utf8)
        var files: [String] = []
        for k in 0..<(3 + Int(random.next() % UInt64(4))) {
            let name = "\(folders[Int(random.next() % UInt64(folders.count))])/file-\(k).txt"
            try Self.text.write(to: repo.appendingPathComponent(name), atomically: true, encoding: .utf8)
            files.append(name)
        }
        for k in 0..<(4 + Int(random.next() % UInt64(6))) {
            let at = repo.appendingPathComponent("\(folders[Int(random.next() % UInt64(folders.count))])/entry-\(k).txt").path
            switch Int(random.next() % UInt64(7)) {
            case 0: try FileManager.default.createSymbolicLink(atPath: at, withDestinationPath: outside.appendingPathComponent("notes.txt").path)
            case 1: try FileManager.default.createSymbolicLink(atPath: at, withDestinationPath: outside.appendingPathComponent("sub").path)
            case 2: try FileManager.default.createSymbolicLink(atPath: at, withDestinationPath: repo.appendingPathComponent("docs").path)   // a loop
            case 3: try FileManager.default.createSymbolicLink(atPath: at, withDestinationPath: "nowhere-\(k)")   // dangling
            case 4: #expect(mkfifo(at, 0o644) == 0)
            case 5: try FileManager.default.linkItem(atPath: repo.appendingPathComponent(files[Int(random.next() % UInt64(files.count))]).path, toPath: at)
            default: try FileManager.default.createSymbolicLink(atPath: at, withDestinationPath: repo.appendingPathComponent(files[Int(random.next() % UInt64(files.count))]).path)
            }
        }
        for follow in [[], ["--follow-symlinks"]] {
            for jobs in ["1", "3"] {
                let result = try CLI.run(["lint", "docs", "--glossary", "glossary.yaml", "--fix", "--jobs", jobs] + follow, in: repo)
                #expect(result.status == 0, "seed \(seed) \(follow) --jobs \(jobs): \(result.stderr)")
                #expect(try Self.contents(outside.appendingPathComponent("notes.txt")) == Self.text, "seed \(seed)")
                #expect(try Self.contents(outside.appendingPathComponent("sub/deep.txt")) == Self.text, "seed \(seed)")
                for file in files { #expect(try Self.contents(repo.appendingPathComponent(file)) == "The Taobao shop grew.\n", "seed \(seed) \(file)") }
                for file in files { try Self.text.write(to: repo.appendingPathComponent(file), atomically: false, encoding: .utf8) }
            }
        }
    }
}

extension WalkSafetyTests {
    @Test("a translation deeper than PATH_MAX is not left out in silence: the walk lists it, the run names it and exits 2")
    func deeperThanPathMax() throws {
        let repo = try Self.layout().appendingPathComponent("repo")
        // Made with openat, folder by folder: no path to the file fits in PATH_MAX (4,096 bytes).
        var fd = open(repo.path, O_RDONLY | O_DIRECTORY)
        try #require(fd >= 0)
        for _ in 0..<900 {
            #expect(mkdirat(fd, "dddd", 0o755) == 0)
            let next = openat(fd, "dddd", O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
            try #require(fd >= 0)
        }
        let file = openat(fd, "deep.txt", O_WRONLY | O_CREAT, 0o644)
        close(fd)
        try #require(file >= 0)
        _ = Self.text.withCString { write(file, $0, strlen($0)) }
        close(file)
        defer { _ = try? CLI.shell("rm -rf " + CLI.quoted(repo.deletingLastPathComponent().path), in: FileManager.default.temporaryDirectory) }
        let files = try CLI.run(["lint", ".", "--glossary", "glossary.yaml", "--files"], in: repo)
        #expect(files.out.split(separator: "\n").contains { $0.hasPrefix("dddd/dddd/") }, "\(files.out.prefix(300))")
        let lint = try CLI.run(["lint", ".", "--glossary", "glossary.yaml"], in: repo)
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("longer than the system allows (PATH_MAX"), "\(lint.stderr.suffix(300))")
    }
}
