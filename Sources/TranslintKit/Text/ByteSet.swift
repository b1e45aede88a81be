/// A set of ASCII bytes as a 128-bit mask: `ByteSet("[-<").contains(b)` tests a byte without the array an
/// array literal's `contains` allocates on every call, which on a hot path costs more than the test.
struct ByteSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The ASCII characters of `members`.
    init(_ members: String) {
        for byte in members.utf8 {
            precondition(byte < 128, "ByteSet holds ASCII only")
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> UInt64(byte) & 1 != 0 : byte < 128 && high >> UInt64(byte - 64) & 1 != 0
    }
}

extension ByteSet {
    /// `,;:.`: what may follow a word inside a clause.
    static let clauseMarks = ByteSet(",;:.")
    /// `.!?"'`: what may end a sentence.
    static let sentenceEnds = ByteSet(".!?\"'")
    /// `,;:.!?)"'`: what trails a word.
    static let trailingMarks = ByteSet(",;:.!?)\"'")
    /// `.-,:~+`: what joins the parts of a version or a hash.
    static let versionMarks = ByteSet(".-,:~+")
    /// `[-<`: what opens an option or an argument on a synopsis line.
    static let synopsisOpeners = ByteSet("[-<")
    /// `"')]}`: quotes and closing brackets.
    static let closers = ByteSet("\"')]}")
    /// `([`, space and tab.
    static let openersAndSpace = ByteSet("([ \t")
    /// `"'` and the backtick.
    static let quotes = ByteSet("\"'`")
    /// `"'`.
    static let straightQuotes = ByteSet("\"'")
    /// `"'(`: what opens a Markdown link title.
    static let titleOpeners = ByteSet("\"'(")
    /// `-_/.:=<>[]@$%` and the backtick: what glues a word to code (`git-remote`, `smb://`, `$HOME`).
    static let codeGlue = ByteSet("-_/.:=<>[]@$%`")
    /// `.,;:-*+>#[]|`: what may stand before the first word of a list item or a quoted line.
    static let bulletMarks = ByteSet(".,;:-*+>#[]|")
    /// `_(=<{$/@`: what marks a token as code in a term line (`CURL_VERSION_IDN`, `main()`, `<postcmd>`).
    static let codeMarks = ByteSet("_(=<{$/@")
    /// `-=.~+_*`: what a delimiter line of a plain-text block is made of (AsciiDoc's `----`, `....`, `====`).
    static let delimiterMarks = ByteSet("-=.~+_*")
    /// Space, tab and CR: what a blank line holds before its line break.
    static let lineSpace = ByteSet(" \t\r")
}
