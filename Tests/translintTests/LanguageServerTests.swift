import Foundation
import Testing

/// `translint lsp` byte for byte, through the built binary: the base protocol's framing, JSON-RPC errors, the
/// lifecycle. The editor features are tested end to end with a real client library by Tests/lsp (pytest-lsp).
@Suite(.serialized)
struct LanguageServerTests {
    /// A server process and the frames it writes.
    final class Server {
        let process = Process()
        let input = Pipe(), output = Pipe()
        private var buffer = Data()

        init() throws {
            process.executableURL = CLI.executable
            process.arguments = ["lsp"]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func write(_ raw: String) { input.fileHandleForWriting.write(Data(raw.utf8)) }

        func send(_ json: String, contentType: Bool = false) {
            let header = "Content-Length: \(json.utf8.count)\r\n" + (contentType ? "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" : "")
            write(header + "\r\n" + json)
        }

        /// The next frame: its header must be exactly `Content-Length: N`, and its body JSON.
        func receive() throws -> [String: Any] {
            let separator = Data("\r\n\r\n".utf8)
            while buffer.range(of: separator) == nil { try fill() }
            let end = buffer.range(of: separator)!
            let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
            #expect(header.hasPrefix("Content-Length: "), "\(header)")
            let length = Int(header.dropFirst("Content-Length: ".count))!
            buffer = Data(buffer[end.upperBound...])
            while buffer.count < length { try fill() }
            let body = buffer.prefix(length)
            buffer = Data(buffer.dropFirst(length))
            return try JSONSerialization.jsonObject(with: body) as! [String: Any]
        }

        private func fill() throws {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw CocoaError(.fileReadUnknown) }
            buffer.append(chunk)
        }

        func finish() -> Int32 {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#

    static func errorCode(_ message: [String: Any]) -> Int? { (message["error"] as? [String: Any])?["code"] as? Int }

    @Test("a request before initialize is refused with ServerNotInitialized (-32002); initialize answers with the capabilities")
    func lifecycle() throws {
        let server = try Server()
        server.send(#"{"jsonrpc":"2.0","id":0,"method":"textDocument/hover","params":{}}"#)
        #expect(Self.errorCode(try server.receive()) == -32002)
        server.send(Self.initialize, contentType: true)   // the optional Content-Type header of the specification
        let reply = try server.receive()
        let capabilities = (reply["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(reply["id"] as? Int == 1 && capabilities?["positionEncoding"] as? String == "utf-16" && capabilities?["hoverProvider"] as? Bool == true)
        server.send(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
        let shutdown = try server.receive()
        #expect(shutdown["id"] as? Int == 2 && shutdown.keys.contains("result") && shutdown["error"] == nil)
        server.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(server.finish() == 0)
    }

    @Test("exit without shutdown ends the server with status 1, as the specification says")
    func exitWithoutShutdown() throws {
        let server = try Server()
        server.send(Self.initialize)
        _ = try server.receive()
        server.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(server.finish() == 1)
    }

    @Test("malformed frames and requests get their JSON-RPC errors, and the server goes on serving")
    func malformed() throws {
        let server = try Server()
        server.send(Self.initialize)
        _ = try server.receive()
        server.send("{not json")
        let parse = try server.receive()
        #expect(Self.errorCode(parse) == -32700 && parse["id"] is NSNull)
        server.send(#"[1, 2]"#)
        #expect(Self.errorCode(try server.receive()) == -32600)
        server.write("Content-Type: text/plain\r\n\r\n")   // a header without Content-Length
        #expect(Self.errorCode(try server.receive()) == -32700)
        server.send(#"{"jsonrpc":"2.0","id":"h","method":"textDocument/hover","params":{"textDocument":{"uri":7}}}"#)
        let params = try server.receive()
        #expect(params["id"] as? String == "h" && Self.errorCode(params) == -32602)
        server.send(#"{"jsonrpc":"2.0","id":3,"method":"workspace/symbol","params":{"query":""}}"#)
        #expect(Self.errorCode(try server.receive()) == -32601)
        server.send(#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#)   // ignored
        let uri = CLI.root.appendingPathComponent(CLI.sample).absoluteString
        let text = try String(contentsOf: CLI.root.appendingPathComponent(CLI.sample), encoding: .utf8)
        let open: [String: Any] = ["jsonrpc": "2.0", "method": "textDocument/didOpen",
                                   "params": ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1, "text": text]]]
        server.send(String(decoding: try JSONSerialization.data(withJSONObject: open), as: UTF8.self))
        let published = try server.receive()
        let diagnostics = (published["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        #expect(published["method"] as? String == "textDocument/publishDiagnostics" && diagnostics.count == 23, "\(diagnostics.count)")
        server.send(#"{"jsonrpc":"2.0","id":4,"method":"shutdown"}"#)
        _ = try server.receive()
        server.send(#"{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{}}"#)
        #expect(Self.errorCode(try server.receive()) == -32600)   // after shutdown
        server.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(server.finish() == 0)
    }

    static func open(_ server: Server, uri: String, language: String, text: String) throws -> [[String: Any]] {
        let message: [String: Any] = ["jsonrpc": "2.0", "method": "textDocument/didOpen",
                                      "params": ["textDocument": ["uri": uri, "languageId": language, "version": 1, "text": text]]]
        server.send(String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self))
        let published = try server.receive()
        return (published["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
    }

    static func start(_ diagnostic: [String: Any]) -> [Int] {
        let start = (diagnostic["range"] as? [String: Any])?["start"] as? [String: Any]
        return [start?["line"] as? Int ?? -1, start?["character"] as? Int ?? -1]
    }

    @Test("a frame with an impossible Content-Length is answered with a parse error, and the next frame is read")
    func resynchronizes() throws {
        let server = try Server()
        server.send(Self.initialize)
        _ = try server.receive()
        server.write("Content-Length: 999999999999\r\n\r\n" + #"{"jsonrpc":"2.0","id":77,"method":"shutdown"}"#)
        #expect(Self.errorCode(try server.receive()) == -32700)
        server.send(#"{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///none.md"},"position":{"line":0,"character":0}}}"#)
        let hover = try server.receive()
        #expect(hover["id"] as? Int == 8 && hover["error"] == nil, "\(hover)")
        server.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        _ = server.finish()
    }

    @Test("untitled buffers are checked only in the languages translint reads; a lone CR ends a line, as LSP counts")
    func documents() throws {
        let server = try Server()
        server.send(Self.initialize)
        _ = try server.receive()
        let options = #"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"translint":{"glossary":"zh-en"}}}}"#
        server.send(options)
        #expect(try Self.open(server, uri: "untitled:Untitled-1", language: "javascript", text: "return 'the Amoy';\n").isEmpty)
        let text = try Self.open(server, uri: "untitled:Untitled-2", language: "markdown", text: "x\rSellers on Amoy grew.\n")
        #expect(text.map(Self.start) == [[1, 11]], "\(text)")
        server.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        _ = server.finish()
    }
}
