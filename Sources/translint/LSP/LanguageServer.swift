import Foundation
import TranslintKit
#if canImport(Glibc)
import Glibc
#endif

/// `translint lsp`: a language server over standard input and output. One thread reads frames and queues them
/// (noting cancellations as they arrive); the main thread handles them in order and, once the queue is empty,
/// lints the documents that changed and publishes their diagnostics. Standard output carries protocol frames only.
final class LanguageServer: @unchecked Sendable {
    struct Document {
        var uri: String
        var path: String?
        var languageID: String
        var version: Int?
        var text: DocumentText
        /// Findings of the last lint, on `text`.
        var findings: [LocatedFinding] = []
        var needsLint = true
    }

    let writer: FrameWriter
    private let reader: FrameReader
    private let lock = NSCondition()
    private var queue: [LSP.Message?] = []
    private var cancelled: Set<String> = []

    var encoding: DocumentText.Encoding = .utf16
    var documents: [String: Document] = [:]
    let workspace = ServerWorkspace()
    private var initialized = false
    private var shuttingDown = false
    /// Errors already shown with `window/showMessage`, so that each is shown once until it changes.
    private var shownErrors: Set<String> = []
    private var nextRequestID = 1
    /// Whether the client lets the server register for file-change notifications.
    private var canWatchFiles = false

    init(input: Int32 = 0, output: Int32 = 1) {
        reader = FrameReader(fd: input)
        writer = FrameWriter(fd: output)
    }

    /// Serves until `exit` or the end of the input; returns the exit status (0 after `shutdown`, else 1).
    func run() -> Int32 {
        let thread = Thread { [self] in readLoop() }
        thread.stackSize = 1 << 20
        thread.start()
        while true {
            guard let message = dequeue() else { return shuttingDown ? 0 : 1 }
            if message.method == "exit" { return shuttingDown ? 0 : 1 }
            handle(message)
            if isQueueEmpty { lintChangedDocuments() }
        }
    }

    // MARK: Reading

    private func readLoop() {
        while let frame = reader.next() {
            switch frame {
            case let .malformed(reason):
                reply(id: JSON.null, error: LSP.ResponseError(code: LSP.ErrorCode.parseError, message: reason))
            case let .message(body):
                guard let message = try? JSONDecoder().decode(LSP.Message.self, from: Data(body)) else {
                    let isJSON = (try? JSONDecoder().decode(JSON.self, from: Data(body))) != nil
                    reply(id: JSON.null, error: LSP.ResponseError(code: isJSON ? LSP.ErrorCode.invalidRequest : LSP.ErrorCode.parseError,
                                                              message: isJSON ? "not a JSON-RPC message" : "the message is not valid JSON"))
                    continue
                }
                if message.method == "$/cancelRequest", let id = message.params?["id"] {
                    lock.lock(); cancelled.insert(Self.key(id)); lock.unlock()
                    continue
                }
                lock.lock(); queue.append(message); lock.signal(); lock.unlock()
            }
        }
        lock.lock(); queue.append(nil); lock.signal(); lock.unlock()
    }

    private func dequeue() -> LSP.Message? {
        lock.lock()
        defer { lock.unlock() }
        while queue.isEmpty { lock.wait() }
        return queue.removeFirst()
    }

    private var isQueueEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return queue.isEmpty
    }

    /// Whether the request `id` was cancelled; forgets it either way.
    private func takeCancelled(_ id: JSON) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled.remove(Self.key(id)) != nil
    }

    private static func key(_ id: JSON) -> String {
        switch id {
        case let .int(value): return "i\(value)"
        case let .string(value): return "s\(value)"
        default: return "\(id)"
        }
    }

    // MARK: Writing

    func reply(id: JSON, result: some Encodable) {
        send([("id", id), ("result", result)])
    }

    func reply(id: JSON, error: LSP.ResponseError) {
        send([("id", id), ("error", error)])
    }

    func notify(_ method: String, _ params: some Encodable) {
        send([("method", method), ("params", params)])
    }

    func request(_ method: String, _ params: JSON) {
        send([("id", JSON.string("translint-\(nextRequestID)")), ("method", method), ("params", params)])
        nextRequestID += 1
    }

    /// Encodes each member once, straight into the frame.
    private func send(_ members: [(String, any Encodable)]) {
        do {
            var encoded: [(String, Data)] = []
            for (key, value) in members { encoded.append((key, try writer.encode(value))) }
            try writer.send(encoded)
        } catch is EncodingError {
            return
        } catch {
            // The client is gone when its end of the pipe is: nothing is left to serve.
            exit(shuttingDown ? 0 : 1)
        }
    }

    func showMessage(_ text: String, type: Int = 1) {
        guard shownErrors.insert(text).inserted else { return }
        notify("window/showMessage", LSP.ShowMessageParams(type: type, message: "translint: \(text)"))
    }

    // MARK: Dispatch

    private func handle(_ message: LSP.Message) {
        guard let method = message.method else { return }   // a response to a request of ours
        guard let id = message.id else { return handleNotification(method, message.params) }
        if takeCancelled(id) {
            return reply(id: id, error: LSP.ResponseError(code: LSP.ErrorCode.requestCancelled, message: "cancelled"))
        }
        if method != "initialize" && !initialized {
            return reply(id: id, error: LSP.ResponseError(code: LSP.ErrorCode.serverNotInitialized, message: "initialize first"))
        }
        if shuttingDown {
            return reply(id: id, error: LSP.ResponseError(code: LSP.ErrorCode.invalidRequest, message: "the server is shutting down"))
        }
        do {
            switch method {
            case "initialize": reply(id: id, result: try initialize(message.params ?? .null))
            case "shutdown":
                shuttingDown = true
                reply(id: id, result: JSON.null)
            case "textDocument/codeAction":
                reply(id: id, result: codeActions(try (message.params ?? .null).decode(LSP.CodeActionParams.self)))
            case "textDocument/hover":
                reply(id: id, result: hover(try (message.params ?? .null).decode(LSP.TextDocumentPositionParams.self)))
            default:
                reply(id: id, error: LSP.ResponseError(code: LSP.ErrorCode.methodNotFound, message: "translint does not handle \(method)"))
            }
            _ = takeCancelled(id)   // a cancellation that came too late is forgotten
        } catch let error as DecodingError {
            reply(id: id, error: LSP.ResponseError(code: LSP.ErrorCode.invalidParams, message: "invalid params for \(method): \(Self.describe(error))"))
        } catch {
            reply(id: id, error: LSP.ResponseError(code: LSP.ErrorCode.internalError, message: "\(error)"))
        }
    }

    private func handleNotification(_ method: String, _ params: JSON?) {
        guard initialized || method == "initialized" else { return }
        let params = params ?? .null
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen":
            guard let open = try? params.decode(LSP.DidOpenParams.self) else { return }
            let item = open.textDocument
            documents[item.uri] = Document(uri: item.uri, path: Self.path(of: item.uri), languageID: item.languageId,
                                           version: item.version, text: DocumentText(item.text))
        case "textDocument/didChange":
            guard let change = try? params.decode(LSP.DidChangeParams.self), var document = documents[change.textDocument.uri] else { return }
            for content in change.contentChanges { document.text.apply(content, encoding: encoding) }
            document.version = change.textDocument.version
            document.needsLint = true
            documents[change.textDocument.uri] = document
            if let path = document.path { markTranslations(of: path) }
        case "textDocument/didSave":
            guard let save = try? params.decode(LSP.DidSaveParams.self) else { return }
            if let path = Self.path(of: save.textDocument.uri), Self.configuresLinting(path) { reloadConfiguration() }
        case "textDocument/didClose":
            guard let close = try? params.decode(LSP.DidCloseParams.self) else { return }
            documents[close.textDocument.uri] = nil
            notify("textDocument/publishDiagnostics", LSP.PublishDiagnosticsParams(uri: close.textDocument.uri, diagnostics: []))
        case "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration":
            if method == "workspace/didChangeConfiguration", let settings = params["settings"] {
                workspace.options = Self.options(settings["translint"] ?? settings, over: workspace.options)
            }
            reloadConfiguration()
        default: break   // $/setTrace, $/progress and the like
        }
    }

    private func initialize(_ params: JSON) throws -> JSON {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        encoding = offered.contains("utf-8") ? .utf8 : .utf16
        canWatchFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true
        if let options = params["initializationOptions"] { workspace.options = Self.options(options, over: workspace.options) }
        initialized = true
        return .object([
            "capabilities": .object([
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": .object(["openClose": .bool(true), "change": .int(2), "save": .object(["includeText": .bool(false)])]),
                "codeActionProvider": .object(["codeActionKinds": .array([.string("quickfix"), .string(Self.fixAllKind)])]),
                "hoverProvider": .bool(true),
            ]),
            "serverInfo": .object(["name": .string("translint"), "version": .string(Translint.version)]),
        ])
    }

    /// `initializationOptions` or settings: `glossary` (a path, a shipped set's name, or a list) and `failLevel`.
    static func options(_ json: JSON, over current: ServerWorkspace.Options) -> ServerWorkspace.Options {
        var options = current
        if let one = json["glossary"]?.string { options.glossaries = [one] }
        if let many = (json["glossary"] ?? json["glossaries"])?.array { options.glossaries = many.compactMap(\.string) }
        if let level = (json["failLevel"] ?? json["fail_level"])?.string.flatMap(Severity.init(rawValue:)) { options.failLevel = level }
        return options
    }

    /// Asks the client to report changes to configurations and glossaries, when it can.
    private func registerWatchers() {
        guard canWatchFiles else { return }
        let patterns = ["**/.translint.yml", "**/.translint.yaml", "**/*.yaml", "**/*.yml", "**/*.tbx", "**/*.csv", "**/*.tsv"]
        request("client/registerCapability", .object(["registrations": .array([.object([
            "id": .string("translint-watch"), "method": .string("workspace/didChangeWatchedFiles"),
            "registerOptions": .object(["watchers": .array(patterns.map { .object(["globPattern": .string($0)]) })]),
        ])])]))
    }

    /// Open translations whose `sources:` source is `path` are checked again when it changes.
    private func markTranslations(of path: String) {
        for (uri, document) in documents where document.path != path && !document.needsLint {
            guard let translation = document.path else { continue }
            let setup = workspace.setup(for: translation)
            if !setup.configuration.sources.isEmpty, LintSetup.pairedSource(of: translation, configuration: setup.configuration) == path {
                documents[uri]?.needsLint = true
            }
        }
    }

    private func reloadConfiguration() {
        workspace.reload()
        shownErrors.removeAll()
        for uri in documents.keys { documents[uri]?.needsLint = true }
    }

    static func configuresLinting(_ path: String) -> Bool {
        Configuration.fileNames.contains((path as NSString).lastPathComponent) || GlossaryFormat.forPath(path) != nil
    }

    static let fixAllKind = "source.fixAll.translint"

    /// The file path of a `file:` URI; nil for other schemes (an unsaved buffer).
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(of path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _): return "'\(key.stringValue)' is missing"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return (context.codingPath.map(\.stringValue).joined(separator: ".") + " " + context.debugDescription).trimmingCharacters(in: .whitespaces)
        @unknown default: return "\(error)"
        }
    }
}
