/// Paths in diff headers, written and read the way git does, so that `git apply` and GNU `patch` both find the file.
///
/// git puts a path in double quotes with C escapes when it holds a control character, `"` or `\`
/// (`"a/t\tb.txt"`), and leaves every other byte as it is (here also non-ASCII: git's `core.quotePath=false`; both
/// tools read UTF-8 names unquoted). A name with a space stays unquoted, but its `---`/`+++` line ends in a tab, so
/// that `patch` does not take the part after the space for a timestamp.
public enum GitQuotedPath {
    /// `name` as git writes it in a `---` or `+++` line, including the trailing tab a space calls for.
    public static func header(_ name: String) -> String {
        quoted(name) + (name.utf8.contains(0x20) ? "\t" : "")
    }

    /// `name` in C quotes when git would quote it, else unchanged.
    public static func quoted(_ name: String) -> String {
        guard name.utf8.contains(where: needsQuoting) else { return name }
        var out: [UInt8] = [0x22]
        for byte in name.utf8 {
            switch byte {
            case 0x07: out += Array(#"\a"#.utf8)
            case 0x08: out += Array(#"\b"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0B: out += Array(#"\v"#.utf8)
            case 0x0C: out += Array(#"\f"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case _ where byte < 0x20 || byte == 0x7F:
                out += [0x5C, 0x30 + (byte >> 6), 0x30 + ((byte >> 3) & 7), 0x30 + (byte & 7)]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// The path a `---`/`+++` line of git's output names (the text after `+++ `): unquoted when quoted (octal escapes
    /// as git writes non-ASCII bytes by default included), a trailing tab dropped. Nil for a quoted name that does not
    /// end or holds an unknown escape.
    public static func parse(_ field: Substring) -> String? {
        guard field.first == "\"" else {
            return String(field.hasSuffix("\t") ? field.dropLast() : field)
        }
        var bytes: [UInt8] = []
        var iterator = Array(field.utf8).dropFirst().makeIterator()
        while let byte = iterator.next() {
            if byte == 0x22 { return String(decoding: bytes, as: UTF8.self) }
            guard byte == 0x5C else { bytes.append(byte); continue }
            guard let escape = iterator.next() else { return nil }
            switch escape {
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case 0x22, 0x5C: bytes.append(escape)
            case 0x30...0x33:
                guard let second = iterator.next(), let third = iterator.next(),
                      (0x30...0x37).contains(second), (0x30...0x37).contains(third) else { return nil }
                bytes.append((escape - 0x30) << 6 | (second - 0x30) << 3 | (third - 0x30))
            default: return nil
            }
        }
        return nil
    }

    private static func needsQuoting(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F || byte == 0x22 || byte == 0x5C }
}
