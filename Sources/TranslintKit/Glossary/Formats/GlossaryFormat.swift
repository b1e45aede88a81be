/// The file formats a glossary can be read from and written to, chosen by extension.
public enum GlossaryFormat: String, Sendable, CaseIterable {
    case yaml, tbx, csv, tsv

    public static func forPath(_ path: String) -> GlossaryFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".tbx.xml") { return .tbx }
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
        return nil
    }

    /// Reads a glossary. `sourceLanguage` / `targetLanguage` are used where the file does not say them (CSV without
    /// `@language` headers, TBX without translint's header notes).
    public func load(_ bytes: [UInt8], file: String, sourceLanguage: String? = nil, targetLanguage: String? = nil) throws -> Glossary {
        if let bad = bytes.withUnsafeBufferPointer({ firstInvalidUTF8($0) }) {
            throw GlossaryError(location: SourceLocation(file: file, line: bytes[..<bad].filter { $0 == 0x0A }.count + 1),
                                message: "invalid UTF-8 at byte offset \(bad)")
        }
        switch self {
        case .yaml:
            return try GlossaryLoader.load(yaml: String(decoding: bytes, as: UTF8.self), file: file)
        case .tbx:
            return try TBXGlossary.load(bytes, file: file, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        case .csv, .tsv:
            return try CSVGlossary.load(String(decoding: bytes, as: UTF8.self), file: file, separator: self == .csv ? "," : "\t",
                                        sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        }
    }

    public func write(_ glossary: Glossary) throws -> String {
        switch self {
        case .yaml: YAMLGlossaryWriter.write(glossary)
        case .tbx: TBXGlossary.write(glossary)
        case .csv: try CSVGlossary.write(glossary, separator: ",")
        case .tsv: try CSVGlossary.write(glossary, separator: "\t")
        }
    }
}
