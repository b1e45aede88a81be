/// Input that cannot be linted. The CLI prints it as one line and exits with status 2.
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte at `offset` (0-based, in the whole file) is not part of well-formed UTF-8.
    case invalidUTF8(path: String, offset: Int, line: Int, column: Int)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    /// An earlier run was interrupted while writing the file; it is left alone until the user chooses.
    case interrupted(path: String, reason: String)

    /// Writing failed (a report, a fixed file, standard output): the run cannot go on.
    public var isWriteFailure: Bool {
        if case .unwritable = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .invalidUTF8(path, offset, line, column):
            return "\(path):\(line):\(column): invalid UTF-8 at byte offset \(offset); translint reads UTF-8 text only"
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .unwritable(path, reason):
            return "\(path): cannot write: \(reason)"
        case let .interrupted(path, reason):
            return "\(path): \(reason)"
        }
    }
}
