/// Replace the bytes of `range` in the original text with `replacement`.
public struct TextEdit: Hashable, Sendable {
    /// Byte offsets into the original UTF-8 text, half-open.
    public var range: ByteRange
    public var replacement: String

    public init(range: ByteRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A titled set of edits that together fix one finding.
public struct Fix: Hashable, Sendable {
    public var title: String
    public var edits: [TextEdit]

    public init(title: String, edits: [TextEdit]) {
        self.title = title
        self.edits = edits
    }
}
