import Foundation
import TranslintKit

/// The files to check for the paths given on the command line.
///
/// Folders are walked: what `.gitignore` ignores (inside a git work tree: git's own rules, also nested `.gitignore`
/// files and `.git/info/exclude`), hidden files and folders, the files in `inUse` (the configuration file and the
/// glossaries, compared by real path), with `translationsOnly` every file that is not in a translation format
/// (`Configuration.isTranslation`), files outside the configuration's `include` or inside its `exclude` patterns,
/// and binary files (a NUL byte in the first 8 KiB) are skipped; `skipped` hears of each.
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
    var skipped: (String, String) -> Void = { _, _ in }

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
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        func join(_ relative: String) -> String { base == "." ? relative : base + "/" + relative }
        var candidates: [String]
        if usesGit, Git.isWorkTree(folder), let listed = Git.unignoredFiles(in: folder) {
            for entry in Git.ignoredEntries(in: folder) where !isHidden(entry) { skipped(join(entry), "ignored by .gitignore") }
            candidates = listed.filter { FileManager.default.fileExists(atPath: join($0)) }   // tracked but deleted: gone
        } else {
            guard let walker = FileManager.default.enumerator(atPath: folder) else {
                throw InputError.unreadable(path: folder, reason: "cannot list the directory")
            }
            candidates = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: join(relative), isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if name.hasPrefix(".") { walker.skipDescendants(); skipped(join(relative) + "/", "hidden") }
                    continue
                }
                candidates.append(relative)
            }
        }
        var files: [String] = []
        for relative in candidates.sorted() {
            let path = join(relative)
            if let reason = reasonToSkip(path, relative: relative) { skipped(path, reason); continue }
            files.append(path)
        }
        return files
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
