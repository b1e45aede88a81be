import Foundation
import TranslintKit

/// The few questions translint asks git: which files a folder holds that are not ignored, and which lines
/// changed since a revision.
enum Git {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs git with `arguments` in `directory`; nil when git is missing or fails.
    static func run(_ arguments: [String], in directory: String = ".") -> (status: Int32, output: Data)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
    static func isWorkTree(_ directory: String) -> Bool {
        guard let result = run(["rev-parse", "--is-inside-work-tree"], in: directory) else { return false }
        return result.status == 0 && String(decoding: result.output, as: UTF8.self).hasPrefix("true")
    }

    /// NUL-separated paths relative to `directory`.
    static func paths(_ arguments: [String], in directory: String) -> [String]? {
        guard let result = run(arguments, in: directory), result.status == 0 else { return nil }
        return result.output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Files under `directory` that git does not ignore (tracked, or untracked and not ignored).
    static func unignoredFiles(in directory: String) -> [String]? {
        paths(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."], in: directory)
    }

    /// What git ignores under `directory` (folders as one entry ending in `/`).
    static func ignoredEntries(in directory: String) -> [String] {
        paths(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory", "--", "."], in: directory) ?? []
    }

    /// Checks that `revision` names a commit.
    static func verify(revision: String) throws {
        guard let result = run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"]) else {
            throw Failure(description: "--only-changed needs git, which could not be run")
        }
        guard result.status == 0 else {
            throw Failure(description: "--only-changed: '\(revision)' is not a git revision here (is this a git repository?)")
        }
    }

    /// The lines of `path` changed since `revision` (the whole file when git does not track it).
    static func changedLines(of path: String, since revision: String) throws -> ChangedLines {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let directory = folder.isEmpty ? "." : folder
        guard let tracked = run(["ls-files", "--error-unmatch", "--", name], in: directory) else {
            throw Failure(description: "--only-changed needs git, which could not be run")
        }
        if tracked.status != 0 { return .all }
        guard let diff = run(["diff", "--no-color", "--no-ext-diff", "--unified=0", revision, "--", name], in: directory), diff.status == 0 else {
            throw Failure(description: "\(path): git diff against '\(revision)' failed")
        }
        return ChangedLines.parse(unifiedDiff: String(decoding: diff.output, as: UTF8.self))
    }
}
