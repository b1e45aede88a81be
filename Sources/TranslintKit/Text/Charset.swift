import CICU

/// Text in a charset other than UTF-8 (a PO file's `charset=ISO-8859-1`), converted with ICU's converters.
/// translint works on UTF-8; such a file is read into UTF-8 and its fixed text written back in its own charset.
public enum Charset {
    /// Whether `name` is UTF-8 or a subset of it (ASCII), or the placeholder of a template (`CHARSET`).
    public static func isUTF8(_ name: String) -> Bool {
        ["utf-8", "utf8", "ascii", "us-ascii", "charset", ""].contains(name.lowercased())
    }

    /// `bytes` converted from `from` to `to`; nil when a charset is unknown or the bytes are not valid in it.
    public static func convert(_ bytes: [UInt8], from: String, to: String) -> [UInt8]? {
        guard !bytes.isEmpty else { return [] }
        var out = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let n = bytes.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                source.withMemoryRebound(to: CChar.self) { s in
                    target.withMemoryRebound(to: CChar.self) { t in
                        cicu_convert(to, from, s.baseAddress, Int32(bytes.count), t.baseAddress, Int32(t.count))
                    }
                }
            }
        }
        guard n >= 0 else { return nil }
        return Array(out[0..<Int(n)])
    }

    /// The charset a PO file's header declares (`Content-Type: text/plain; charset=EUC-JP`), read from its
    /// first 8 KiB, which are ASCII in every charset gettext allows.
    public static func declaredInPO(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(8192).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        guard let range = head.range(of: "charset=") else { return nil }
        let name = head[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    /// The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), when the bytes
    /// start with one (after a UTF-8 byte order mark); nil without a declaration or an encoding in it.
    public static func declaredInXML(_ bytes: [UInt8]) -> String? {
        var head = bytes.prefix(512)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: 0x3E) else { return nil }   // '>'
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        return name.isEmpty ? nil : String(name)
    }
}
