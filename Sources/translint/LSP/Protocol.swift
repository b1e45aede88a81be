import Foundation

/// The Language Server Protocol messages translint's server reads and writes (LSP 3.17), as Codable types.
/// Field names are the protocol's; only the fields the server uses are declared.
enum LSP {
    /// JSON-RPC 2.0 error codes the server answers with.
    enum ErrorCode {
        static let parseError = -32700
        static let invalidRequest = -32600
        static let methodNotFound = -32601
        static let invalidParams = -32602
        static let internalError = -32603
        static let serverNotInitialized = -32002
        static let requestCancelled = -32800
    }

    struct ResponseError: Codable, Error, Equatable {
        var code: Int
        var message: String
    }

    /// Any message on the wire: a request (id and method), a notification (method only) or a response (id only).
    struct Message: Codable {
        var jsonrpc: String = "2.0"
        var id: JSON?
        var method: String?
        var params: JSON?
        var result: JSON?
        var error: ResponseError?
    }

    struct Position: Codable, Equatable, Comparable {
        var line: Int
        var character: Int
        static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
    }

    struct Range: Codable, Equatable {
        var start: Position
        var end: Position
    }

    struct TextDocumentIdentifier: Codable { var uri: String }

    struct TextDocumentItem: Codable {
        var uri: String
        var languageId: String
        var version: Int
        var text: String
    }

    struct VersionedTextDocumentIdentifier: Codable {
        var uri: String
        var version: Int?
    }

    struct DidOpenParams: Codable { var textDocument: TextDocumentItem }
    struct DidCloseParams: Codable { var textDocument: TextDocumentIdentifier }
    struct DidSaveParams: Codable {
        var textDocument: TextDocumentIdentifier
        var text: String?
    }

    struct ContentChange: Codable {
        /// Absent: the change replaces the whole document.
        var range: Range?
        var text: String
    }

    struct DidChangeParams: Codable {
        var textDocument: VersionedTextDocumentIdentifier
        var contentChanges: [ContentChange]
    }

    struct TextDocumentPositionParams: Codable {
        var textDocument: TextDocumentIdentifier
        var position: Position
    }

    struct CodeActionParams: Codable {
        struct Context: Codable {
            var diagnostics: [Diagnostic]
            var only: [String]?
        }
        var textDocument: TextDocumentIdentifier
        var range: Range
        var context: Context
    }

    struct CodeDescription: Codable, Equatable { var href: String }

    struct Diagnostic: Codable, Equatable {
        var range: Range
        /// 1 error, 2 warning, 3 information, 4 hint.
        var severity: Int?
        var code: String?
        var codeDescription: CodeDescription?
        var source: String?
        var message: String
        var data: JSON?

        init(range: Range, severity: Int? = nil, code: String? = nil, codeDescription: CodeDescription? = nil, source: String? = nil,
             message: String, data: JSON? = nil) {
            (self.range, self.severity, self.code, self.codeDescription) = (range, severity, code, codeDescription)
            (self.source, self.message, self.data) = (source, message, data)
        }

        /// Diagnostics come back in code action requests, other servers' too: their `code` may be a number.
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            range = try container.decode(Range.self, forKey: .range)
            severity = try container.decodeIfPresent(Int.self, forKey: .severity)
            switch try container.decodeIfPresent(JSON.self, forKey: .code) {
            case let .string(text)?: code = text
            case let .int(number)?: code = String(number)
            default: code = nil
            }
            codeDescription = try? container.decodeIfPresent(CodeDescription.self, forKey: .codeDescription)
            source = try container.decodeIfPresent(String.self, forKey: .source)
            message = try container.decode(String.self, forKey: .message)
            data = try container.decodeIfPresent(JSON.self, forKey: .data)
        }
    }

    struct PublishDiagnosticsParams: Codable {
        var uri: String
        var version: Int?
        var diagnostics: [Diagnostic]
    }

    struct TextEdit: Codable, Equatable {
        var range: Range
        var newText: String
    }

    struct WorkspaceEdit: Codable, Equatable {
        var changes: [String: [TextEdit]]
    }

    struct CodeAction: Codable, Equatable {
        var title: String
        var kind: String
        var diagnostics: [Diagnostic]?
        var isPreferred: Bool?
        var edit: WorkspaceEdit?
    }

    struct MarkupContent: Codable, Equatable {
        var kind = "markdown"
        var value: String
    }

    struct Hover: Codable, Equatable {
        var contents: MarkupContent
        var range: Range?
    }

    struct ShowMessageParams: Codable {
        /// 1 error, 2 warning, 3 info, 4 log.
        var type: Int
        var message: String
    }

    struct CancelParams: Codable { var id: JSON }
}

/// Types the server writes often and in bulk (diagnostics), written straight to bytes: Foundation's JSONEncoder
/// took half the time of a keystroke's diagnostics.
protocol FastJSON: Encodable {
    func write(to out: inout JSONBytes)
}

/// A JSON writer into bytes: objects and arrays are written by the caller, in order.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func string(_ value: String) {
        bytes.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}

extension LSP.Position: FastJSON {
    func write(to out: inout JSONBytes) {
        out.raw(#"{"line":"#); out.int(line); out.raw(#","character":"#); out.int(character); out.raw("}")
    }
}

extension LSP.Range: FastJSON {
    func write(to out: inout JSONBytes) {
        out.raw(#"{"start":"#); start.write(to: &out); out.raw(#","end":"#); end.write(to: &out); out.raw("}")
    }
}

extension LSP.Diagnostic: FastJSON {
    func write(to out: inout JSONBytes) {
        out.raw(#"{"range":"#); range.write(to: &out)
        if let severity { out.raw(#","severity":"#); out.int(severity) }
        if let code { out.raw(#","code":"#); out.string(code) }
        if let codeDescription { out.raw(#","codeDescription":{"href":"#); out.string(codeDescription.href); out.raw("}") }
        if let source { out.raw(#","source":"#); out.string(source) }
        out.raw(#","message":"#); out.string(message)
        out.raw("}")
    }
}

extension LSP.PublishDiagnosticsParams: FastJSON {
    func write(to out: inout JSONBytes) {
        out.raw(#"{"uri":"#); out.string(uri)
        if let version { out.raw(#","version":"#); out.int(version) }
        out.raw(#","diagnostics":["#)
        for (i, diagnostic) in diagnostics.enumerated() {
            if i > 0 { out.raw(",") }
            diagnostic.write(to: &out)
        }
        out.raw("]}")
    }
}
