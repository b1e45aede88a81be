import Foundation
import TranslintKit

/// The files to check for the paths given on the command line.
///
/// Folders are walked: what `.gitignore` ignores (inside a git work tree: git's own rules, also nested `.gitignore`
/// files and `.git/info/exclude`), hidden files and folders, the files in `inUse` (the configuration file and the
/// glossaries, compared by real path), with `translationsOnly` every file that is not in a translation format
/// (`Configuration.isTranslation`), files outside the configuration's `include` or inside its `exclude` patterns,
/// and binary files (a NUL byte in the first 8 KiB) are skipped; `skipped` hears of each. So are symbolic links
/// (unless `followSymlinks`; even then, when the run writes, those that lead out of the walked folder), special
/// files (FIFOs, sockets, devices), which a read could block on, and git submodules.
///
/// Files named on the command line are checked as given, unless `forceExclude` (`--force-exclude`, as in typos and
/// SwiftLint): then they are selected by the same rules as the files a walk finds, except `.gitignore` (the files
/// pre-commit names are git's own). That is what lets a pre-commit hook pass every staged file.
struct FileWalker {
    var configuration: Configuration
    /// Real paths (`FileIO.identity`) of files that are never checked, with the reason `skipped` is told.
    var inUse: [String: String] = [:]
    var translationsOnly = false
    var forceExclude = false
    /// Whether a walk inside a git work tree asks git what `.gitignore` ignores. Off for glossary folders, which
    /// hold only glossaries: asking git takes three processes, most of a tiny file's lint.
    var usesGit = true
    /// `--follow-symlinks`: a walk follows symbolic links (to files and folders) instead of skipping them. Links
    /// named on the command line are always followed.
    var followSymlinks = false
    /// `--fix`: the run writes the files it checks, so a walk never takes a file through a link out of its folder.
    var writes = false
    var skipped: (String, String) -> Void = { _, _ in }
    /// Names met in a walk that the system would not describe (a path longer than PATH_MAX), with the reason.
    final class Unexaminable { var paths: [String: String] = [:] }
    let unexaminable = Unexaminable()

    func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            if path == "-" { result.append(path); continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError.unreadable(path: path, reason: "no such file or directory")
            }
            if isDirectory.boolValue {
                result.append(contentsOf: try walk(path))
            } else if forceExclude, let reason = reasonToSkip(path, relative: relativeToRoot(path)) {
                skipped(path, reason)
            } else {
                result.append(path)
            }
        }
        return result
    }

    private func walk(_ folder: String) throws -> [String] {
        let base = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        func join(_ relative: String) -> String { relative.isEmpty ? base : base == "." ? relative : base + "/" + relative }
        let root = FileIO.identity(folder)
        var candidates: [String] = []
        if usesGit, Git.isWorkTree(folder), let listed = Git.unignoredFiles(in: folder) {
            for entry in Git.ignoredEntries(in: folder) where !isHidden(entry) { skipped(join(entry), "ignored by .gitignore") }
            // git lists files and symbolic links (never what a link to a folder holds); tracked but deleted: gone.
            var visited = Set<FileIO.FileID>()
            for relative in listed {
                switch FileIO.entryKind(join(relative)) {
                case .missing: continue
                case .symlink: follow(relative, root: root, join: join, visited: &visited, into: &candidates)
                case .directory: skipped(join(relative), "a git submodule")
                case let kind: take(relative, kind: kind, root: root, join: join, visited: &visited, into: &candidates)
                }
            }
        } else {
            guard FileManager.default.isReadableFile(atPath: folder),
                  (try? FileManager.default.contentsOfDirectory(atPath: folder)) != nil else {
                throw InputError.unreadable(path: folder, reason: "cannot list the directory")
            }
            var visited = Set<FileIO.FileID>()
            if let id = FileIO.fileID(folder) { visited.insert(id) }
            descend(into: "", root: root, join: join, visited: &visited, into: &candidates)
        }
        var files: [String] = []
        for relative in candidates.sorted() {
            let path = join(relative)
            if unexaminable.paths[relative] == nil, let reason = reasonToSkip(path, relative: relative) { skipped(path, reason); continue }
            files.append(path)
        }
        return files
    }

    /// Adds the files below the folder `relative` (relative to the walked folder; "" for itself) to `candidates`.
    /// Hidden folders are skipped; symbolic links are followed only with `followSymlinks`, and a folder already
    /// visited (a loop of links) is not entered again.
    private func descend(into relative: String, root: String, join: (String) -> String, visited: inout Set<FileIO.FileID>,
                         into candidates: inout [String]) {
        let path = join(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            skipped(path + "/", "cannot list the directory")
            return
        }
        for name in names.sorted() {
            let child = relative.isEmpty ? name : relative + "/" + name
            let kind = FileIO.entryKind(join(child))
            if kind == .directory && name.hasPrefix(".") { skipped(join(child) + "/", "hidden"); continue }
            if kind == .symlink { follow(child, root: root, join: join, visited: &visited, into: &candidates); continue }
            take(child, kind: kind, root: root, join: join, visited: &visited, into: &candidates)
        }
    }

    /// A walked entry that is not a symbolic link: a file becomes a candidate, a folder is entered, anything else
    /// is skipped with a reason. Opening a FIFO would wait for a writer, and a device never ends.
    private func take(_ relative: String, kind: FileIO.EntryKind, root: String, join: (String) -> String,
                      visited: inout Set<FileIO.FileID>, into candidates: inout [String]) {
        switch kind {
        case .regular: candidates.append(relative)
        case .directory:
            if let id = FileIO.fileID(join(relative)), !visited.insert(id).inserted {
                skipped(join(relative) + "/", "a folder already walked (a loop of symbolic links)")
                return
            }
            descend(into: relative, root: root, join: join, visited: &visited, into: &candidates)
        case .special(let what): skipped(join(relative), "a special file (\(what))")
        case .unexaminable(let why):
            // Never left out in silence: it is checked, and its read fails with the reason (exit 2).
            candidates.append(relative)
            unexaminable.paths[relative] = why
        case .missing, .symlink: break
        }
    }

    /// A symbolic link met in a walk: skipped, unless `followSymlinks`. Even then a link whose target lies outside
    /// the walked folder is skipped when the run writes (`--fix` never writes outside the folders it was given), and
    /// a dangling link is skipped with that reason.
    private func follow(_ relative: String, root: String, join: (String) -> String, visited: inout Set<FileIO.FileID>,
                        into candidates: inout [String]) {
        let path = join(relative)
        guard followSymlinks else { skipped(path, "a symbolic link (--follow-symlinks follows it)"); return }
        let kind = FileIO.entryKind(path, following: true)
        if kind == .missing { skipped(path, "a dangling symbolic link"); return }
        if case .unexaminable(let why) = kind { skipped(path, "a symbolic link that cannot be followed (\(why))"); return }
        let target = FileIO.identity(path)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if writes && target != root && !target.hasPrefix(prefix) {
            skipped(path, "a symbolic link to \(target), outside the walked folder: --fix writes only inside it")
            return
        }
        take(relative, kind: kind, root: root, join: join, visited: &visited, into: &candidates)
    }

    /// Why `path` is not checked, or nil when it is. `relative`: the path below the folder walked, for telling
    /// hidden files.
    private func reasonToSkip(_ path: String, relative: String) -> String? {
        if isHidden(relative) { return "hidden" }
        if !inUse.isEmpty, let reason = inUse[FileIO.identity(path)] { return reason }
        if translationsOnly && !Configuration.isTranslation(path) { return "not a translation format translint reads" }
        // Without include/exclude patterns every file is included: no path to resolve against the root.
        if !(configuration.include.isEmpty && configuration.exclude.isEmpty) && !configuration.includes(relativeToRoot(path)) {
            return "excluded by the configuration"
        }
        if !looksLikeText(path) { return "binary" }
        return nil
    }

    private func isHidden(_ relative: String) -> Bool {
        relative.split(separator: "/").contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
    }

    /// `path` relative to the configuration's folder, which include/exclude patterns are written against.
    private func relativeToRoot(_ path: String) -> String {
        let root = URL(fileURLWithPath: configuration.root).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : path
    }

    /// No NUL byte in the first 8 KiB. Read with read(2) and searched with memchr: through FileHandle and `Data`'s
    /// iterator this took 55 instructions a byte, half a million a file.
    private func looksLikeText(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return true }   // unreadable: reported later
        defer { close(fd) }
        let size = 8192
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size) { head in
            var count = 0
            while count < size {
                let n = read(fd, head.baseAddress! + count, size - count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                count += n
            }
            return memchr(head.baseAddress!, 0, count) == nil
        }
    }
}
