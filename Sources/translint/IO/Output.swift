import TranslintKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to a file descriptor, retried until everything is written.
struct Output {
    let fd: Int32

    static let standardOutput = Output(fd: 1)
    static let standardError = Output(fd: 2)

    func write(_ text: String) {
        var copy = text
        copy.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    func write(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write(bytes: $0) } }

    /// A file created (or emptied) for a report.
    static func creating(_ path: String) throws -> Output {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        return Output(fd: fd)
    }

    func closeIfFile() { if fd > 2 { close(fd) } }
}
