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

    /// A file created (or emptied) for a report.
    static func creating(_ path: String) throws -> Output {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        return Output(fd: fd, name: path)
    }

    /// Closes a report file; closing is where a full disk may show itself.
    func close() throws {
        guard fd > 2 else { return }
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            let reason = String(cString: strerror(errno))
            _ = Glibc.close(fd)
            throw InputError.unwritable(path: name, reason: reason)
        }
        if Glibc.close(fd) != 0 { throw InputError.unwritable(path: name, reason: String(cString: strerror(errno))) }
    }
}

/// The one place errors reach the user: `translint: error: …` on standard error.
enum Diagnostics {
    static func error(_ error: Error) {
        try? Output.standardError.write("translint: error: \(error)\n")
    }

    static func note(_ text: String) {
        try? Output.standardError.write("translint: \(text)\n")
    }
}
