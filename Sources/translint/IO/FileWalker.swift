import Foundation
import TranslintKit

/// The files to check for the paths given on the command line.
///
/// Files named on the command line are checked as given. Folders are walked: what `.gitignore` ignores (inside a
/// git work tree: git's own rules, also nested `.gitignore` files and `.git/info/exclude`), hidden files and
/// folders, binary files (a NUL byte in the first 8 KiB) and files outside the configuration's `include` / inside
/// its `exclude` patterns are skipped; `skipped` hears of each.
struct FileWalker {
    var configuration: Configuration
    var skipped: (String, String) -> Void = { _, _ in }

    func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            if path == "-" { result.append(path); continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError.unreadable(path: path, reason: "no such file or directory")
            }
            guard isDirectory.boolValue else { result.append(path); continue }
            result.append(contentsOf: try walk(path))
        }
        return result
    }

    private func walk(_ folder: String) throws -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        func join(_ relative: String) -> String { base == "." ? relative : base + "/" + relative }
        var candidates: [String]
        if Git.isWorkTree(folder), let listed = Git.unignoredFiles(in: folder) {
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
                FileManager.default.fileExists(atPath: join(relative), isDirectory: &isDirectory)
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
            if isHidden(relative) { skipped(path, "hidden"); continue }
            if !configuration.includes(relativeToRoot(path)) { skipped(path, "excluded by the configuration"); continue }
            if !looksLikeText(path) { skipped(path, "binary"); continue }
            files.append(path)
        }
        return files
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

    private func looksLikeText(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }   // unreadable: reported later
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8192)) ?? Data()
        return !head.contains(0)
    }
}
