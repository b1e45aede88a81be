/// Text from inputs and glossaries made safe for a terminal or a one-line format: control characters (C0 but
/// tab, DEL, C1) become visible escapes, so an ESC or OSC sequence in a file cannot drive the terminal, and a
/// CR or LF in a message cannot split a report line. Everything else is kept as it is.
public enum TerminalText {
    public static func escaping(_ text: String, keepTabs: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0.value) && !(keepTabs && $0 == "\t") }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar.value) && !(keepTabs && scalar == "\t") {
                out.append(contentsOf: escape(scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// C0 and C1 controls (ESC, OSC, BEL, CR, LF…) and the bidirectional formatting characters, which reorder
    /// what a terminal shows (U+202E makes `txt.exe` read `exe.txt`).
    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (value >= 0x7F && value < 0xA0) || (value >= 0x202A && value <= 0x202E) || (value >= 0x2066 && value <= 0x2069)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// `\e`, `\r`, `\n`, or `\u{XX}`.
    private static func escape(_ value: UInt32) -> String {
        switch value {
        case 0x1B: return "\\e"
        case 0x0D: return "\\r"
        case 0x0A: return "\\n"
        case 0x09: return "\\t"
        default: return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
        }
    }
}
