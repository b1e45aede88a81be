import Foundation
import TranslintKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to a file descriptor, retried until everything is written. A write that fails throws: a
/// report cut short or fixed text lost is an error, never silence.
struct Output {
    let fd: Int32
    /// For messages: "standard output", or the file's path.
    let name: String
    /// A report file is written to this temporary file beside it, renamed over it by `close()`: a failed run
    /// leaves the old report or none, never half of one.
    var temporary: String? = nil
    var destination: String? = nil

    static let standardOutput = Output(fd: 1, name: "standard output")
    static let standardError = Output(fd: 2, name: "standard error")

    func write(_ text: String) throws {
        var copy = text
        try copy.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0)) }
    }

    func write(bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError.unwritable(path: name, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write(bytes: $0) } }

    /// A report file, written to a temporary file beside `path` (through a symbolic link, beside its target) and
    /// put in place by `close()`. A device (`/dev/null`, `/dev/stdout`) is written directly.
    static func creating(_ path: String) throws -> Output {
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw InputError.unwritable(path: path, reason: String(cString: strerror(errno))) }
            return Output(fd: fd, name: path)
        }
        let target = FileIO.identity(path)
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/" + FileIO.StaleTemporaries.prefix(for: name) + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw InputError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        // mkstemp makes it 0600; a report is as readable as any new file.
        let mask = umask(0); umask(mask)
        _ = fchmod(fd, 0o644 & ~mask)
        return Output(fd: fd, name: path, temporary: FileIO.cString(template), destination: target)
    }

    /// Closes a report file and puts it in place; closing is where a full disk may show itself. On failure the
    /// temporary file is removed and the old report (if any) stays.
    func close() throws {
        guard fd > 2 else { return }
        func fail(_ reason: String) throws -> Never {
            if let temporary { unlink(temporary) }
            throw InputError.unwritable(path: name, reason: reason)
        }
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            let reason = String(cString: strerror(errno))
            _ = Glibc.close(fd)
            try fail(reason)
        }
        if Glibc.close(fd) != 0 { try fail(String(cString: strerror(errno))) }
        if let temporary, let destination, rename(temporary, destination) != 0 { try fail(String(cString: strerror(errno))) }
    }

    /// Gives up a report file: its temporary file goes, the old report stays.
    func discard() {
        guard fd > 2, let temporary else { return }
        _ = Glibc.close(fd)
        unlink(temporary)
    }
}

/// The one place errors reach the user: `translint: error: …` on standard error.
enum Diagnostics {
    /// One line: file names, glossary values and keys in the message may hold control characters (ESC, CR, LF,
    /// bidirectional overrides), which are shown escaped, never passed to the terminal.
    static func error(_ error: Error) {
        try? Output.standardError.write("translint: error: \(TerminalText.escaping("\(error)"))\n")
    }

    static func note(_ text: String) {
        try? Output.standardError.write("translint: \(TerminalText.escaping(text))\n")
    }
}
