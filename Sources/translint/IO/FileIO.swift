import Foundation
import TranslintKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files translint touches: reading in blocks, and replacing a file atomically.
enum FileIO {
    static let blockSize = 1 << 20

    /// Calls `body` with successive blocks of the file at `path` (or standard input for "-").
    static func readBlocks(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError.unreadable(path: path, reason: lastError()) }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputError.unreadable(path: path, reason: "is a directory")
        }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: blockSize)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, blockSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(path: path, reason: lastError())
            }
            if n == 0 { break }
            try body(UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// Throws `InputError.invalidUTF8` at the first byte of `path` that is not well-formed UTF-8.
    static func validateUTF8(_ path: String) throws {
        var validator = UTF8Validator(path: path)
        try readBlocks(path) { try validator.feed($0) }
        try validator.finish()
    }

    /// Throws `InputError.invalidUTF8` (with line, column and byte offset) at the first byte of `bytes` that is not
    /// well-formed UTF-8.
    static func validateUTF8(_ bytes: [UInt8], path: String) throws {
        var validator = UTF8Validator(path: path)
        try bytes.withUnsafeBufferPointer { try validator.feed($0) }
        try validator.finish()
    }

    static func readAll(_ path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try readBlocks(path) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Writes `text` to `path` through a temporary file in the same folder and a rename: an existing file keeps its
    /// permissions; a new one gets 0644.
    static func writeAtomically(_ text: String, to path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            let writer = try AtomicWriter(replacing: path)
            try writer.write(Array(text.utf8))
            try writer.commit()
            return
        }
        guard FileManager.default.createFile(atPath: path + ".translint-new", contents: Data(text.utf8), attributes: [.posixPermissions: 0o644]) else {
            throw InputError.unwritable(path: path, reason: "cannot create it")
        }
        guard rename(path + ".translint-new", path) == 0 else {
            let reason = lastError()
            unlink(path + ".translint-new")
            throw InputError.unwritable(path: path, reason: reason)
        }
    }

    /// Replaces a file through a temporary file in the same folder and a rename, so readers see the
    /// old file or the new one, never half of it. Keeps the file's permission bits; follows a symbolic link
    /// to the file it names.
    final class AtomicWriter {
        let path: String
        private let target: String
        private let temporary: String
        private var fd: Int32
        private var failed = false

        init(replacing path: String) throws {
            self.path = path
            var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            target = realpath(path, &resolved) != nil ? cString(resolved) : path
            var info = stat()
            guard stat(target, &info) == 0 else { throw InputError.unwritable(path: path, reason: lastError()) }
            let folder = (target as NSString).deletingLastPathComponent
            let name = (target as NSString).lastPathComponent
            var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).translint-XXXXXX").utf8CString)
            fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw InputError.unwritable(path: path, reason: "cannot create a temporary file beside it: \(lastError())") }
            temporary = cString(template)
            if fchmod(fd, info.st_mode & 0o7777) != 0 {
                let reason = lastError()
                discard()
                throw InputError.unwritable(path: path, reason: reason)
            }
            _ = fchown(fd, info.st_uid, info.st_gid)   // best effort: only root may give a file away
        }

        func write(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        let reason = lastError()
                        discard()
                        throw InputError.unwritable(path: path, reason: reason)
                    }
                    offset += n
                }
            }
        }

        /// Puts the new content in place.
        func commit() throws {
            guard fsync(fd) == 0, close(fd) == 0 else {
                let reason = lastError()
                fd = -1
                discard()
                throw InputError.unwritable(path: path, reason: reason)
            }
            fd = -1
            guard rename(temporary, target) == 0 else {
                let reason = lastError()
                discard()
                throw InputError.unwritable(path: path, reason: reason)
            }
        }

        /// Leaves the original untouched and removes the temporary file.
        func discard() {
            if fd >= 0 { close(fd); fd = -1 }
            unlink(temporary)
        }
    }

    /// A NUL-terminated C string in a buffer, as a String.
    static func cString(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The file a path names, for telling whether two paths are the same file: its real path, or the path itself.
    static func identity(_ path: String) -> String {
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        return realpath(path, &resolved) != nil ? cString(resolved) : path
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Where `--fix` puts a file's fixed text: the file itself through an atomic writer, or for standard input,
/// standard output once the whole input was read and checked (bad input then leaves no half-written output).
final class FixedText {
    private var writer: FileIO.AtomicWriter?
    private var standardInput: [UInt8]?

    init(path: String, fixing: Bool) throws {
        guard fixing else { return }
        if path == "-" { standardInput = [] } else { writer = try FileIO.AtomicWriter(replacing: path) }
    }

    func write(_ bytes: [UInt8]) throws {
        if standardInput != nil { standardInput! += bytes } else { try writer?.write(bytes) }
    }

    /// Puts the fixed text in place when something `changed`; standard input is always echoed.
    func finish(changed: Bool) throws {
        if let standardInput { try Output.standardOutput.write(standardInput) }
        guard let writer else { return }
        if changed { try writer.commit() } else { writer.discard() }
        self.writer = nil
    }

    func discard() {
        writer?.discard()
        writer = nil
    }
}
