import CICU

/// An ICU break iterator kept open across calls. Not thread-safe: make one per task.
final class Segmenter {
    enum Kind { case word, sentence }

    private var handle: OpaquePointer?
    private let kind: Kind
    private let locale: String
    /// With a lazy segmenter: what `failure` says when ICU cannot open the iterator; nil once it was tried.
    private var openFailure: String?
    private var offsets: [Int32] = []
    /// What went wrong since the last `takeFailure`: ICU refused a text, or could not open the iterator. The engine
    /// turns it into an error.
    private var failure: String?

    init?(_ kind: Kind, locale: String) {
        guard let handle = cicu_segmenter_open(kind == .word ? Int32(CICU_WORD) : Int32(CICU_SENTENCE), locale) else { return nil }
        self.handle = handle
        self.kind = kind
        self.locale = locale
    }

    /// A segmenter whose ICU iterator is opened at its first use: a small file often needs neither of a session's two
    /// (opening both took 2.3M instructions, 6% of a lint of a 20-byte file). When ICU cannot open it, each use
    /// records `failure` and answers as for an empty text.
    init(lazy kind: Kind, locale: String, failure: String) {
        self.kind = kind
        self.locale = locale
        self.openFailure = failure
    }

    deinit { if let handle { cicu_segmenter_close(handle) } }

    /// The iterator, opened on first use; nil when ICU could not open it.
    private func iterator() -> OpaquePointer? {
        if let handle { return handle }
        if let message = openFailure {
            handle = cicu_segmenter_open(kind == .word ? Int32(CICU_WORD) : Int32(CICU_SENTENCE), locale)
            if handle == nil { failure = failure ?? message } else { openFailure = nil }
        }
        return handle
    }

    /// Boundaries of `text` as byte offsets, ascending, including 0 and `text.count`.
    /// With `joinLines`, a single line break inside a paragraph counts as a space.
    func boundaries(_ text: UnsafeBufferPointer<UInt8>, joinLines: Bool) -> [Int] {
        guard text.count > 0 else { return [0] }
        guard let handle = iterator() else { return [0, text.count] }
        // Sized by boundaries found, not by text: a long paragraph has few sentence boundaries.
        if offsets.isEmpty { offsets = [Int32](repeating: 0, count: 1024) }
        while true {
            let count = text.withMemoryRebound(to: CChar.self) { chars in
                offsets.withUnsafeMutableBufferPointer { out in
                    cicu_boundaries(handle, chars.baseAddress, Int32(text.count), joinLines ? 1 : 0, out.baseAddress, nil, Int32(out.count))
                }
            }
            guard count > 0 else {
                failure = failure ?? "ICU could not segment a text of \(text.count) bytes"
                return [0, text.count]
            }
            if Int(count) <= offsets.count { return offsets[0..<Int(count)].map { Int($0) } }
            offsets = [Int32](repeating: 0, count: Int(count))
        }
    }

    /// Whether `offset` is a boundary of `text`.
    func isBoundary(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard let handle = iterator() else { return false }
        let answer = text.withMemoryRebound(to: CChar.self) { chars in
            cicu_is_boundary(handle, chars.baseAddress, Int32(text.count), Int32(offset))
        }
        if answer < 0 { failure = failure ?? "ICU could not find word boundaries in a text of \(text.count) bytes" }
        return answer > 0
    }

    /// The failure seen since the last call, if any, and forgets it.
    func takeFailure() -> String? {
        defer { failure = nil }
        return failure
    }
}
