import Foundation
import TranslintKit

/// Finding and reading `.translint.yml`.
enum ConfigurationFile {
    /// `explicit` when given, else the first `.translint.yml` (or `.yaml`) in the current folder or a folder above
    /// it, else (for `translint lint ../project/docs`) the first one in the folder of `firstPath` (the first path
    /// given to check: a folder, or a file's folder) or above it; the defaults when there is none. One configuration
    /// serves the whole run, however many paths are given.
    static func load(explicit: String?, firstPath: String? = nil) throws -> Configuration {
        let path: String
        if let explicit {
            path = explicit
        } else if let found = discover(from: FileManager.default.currentDirectoryPath) ?? firstPath.flatMap(discover(fromPath:)) {
            path = found
        } else {
            return Configuration(root: ".")
        }
        let bytes = try FileIO.readAll(path)
        if let bad = bytes.withUnsafeBufferPointer({ firstInvalidUTF8($0) }) {
            throw GlossaryError(location: SourceLocation(file: path, line: bytes[..<bad].filter { $0 == 0x0A }.count + 1),
                                message: "invalid UTF-8 at byte offset \(bad)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        return try Configuration.load(yaml: String(decoding: bytes, as: UTF8.self), file: path, root: folder.isEmpty ? "." : folder)
    }

    /// The configuration for a path to check: from the folder it is or is in.
    static func discover(fromPath path: String) -> String? {
        guard path != "-" else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        return discover(from: folder.isEmpty ? "." : folder)
    }

    static func discover(from start: String) -> String? {
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            for name in Configuration.fileNames {
                let candidate = folder.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return relativeToCurrentDirectory(candidate) }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// `path` relative to the current folder when it lies under it, so messages stay short.
    static func relativeToCurrentDirectory(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
