import Foundation
import TranslintKit

#if canImport(Glibc)
import CFileSystem
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

    /// Calls `body` with `from..<firstEnd` of the file at `path`, then with blocks of `blockSize` bytes (the last one
    /// shorter) up to `end`: the reads of a file segment (`FileSegments.Segment`).
    static func readRange(_ path: String, from: Int, firstEnd: Int, end: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError.unreadable(path: path, reason: lastError()) }
        defer { close(fd) }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(blockSize, firstEnd - from))
        defer { buffer.deallocate() }
        var offset = from
        var pieceEnd = firstEnd > from ? firstEnd : min(end, from + blockSize)
        while offset < end {
            var filled = 0
            while offset + filled < pieceEnd {
                let n = pread(fd, buffer.baseAddress! + filled, pieceEnd - offset - filled, off_t(offset + filled))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputError.unreadable(path: path, reason: lastError())
                }
                if n == 0 { throw InputError.unreadable(path: path, reason: "the file became shorter while it was read") }
                filled += n
            }
            try body(UnsafeBufferPointer(rebasing: buffer[0..<filled]))
            offset = pieceEnd
            pieceEnd = min(end, offset + blockSize)
        }
    }

    /// What a device or a pipe named as a file may give at most: `/dev/zero` as `--config` never ends.
    static let streamLimit = 64 << 20

    static func readAll(_ path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        // Sized once for a regular file: growing by doubling copied a 3 MB compiled glossary about twice over.
        var info = stat()
        let isRegular = path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        if isRegular { bytes.reserveCapacity(Int(info.st_size)) }
        try readBlocks(path) { block in
            if !isRegular && path != "-" && bytes.count + block.count > streamLimit {
                throw InputError.unreadable(path: path, reason: "not a regular file, and it gives more than \(streamLimit >> 20) MiB")
            }
            bytes.append(contentsOf: block)
        }
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

    /// Replaces a file's content so that a failure at any point leaves the original untouched (typos and
    /// codespell make the same promises).
    ///
    /// The new text is first written in full to a temporary file beside the file (`.NAME.translint-PID-XXXXXX`) and
    /// synced. Then, usually, the temporary file is renamed over the file: readers see the old text or the new, never
    /// half. The temporary file gets the original's owner and group, then its mode including setuid/setgid (after the
    /// owner: chown clears those bits), then its extended attributes.
    ///
    /// When a rename would lose something, the synced temporary file is copied into the file in place instead, as
    /// editors do (vim's `backupcopy`): a file with several hard links (a rename would leave the other names with
    /// the old text), a file whose owner or group translint may not give to a new file, and one whose extended
    /// attributes cannot be copied. The copy is not atomic; while it runs the temporary file is renamed to
    /// `.NAME.translint-PID-XXXXXX.fixed`, which holds the complete fixed text if translint is killed then and is never
    /// removed by translint.
    ///
    /// A read-only file (no write permission for translint, or no write bit for its owner, which matters when
    /// translint runs as root) is refused before anything is created. Follows a symbolic link to the file it names.
    final class AtomicWriter {
        let path: String
        private let target: String
        private var temporary: String
        private var fd: Int32
        /// Copy into the file instead of renaming over it; see the type's comment.
        private let inPlace: Bool

        init(replacing path: String) throws {
            self.path = path
            var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            target = realpath(path, &resolved) != nil ? cString(resolved) : path
            var info = stat()
            guard stat(target, &info) == 0 else { throw InputError.unwritable(path: path, reason: lastError()) }
            guard info.st_mode & S_IFMT == S_IFREG else { throw InputError.unwritable(path: path, reason: "not a regular file") }
            let mode = String(info.st_mode & 0o7777, radix: 8)
            if access(target, W_OK) != 0 { throw InputError.unwritable(path: path, reason: "read-only (\(lastError()), mode 0\(mode))") }
            if info.st_mode & S_IWUSR == 0 { throw InputError.unwritable(path: path, reason: "read-only (mode 0\(mode))") }
            let folder = (target as NSString).deletingLastPathComponent
            let name = (target as NSString).lastPathComponent
            var template = Array(((folder.isEmpty ? "." : folder) + "/" + StaleTemporaries.prefix(for: name) + "XXXXXX").utf8CString)
            fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw InputError.unwritable(path: path, reason: "cannot create a temporary file beside it: \(lastError())") }
            temporary = cString(template)
            // Only root may give a file away, and only a member may give it a group: when the new file cannot have
            // both, the text is copied into the file itself, which keeps them.
            var keepsEverything = info.st_nlink == 1 && fchown(fd, info.st_uid, info.st_gid) == 0
            if keepsEverything {
                if fchmod(fd, info.st_mode & 0o7777) != 0 {
                    let reason = lastError()
                    close(fd)
                    unlink(temporary)
                    throw InputError.unwritable(path: path, reason: reason)
                }
                keepsEverything = Self.copyExtendedAttributes(from: target, to: fd)
            }
            inPlace = !keepsEverything
        }

        /// Copies every extended attribute of `source` to `fd`; false when one cannot be copied. A file system without
        /// them (ENOTSUP) has none to lose.
        private static func copyExtendedAttributes(from source: String, to fd: Int32) -> Bool {
            let size = listxattr(source, nil, 0)
            if size < 0 { return errno == ENOTSUP }
            if size == 0 { return true }
            var names = [CChar](repeating: 0, count: size)
            let listed = listxattr(source, &names, size)
            if listed < 0 { return false }   // the list grew meanwhile: copy in place rather than lose one
            for name in names[..<listed].split(separator: 0) {
                let cName = Array(name) + [0]
                let length = getxattr(source, cName, nil, 0)
                if length < 0 { return false }
                var value = [UInt8](repeating: 0, count: max(length, 1))
                let read = getxattr(source, cName, &value, length)
                if read < 0 { return false }
                if fsetxattr(fd, cName, value, read, 0) != 0 && errno != ENOTSUP { return false }
            }
            return true
        }

        func write(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { raw in
                guard raw.count > 0 else { return }
                do {
                    try Self.writeAll(fd, raw.baseAddress!, raw.count)
                } catch let error as SystemError {
                    discard()
                    throw InputError.unwritable(path: path, reason: error.reason)
                }
            }
        }

        /// Puts the new content in place.
        func commit() throws {
            guard fsync(fd) == 0 else { try fail() }
            if inPlace { return try copyInPlace() }
            guard close(fd) == 0 else { fd = -1; try fail() }
            fd = -1
            guard rename(temporary, target) == 0 else { try fail() }
        }

        /// Copies the synced temporary file into the file, keeping the file's inode: its other names, owner, group and
        /// attributes. The temporary file is kept as `….fixed` until the copy is synced: if translint is killed in
        /// between, the next run finds it and restores the file from it (`Recovery`). The file is overwritten from the
        /// start and truncated last, so it is never empty while the copy runs.
        private func copyInPlace() throws {
            let keep = temporary + ".fixed"
            guard rename(temporary, keep) == 0 else { try fail() }
            temporary = keep
            do {
                try Self.copyContents(of: fd, into: target)
            } catch {
                close(fd); fd = -1
                // The file is now partly written: keep the complete text beside it, and say where.
                throw InputError.unwritable(path: path, reason: "\((error as? SystemError)?.reason ?? "\(error)"); the complete fixed text is in \(keep)")
            }
            discard()
        }

        /// Overwrites `target` in place with everything `source` holds, then truncates and syncs it.
        static func copyContents(of source: Int32, into target: String) throws {
            let out = open(target, O_WRONLY | O_CLOEXEC)
            guard out >= 0 else { throw SystemError() }
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
            defer { buffer.deallocate() }
            var offset: off_t = 0
            do {
                while true {
                    let n = pread(source, buffer, blockSize, offset)
                    if n < 0 { if errno == EINTR { continue }; throw SystemError() }
                    if n == 0 { break }
                    var written = 0
                    while written < n {
                        let m = pwrite(out, buffer + written, n - written, offset + off_t(written))
                        if m < 0 { if errno == EINTR { continue }; throw SystemError() }
                        written += m
                    }
                    offset += off_t(n)
                }
                guard ftruncate(out, offset) == 0 else { throw SystemError() }
                guard fsync(out) == 0 || errno == EINVAL else { throw SystemError() }
            } catch {
                close(out)
                throw error
            }
            guard close(out) == 0 else { throw SystemError() }
        }

        private func fail() throws(InputError) -> Never {
            let reason = lastError()
            discard()
            throw InputError.unwritable(path: path, reason: reason)
        }

        /// Leaves the original untouched and removes the temporary file.
        func discard() {
            if fd >= 0 { close(fd); fd = -1 }
            unlink(temporary)
        }

        /// Writes all `count` bytes, retrying short and interrupted writes.
        private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) throws(SystemError) {
            var offset = 0
            while offset < count {
                let n = Glibc.write(fd, bytes + offset, count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SystemError()
                }
                offset += n
            }
        }
    }

    /// The complete fixed text that a `--fix` killed during an in-place write left beside a file
    /// (`.NAME.translint-PID-XXXXXX.fixed`, see `AtomicWriter`). Until the user chooses, translint does not touch the
    /// file: `--recover` copies the fixed text back into it, or the user removes the `.fixed` file.
    enum Recovery {
        /// The recovery files beside `path` (resolved through links), oldest first: those named after it, and those
        /// named after another name of the same file in that folder (a hard link).
        static func leftovers(for path: String) -> [String] {
            let target = identity(path)
            let folder = (target as NSString).deletingLastPathComponent
            var info = stat()
            guard stat(target, &info) == 0,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
            return names.filter { entry in
                guard entry.hasSuffix(".fixed"), let marker = entry.range(of: ".translint-", options: .backwards),
                      StaleTemporaries.parse(String(entry.dropLast(".fixed".count)))?.pid != nil else { return false }
                let name = String(entry[entry.index(after: entry.startIndex)..<marker.lowerBound])
                var other = stat()
                return stat((folder as NSString).appendingPathComponent(name), &other) == 0
                    && other.st_dev == info.st_dev && other.st_ino == info.st_ino
            }.map { (folder as NSString).appendingPathComponent($0) }.sorted { modified($0) < modified($1) }
        }

        /// Nothing when no recovery file lies beside `path`. Otherwise, with `recover`, restores the file from the one
        /// recovery file and returns what it did; without, throws the message that says how to choose.
        static func check(_ path: String, display: String, recover: Bool) throws -> String? {
            let found = leftovers(for: path)
            guard let last = found.last else { return nil }
            let how = "run again with --recover to restore the file from it, or remove it to keep the file as it is"
            guard recover else {
                let what = found.count == 1 ? "the complete fixed text is in \(last)" : "\(found.count) recovery files lie beside it (\(found.joined(separator: ", "))); the newest is \(last)"
                throw InputError.interrupted(path: display, reason: "an earlier --fix was interrupted while writing this file, which may be incomplete; \(what): \(how)")
            }
            if let pid = StaleTemporaries.parse(String((last as NSString).lastPathComponent.dropLast(".fixed".count)))?.pid,
               pid != getpid(), kill(pid, 0) == 0 || errno != ESRCH {
                throw InputError.interrupted(path: display, reason: "translint process \(pid) is writing it now (\(last)); wait for it, or remove that file if no such run is going on")
            }
            let source = open(last, O_RDONLY | O_CLOEXEC)
            guard source >= 0 else { throw InputError.unreadable(path: last, reason: lastError()) }
            defer { close(source) }
            do { try AtomicWriter.copyContents(of: source, into: identity(path)) } catch {
                throw InputError.unwritable(path: display, reason: "\((error as? SystemError)?.reason ?? "\(error)"); the complete fixed text is still in \(last)")
            }
            for file in found where unlink(file) != 0 {
                throw InputError.unwritable(path: file, reason: "restored \(display) from it but cannot remove it: \(lastError())")
            }
            let older = found.count > 1 ? " (and removed \(found.count - 1) older one\(found.count > 2 ? "s" : ""))" : ""
            return "restored \(display) from \(last), which an interrupted --fix left, and removed it\(older)"
        }

        private static func modified(_ path: String) -> Int {
            var info = stat()
            return stat(path, &info) == 0 ? info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec : 0
        }
    }

    /// Temporary files that a killed translint left beside the files it was fixing, and their removal on the next
    /// `--fix` in that folder.
    ///
    /// Names: `.NAME.translint-PID-XXXXXX` (this version: the pid of the process writing it) and
    /// `.NAME.translint-XXXXXX` (earlier versions). One with a pid is stale once that process is gone; one without,
    /// when nothing has written to it for ten minutes (a running translint writes its output as it goes, and
    /// renames the file within moments of its last write). `.fixed` files (see `AtomicWriter`) are never removed.
    enum StaleTemporaries {
        static let maximumAge: TimeInterval = 600

        static func prefix(for name: String) -> String { ".\(name).translint-\(getpid())-" }

        /// Removes the stale temporary files in `folder`; returns the paths removed. Errors (another user's file in a
        /// shared folder, one removed meanwhile) leave the file where it is.
        static func remove(in folder: String, now: Date = Date()) -> [String] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
            var removed: [String] = []
            for name in names where isStale(name: name, folder: folder, now: now) {
                let path = (folder as NSString).appendingPathComponent(name)
                if unlink(path) == 0 { removed.append(path) }
            }
            return removed.sorted()
        }

        static func isStale(name: String, folder: String, now: Date) -> Bool {
            guard let (pid, _) = parse(name) else { return false }
            var info = stat()
            guard lstat((folder as NSString).appendingPathComponent(name), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
            if let pid { return kill(pid, 0) != 0 && errno == ESRCH }
            let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
            return now.timeIntervalSince(modified) > maximumAge
        }

        /// The pid in a temporary file's name, or nil when `name` is not one of translint's temporary files.
        static func parse(_ name: String) -> (pid: pid_t?, suffix: Substring)? {
            guard name.hasPrefix("."), let marker = name.range(of: ".translint-", options: .backwards),
                  marker.lowerBound > name.index(after: name.startIndex) else { return nil }
            let rest = name[marker.upperBound...]
            let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
            func isRandom(_ part: Substring) -> Bool { part.count == 6 && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            // Only the names with a pid: a name without one may be the user's (`.a.txt.translint-backup`).
            if parts.count == 2, isRandom(parts[1]), let pid = pid_t(parts[0]), pid > 0 { return (pid, parts[1]) }
            return nil
        }
    }

    /// A failed system call's reason, taken from `errno` at once (before anything else can change it).
    struct SystemError: Error {
        let reason: String
        init() { reason = FileIO.lastError() }
    }

    /// A NUL-terminated C string in a buffer, as a String.
    static func cString(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What a directory entry is, as `lstat` (or with `following`, `stat`) tells.
    enum EntryKind: Equatable {
        case regular, directory, symlink
        /// A FIFO, a socket or a device: reading one may block forever or never end.
        case special(String)
        case missing
        /// A name a folder lists that the system will not describe: its path is longer than PATH_MAX, or a
        /// permission or a loop stands in the way. Why, in words.
        case unexaminable(String)
    }

    /// Why the system refused a path, in words, for `errno`.
    static func refusal(_ code: Int32) -> String {
        code == ENAMETOOLONG ? "its path is longer than the system allows (PATH_MAX, \(PATH_MAX) bytes)" : String(cString: strerror(code))
    }

    static func entryKind(_ path: String, following: Bool = false) -> EntryKind {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? .missing : .unexaminable(refusal(code))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        case S_IFIFO: return .special("a FIFO")
        case S_IFSOCK: return .special("a socket")
        case S_IFCHR: return .special("a character device")
        case S_IFBLK: return .special("a block device")
        default: return .special("of an unknown type")
        }
    }

    /// A file as the system knows it, whatever its names: hard links and links to it share one.
    struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// The file `path` names (through symbolic links), or nil when it cannot be read.
    static func fileID(_ path: String) -> FileID? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The file a path names, for telling whether two paths are the same file: its real path, or the path itself.
    static func identity(_ path: String) -> String {
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        return realpath(path, &resolved) != nil ? cString(resolved) : path
    }

    static func lastError() -> String { refusal(errno) }
}

/// Where `--fix` puts a file's fixed text: the file itself through an atomic writer, or for standard input,
/// standard output once the whole input was read and checked (bad input then leaves no half-written output).
///
/// A file that cannot be written throws `FixedFileError`: that file stays as it was and the run goes on with the
/// others. Standard output that cannot be written throws `InputError`, which ends the run like a report that cannot
/// be written.
final class FixedText {
    private var writer: FileIO.AtomicWriter?
    private var standardInput: [UInt8]?

    init(path: String, fixing: Bool) throws {
        guard fixing else { return }
        if path == "-" { standardInput = [] } else { writer = try FixedFileError.wrapping { try FileIO.AtomicWriter(replacing: path) } }
    }

    func write(_ bytes: [UInt8]) throws {
        if standardInput != nil { standardInput! += bytes } else if let writer { try FixedFileError.wrapping { try writer.write(bytes) } }
    }

    /// Puts the fixed text in place when something `changed`; standard input is always echoed. Returns whether a file
    /// was written.
    @discardableResult
    func finish(changed: Bool) throws -> Bool {
        if let standardInput { try Output.standardOutput.write(standardInput) }
        guard let writer else { return false }
        self.writer = nil
        guard changed else { writer.discard(); return false }
        try FixedFileError.wrapping { try writer.commit() }
        return true
    }

    func discard() {
        writer?.discard()
        writer = nil
    }
}

/// A file that `--fix` could not write (read-only, a full disk, …): the file is left as it was.
struct FixedFileError: Error, CustomStringConvertible {
    let error: InputError
    var description: String { error.description }

    static func wrapping<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as InputError { throw FixedFileError(error: error) }
    }
}
