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

    /// The lines of each of `paths` changed since `revision`, from one `git diff` of them all (and one `git ls-files`
    /// to tell an unchanged file from one git does not track). Paths are literal: `x[1].txt` names that file, not
    /// `x1.txt`. A file git does not track, or one outside the work tree of the current folder, counts as changed
    /// throughout.
    static func changedLines(of paths: [String], since revision: String) throws -> [String: ChangedLines] {
        var result: [String: ChangedLines] = [:]
        for path in paths { result[path] = .all }
        guard !paths.isEmpty else { return result }
        guard let top = run(["rev-parse", "--show-toplevel"]).flatMap({ $0.status == 0 ? $0.output : nil })
            .map({ String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .newlines) }) else {
            throw Failure(description: "--only-changed needs git, which could not be run")
        }
        // Paths relative to the top of the work tree, which is what git prints; git runs there.
        let topFolder = FileIO.identity(top)
        var byTopPath: [String: [String]] = [:]
        for path in paths {
            guard let relative = relativePath(FileIO.identity(path), under: topFolder) else { continue }
            byTopPath[relative, default: []].append(path)
        }
        let inside = byTopPath.keys.sorted()
        // Batches keep each command line well under the kernel's limit; one batch for any usual number of files.
        for batch in batches(inside, maxBytes: 96 * 1024) {
            guard let listed = run(["--literal-pathspecs", "ls-files", "-z", "--"] + batch, in: topFolder), listed.status == 0 else {
                throw Failure(description: "--only-changed: git ls-files failed in \(topFolder)")
            }
            let tracked = Set(listed.output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
            let trackedBatch = batch.filter(tracked.contains)
            guard !trackedBatch.isEmpty else { continue }   // no pathspec at all would diff the whole repository
            guard let diff = run(["--literal-pathspecs", "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff",
                                  "--no-renames", "--no-relative", "--src-prefix=a/", "--dst-prefix=b/", "--unified=0",
                                  revision, "--"] + trackedBatch, in: topFolder), diff.status == 0 else {
                throw Failure(description: "--only-changed: git diff against '\(revision)' failed")
            }
            let changed = ChangedLines.parse(gitDiff: String(decoding: diff.output, as: UTF8.self))
            for relative in trackedBatch {
                for path in byTopPath[relative] ?? [] { result[path] = changed[relative] ?? ChangedLines(ranges: []) }
            }
        }
        return result
    }

    /// `path` relative to `folder` (both real paths), or nil when it is not under it.
    private static func relativePath(_ path: String, under folder: String) -> String? {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    private static func batches(_ paths: [String], maxBytes: Int) -> [[String]] {
        var batches: [[String]] = []
        var current: [String] = [], size = 0
        for path in paths {
            if !current.isEmpty && size + path.utf8.count + 1 > maxBytes { batches.append(current); current = []; size = 0 }
            current.append(path)
            size += path.utf8.count + 1
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }
}
