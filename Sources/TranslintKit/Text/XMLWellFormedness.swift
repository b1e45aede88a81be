import CXML

/// Whether bytes are well-formed XML 1.0, as libxml2 says. XLIFF and TBX files are checked with it before translint's
/// own byte scanners read them (those keep the exact offsets that fixes need, but accept much that is not XML).
/// Nothing is loaded: no external DTD, no external entity, no network (see Sources/CXML/cxml.c). An entity reference
/// other than the five predefined ones and character references is an error, even under an external DOCTYPE,
/// since its DTD is never read.
enum XMLWellFormedness {
    /// libxml2's global set-up, once, before any parser is made (it is not safe to race).
    private static let initialized: Bool = {
        translint_xml_init()
        return true
    }()

    /// The first error, with its line (1-based) and libxml2's message; nil when `bytes` is well-formed.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, message: String)? {
        _ = initialized
        let result = bytes.withMemoryRebound(to: CChar.self) { chars in
            translint_xml_check(chars.baseAddress, bytes.count)
        }
        guard result.line != 0 else { return nil }
        let message = withUnsafeBytes(of: result.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return (Int(result.line), message)
    }
}
