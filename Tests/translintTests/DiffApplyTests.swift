import Foundation
import Testing

/// `--diff` applies with `git apply` and `patch -p1` whatever the path looks like: names are quoted the way git
/// quotes them, and paths are made relative to the folder translint runs in.
@Suite(.serialized)
struct DiffApplyTests {
    static let glossary = CLI.root.appendingPathComponent(CLI.glossary).path

    /// A fresh folder with the sample at `relative`.
    static func project(_ relative: String) throws -> (URL, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translint-diff-\(UUID().uuidString)")
        let file = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try CLI.read(CLI.sample).write(to: file)
        return (folder, file)
    }

    /// Applies `patch` (a file in `folder`) with `git apply` in a copy of the folder and with `patch -p1` in the folder,
    /// both run in `folder/run`; the status of each.
    static func apply(_ patch: String, in folder: URL, run: String = ".", gitOptions: String = "") throws -> (git: Int32, patch: Int32) {
        let copy = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-git")
        try FileManager.default.copyItem(at: folder, to: copy)
        let git = try CLI.shell("git apply \(gitOptions) \(CLI.quoted(folder.appendingPathComponent(patch).path))", in: copy.appendingPathComponent(run))
        let gitFiles = try FileManager.default.subpathsOfDirectory(atPath: copy.path).sorted()
        let patchStatus = try CLI.shell("patch -p1 --batch < \(CLI.quoted(folder.appendingPathComponent(patch).path))", in: folder.appendingPathComponent(run))
        // Both tools changed the same files the same way.
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted().filter { !$0.hasSuffix(".orig") } == gitFiles)
        return (git, patchStatus)
    }

    @Test("--diff of a path with a space, a tab, a quote, a backslash or non-ASCII applies with git apply and patch -p1",
          arguments: ["docs with space/article.txt", "docs/tab\there.txt", "docs/say \"hi\".txt", "docs/back\\slash.txt", "文档/文章 1.txt"])
    func specialNames(relative: String) throws {
        let (folder, file) = try Self.project(relative)
        let result = try CLI.run(["lint", relative, "--glossary", Self.glossary, "--diff"], in: folder)
        #expect(result.status == 1)
        try result.stdout.write(to: folder.appendingPathComponent("fix.patch"))
        let copy = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-git").appendingPathComponent(relative)
        let status = try Self.apply("fix.patch", in: folder)
        #expect(status.git == 0 && status.patch == 0, "\(result.out.prefix(200))")
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.expected)))
        #expect(try Data(contentsOf: copy) == (try CLI.read(CLI.expected)))
    }

    @Test("the header is git's: C quotes for a tab, a trailing tab after a name with a space")
    func headers() throws {
        let (folder, _) = try Self.project("a b/x\ty.txt")
        let result = try CLI.run(["lint", "a b/x\ty.txt", "--glossary", Self.glossary, "--diff"], in: folder)
        #expect(result.out.hasPrefix("--- \"a/a b/x\\ty.txt\"\t\n+++ \"b/a b/x\\ty.txt\"\t\n@@ "))
        let (plain, _) = try Self.project("a b/x.txt")
        #expect(try CLI.run(["lint", "a b/x.txt", "--glossary", Self.glossary, "--diff"], in: plain).out.hasPrefix("--- a/a b/x.txt\t\n+++ b/a b/x.txt\t\n@@ "))
    }

    @Test("absolute, ./ and ../ paths under the current folder are named relative to it, and apply",
          arguments: ["ABS/docs/article.txt", "./docs/article.txt", "docs/../docs/article.txt", "../FOLDER/docs/article.txt"])
    func relativePaths(given: String) throws {
        let (folder, file) = try Self.project("docs/article.txt")
        let path = given.replacingOccurrences(of: "ABS", with: folder.path).replacingOccurrences(of: "FOLDER", with: folder.lastPathComponent)
        let result = try CLI.run(["lint", path, "--glossary", Self.glossary, "--diff"], in: folder)
        #expect(result.out.hasPrefix("--- a/docs/article.txt\n+++ b/docs/article.txt\n"))
        // Reports other than the diff keep the path as given.
        #expect(try CLI.run(["lint", path, "--glossary", Self.glossary, "--format", "github"], in: folder).out.contains("file=\(path),"))
        try result.stdout.write(to: folder.appendingPathComponent("fix.patch"))
        let status = try Self.apply("fix.patch", in: folder)
        #expect(status.git == 0 && status.patch == 0)
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.expected)))
    }

    @Test("a ../ path outside the current folder is named as given: git apply --unsafe-paths applies it from there")
    func pathOutsideCurrentFolder() throws {
        let (folder, file) = try Self.project("other/article.txt")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("run"), withIntermediateDirectories: true)
        let result = try CLI.run(["lint", "../other/article.txt", "--glossary", Self.glossary, "--diff"], in: folder.appendingPathComponent("run"))
        #expect(result.out.hasPrefix("--- a/../other/article.txt\n+++ b/../other/article.txt\n"))
        try result.stdout.write(to: folder.appendingPathComponent("fix.patch"))
        #expect(try CLI.shell("git apply --unsafe-paths ../fix.patch", in: folder.appendingPathComponent("run")) == 0)
        #expect(try Data(contentsOf: file) == (try CLI.read(CLI.expected)))
    }
}
