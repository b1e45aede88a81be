import Foundation
/// What a glossary pattern stands for.
public enum TermRole: Hashable, Sendable {
    /// The entry's preferred target.
    case target
    /// The entry's forbidden rendering at this index.
    case forbidden(Int)
}

/// A glossary pattern found in the text, on word boundaries.
public struct TermMatch: Hashable, Sendable {
    public var entry: Int
    public var role: TermRole
    public var range: ByteRange
}

/// Every target and forbidden rendering of a glossary in one trie over case-folded UTF-8, walked from
/// each place in the text where a term can start, so the text is read once whatever the glossary's size.
///
/// A term in a spaced script must start on a word boundary, and there is never one between two ASCII
/// letters or digits (UAX #29), so in English the trie is entered once per word; in scripts written
/// without spaces, at every character. Each walk follows the folded text as far as the trie goes and keeps
/// the longest term that also ends on a boundary; walks go left to right and skip what an accepted match
/// covers, which is leftmost-longest. Nodes are numbered breadth first, so the shallow nodes that nearly
/// every walk visits share cache lines.
public struct TermMatcher: Sendable {
    struct Pattern: Sendable {
        var entry: Int32
        var role: TermRole
        /// The pattern as written, when it must match in that case only.
        var exact: [UInt8]?
        var needsStartBoundary: Bool
        var needsEndBoundary: Bool
        /// False for the target of an entry whose case is not enforced: no check uses such a match, but it
        /// still claims its text, so that a shorter forbidden rendering inside a correct term is not matched.
        var isReported: Bool
    }

    let patterns: [Pattern]
    /// Children of the root, dense: index by byte, 0 for none.
    let rootNext: [Int32]
    /// Children of node n are edgeBytes/edgeTargets[edgeStart[n]..<edgeStart[n+1]], sorted by byte.
    let edgeStart: [Int32]
    let edgeBytes: [UInt8]
    let edgeTargets: [Int32]
    /// Pattern ending at each node, or -1.
    let output: [Int32]
    /// A Bloom filter over the first run of ASCII letters and digits of every pattern that starts with one.
    /// A term that starts at a word must cover that word's whole run (it cannot end inside it), so a word
    /// whose run is not in the filter starts no term, and the trie is not entered there.
    let firstRunFilter: [UInt64]
    let filterMask: UInt64

    public var patternCount: Int { patterns.count }

    /// What checks derive from the glossary once and share across chunks, documents and threads.
    let derived = GlossaryDerivations()

    /// A target with more than one word, one of which has an inner capital (`WeChat Wallet`): term-case keeps that
    /// word's casing even where the term's case is free, so its matches are reported.
    static func hasBrandWord(_ target: String) -> Bool {
        let words = target.split(separator: " ")
        return words.count > 1 && words.contains { $0.unicodeScalars.dropFirst().contains { CharacterClass.isUppercase($0.value) } }
    }

    public init(glossary: Glossary) {
        var patterns: [Pattern] = []
        var keys: [[UInt8]] = []
        for (index, entry) in glossary.entries.enumerated() {
            func add(_ text: String, _ role: TermRole, exact: Bool) {
                let folded = Self.collapsingWhitespace(CaseMapping.fold(text))
                guard !folded.isEmpty else { return }
                let scalars = text.unicodeScalars
                patterns.append(Pattern(entry: Int32(index), role: role, exact: exact ? Array(text.utf8) : nil,
                                        needsStartBoundary: !CharacterClass.isUnspacedScript(scalars.first!.value),
                                        needsEndBoundary: !CharacterClass.isUnspacedScript(scalars.last!.value),
                                        isReported: role != .target || entry.enforcesCase || Self.hasBrandWord(entry.target)))
                keys.append(folded)
            }
            // A target whose case is not enforced is never reported; it is matched only to claim its text from
            // shorter terms inside it. A single run of ASCII letters and digits has no word boundary inside,
            // so nothing else can match within it, and it is left out of the trie.
            let claimsNothing = !entry.enforcesCase && entry.target.utf8.allSatisfy { CharacterClass.isASCIIAlnum($0) }
            if !claimsNothing { add(entry.target, .target, exact: false) }
            for (k, rendering) in entry.forbidden.enumerated() { add(rendering, .forbidden(k), exact: entry.matchesForbiddenExactly) }
        }
        self.patterns = patterns

        // 1. A trie with first-child / next-sibling links, in insertion order.
        var firstChild: [Int32] = [-1], nextSibling: [Int32] = [-1], label: [UInt8] = [0], output: [Int32] = [-1]
        var rootChild = [Int32](repeating: -1, count: 256)
        for (id, key) in keys.enumerated() {
            var node: Int32 = 0
            for byte in key {
                var next: Int32
                if node == 0 {
                    next = rootChild[Int(byte)]
                } else {
                    next = firstChild[Int(node)]
                    while next >= 0 && label[Int(next)] != byte { next = nextSibling[Int(next)] }
                }
                if next < 0 {
                    next = Int32(label.count)
                    label.append(byte); firstChild.append(-1); output.append(-1)
                    if node == 0 { rootChild[Int(byte)] = next; nextSibling.append(-1) }
                    else { nextSibling.append(firstChild[Int(node)]); firstChild[Int(node)] = next }
                }
                node = next
            }
            // Two patterns with the same folded form: the glossary validator rejects those; keep the first.
            if output[Int(node)] < 0 { output[Int(node)] = Int32(id) }
        }

        // 2. Number the nodes breadth first and lay their children out as sorted arrays, in one pass: a
        //    node's children get their numbers as the node is laid out.
        let count = label.count
        var order: [Int32] = [0]
        order.reserveCapacity(count)
        var edgeStart = [Int32](repeating: 0, count: count + 1)
        var edgeBytes: [UInt8] = [], edgeTargets: [Int32] = []
        edgeBytes.reserveCapacity(count); edgeTargets.reserveCapacity(count)
        var newOutput = [Int32](repeating: -1, count: count)
        var rootNext = [Int32](repeating: 0, count: 256)
        var scratch: [(UInt8, Int32)] = []
        var position = 0
        while position < order.count {
            let node = order[position]
            edgeStart[position] = Int32(edgeBytes.count)
            newOutput[position] = output[Int(node)]
            scratch.removeAll(keepingCapacity: true)
            if node == 0 {
                for byte in 0..<256 where rootChild[byte] >= 0 { scratch.append((UInt8(byte), rootChild[byte])) }
            } else {
                var c = firstChild[Int(node)]
                while c >= 0 { scratch.append((label[Int(c)], c)); c = nextSibling[Int(c)] }
                scratch.sort { $0.0 < $1.0 }
            }
            for (byte, child) in scratch {
                let number = Int32(order.count)
                order.append(child)
                if position == 0 { rootNext[Int(byte)] = number }
                edgeBytes.append(byte); edgeTargets.append(number)
            }
            position += 1
        }
        edgeStart[count] = Int32(edgeBytes.count)
        self.rootNext = rootNext
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.output = newOutput

        // 3. The first-run filter: about 16 bits per pattern, two probes.
        var bits = 1 << 12
        while bits < keys.count * 16 && bits < 1 << 26 { bits <<= 1 }
        var filter = [UInt64](repeating: 0, count: bits / 64)
        let mask = UInt64(bits - 1)
        for key in keys where CharacterClass.isASCIIAlnum(key[0]) {
            var hash = Self.hashSeed
            for byte in key {
                guard CharacterClass.isASCIIAlnum(byte) else { break }
                hash = Self.hashStep(hash, byte)
            }
            let (a, b) = Self.probes(hash, mask)
            filter[Int(a >> 6)] |= 1 << (a & 63)
            filter[Int(b >> 6)] |= 1 << (b & 63)
        }
        self.firstRunFilter = filter
        self.filterMask = mask
    }

    /// Whether `text[range]` is `exact` byte for byte, a run of white space matching a run of white space.
    static func equalAsWritten(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ exact: [UInt8]) -> Bool {
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var i = range.lowerBound, j = 0
        while i < range.upperBound && j < exact.count {
            if isSpace(text[i]) && isSpace(exact[j]) {
                while i < range.upperBound && isSpace(text[i]) { i += 1 }
                while j < exact.count && isSpace(exact[j]) { j += 1 }
            } else if text[i] == exact[j] {
                i += 1; j += 1
            } else {
                return false
            }
        }
        return i == range.upperBound && j == exact.count
    }

    /// Runs of ASCII white space as one space, as the walk reads the text.
    static func collapsingWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if isSpace { if out.last != 0x20 { out.append(0x20) } } else { out.append(byte) }
        }
        return out
    }

    static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    @inline(__always) static func hashStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    @inline(__always) static func probes(_ hash: UInt64, _ mask: UInt64) -> (UInt64, UInt64) {
        let mixed = hash ^ (hash >> 29)
        return (mixed & mask, ((mixed &* 0x9E37_79B9_7F4A_7C15) >> 17) & mask)
    }

    /// Straight and curly quotes and guillemets: what machine translation leaves around a word of a term.
    @inline(__always) static func isQuote(_ scalar: UInt32) -> Bool {
        scalar == 0x22 || scalar == 0x27 || (scalar >= 0x2018 && scalar <= 0x201F) || scalar == 0xAB || scalar == 0xBB
    }

    /// Glossary terms in `text` on word boundaries, outside `excluded` ranges, overlaps resolved
    /// leftmost-longest. Sorted by start.
    func matches(in text: UnsafeBufferPointer<UInt8>, boundaries: WordBoundaries, excluded: [ByteRange]) -> [TermMatch] {
        var claims: [ByteRange] = []
        return matches(in: text, boundaries: boundaries, excluded: excluded, claims: &claims)
    }

    /// Also `claims`: the ranges of every match, the targets no check reports included, sorted.
    func matches(in text: UnsafeBufferPointer<UInt8>, boundaries: WordBoundaries, excluded: [ByteRange],
                 claims: inout [ByteRange]) -> [TermMatch] {
        guard !patterns.isEmpty else { return [] }
        var result: [TermMatch] = []
        var excludedIndex = 0
        rootNext.withUnsafeBufferPointer { rootNext in
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeBytes.withUnsafeBufferPointer { edgeBytes in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        output.withUnsafeBufferPointer { output in
        patterns.withUnsafeBufferPointer { patterns in
        firstRunFilter.withUnsafeBufferPointer { filter in
            @inline(__always) func child(_ node: Int32, _ byte: UInt8) -> Int32 {
                if node == 0 { return rootNext[Int(byte)] }
                var k = Int(edgeStart[Int(node)])
                let end = Int(edgeStart[Int(node) + 1])
                while k < end {
                    let b = edgeBytes[k]
                    if b == byte { return edgeTargets[k] }
                    if b > byte { return 0 }
                    k += 1
                }
                return 0
            }

            /// The node after the folded scalar `f`, or 0.
            @inline(__always) func advance(_ from: Int32, folded f: UInt32) -> Int32 {
                var node = from
                if f < 0x80 {
                    node = child(node, UInt8(f))
                } else if f < 0x800 {
                    node = child(node, UInt8(0xC0 | (f >> 6)))
                    if node != 0 { node = child(node, UInt8(0x80 | (f & 0x3F))) }
                } else if f < 0x10000 {
                    node = child(node, UInt8(0xE0 | (f >> 12)))
                    if node != 0 { node = child(node, UInt8(0x80 | ((f >> 6) & 0x3F))) }
                    if node != 0 { node = child(node, UInt8(0x80 | (f & 0x3F))) }
                } else {
                    node = child(node, UInt8(0xF0 | (f >> 18)))
                    if node != 0 { node = child(node, UInt8(0x80 | ((f >> 12) & 0x3F))) }
                    if node != 0 { node = child(node, UInt8(0x80 | ((f >> 6) & 0x3F))) }
                    if node != 0 { node = child(node, UInt8(0x80 | (f & 0x3F))) }
                }
                return node
            }

            /// The quote at `q` that the term at `node` does not spell (its scalar and length), or nil.
            @inline(__always) func strayQuote(at q: Int, node: Int32) -> (UInt32, Int)? {
                guard q < text.count else { return nil }
                let byte = text[q]
                guard byte == 0x22 || byte == 0x27 || byte == 0xE2 || byte == 0xC2 else { return nil }
                let (scalar, length) = byte < 0x80 ? (UInt32(byte), 1) : UTF8Bytes.decode(text, at: q)
                guard Self.isQuote(scalar), advance(node, folded: CaseMapping.fold(scalar)) == 0 else { return nil }
                return (scalar, length)
            }

            /// The longest term starting at `start` that ends on a boundary: (pattern, range), or nil.
            ///
            /// Quotes next to the white space between two words of a forbidden rendering do not stop it
            /// (`double ‘eleven’`, `double "11"`, `"micro" letter`), unless the rendering spells them; the match
            /// then takes in the quote that closes (or opens) one it skipped, so the fix leaves no half pair.
            @inline(__always) func walk(from start: Int) -> (Int32, ByteRange)? {
                var node: Int32 = 0
                var q = start
                var best: (Int32, ByteRange)?
                var startChecked = false, startIsBoundary = false
                var openingSkipped = false, closingSkipped = false
                while q < text.count {
                    let byte = text[q]
                    if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                        // A space in a term matches any white space inside a paragraph, so that terms
                        // broken across lines of hard-wrapped text still match; a blank line ends the walk.
                        guard q > start else { break }
                        var lineBreaks = 0
                        while q < text.count, case let b = text[q], b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                            if b == 0x0A { lineBreaks += 1 }
                            q += 1
                        }
                        if lineBreaks > 1 { break }
                        node = child(node, 0x20)
                        if node == 0 { break }
                        while let (_, length) = strayQuote(at: q, node: node) { q += length; openingSkipped = true }
                        continue   // a term never ends in white space
                    }
                    // Only a quote byte can start a stray quote: tested before the trie is asked for a space.
                    if q > start, byte == 0x22 || byte == 0x27 || byte == 0xE2 || byte == 0xC2, child(node, 0x20) != 0,
                       let (_, length) = strayQuote(at: q, node: node) {
                        // A quote that closes a word before the space inside the term.
                        var after = q + length
                        while let (_, more) = strayQuote(at: after, node: node) { after += more }
                        if after < text.count, case let b = text[after], b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                            q = after
                            closingSkipped = true
                            continue
                        }
                    }
                    if byte < 0x80 {
                        node = child(node, byte &+ ((byte &- 0x41) < 26 ? 0x20 : 0))
                        q += 1
                    } else {
                        let (scalar, length) = UTF8Bytes.decode(text, at: q)
                        node = advance(node, folded: CaseMapping.fold(scalar))
                        q += length
                    }
                    if node == 0 { break }
                    let pattern = output[Int(node)]
                    guard pattern >= 0 else { continue }
                    let p = patterns[Int(pattern)]
                    if openingSkipped || closingSkipped {
                        // Only forbidden renderings reach over quotes: a target is checked for its exact form.
                        guard case .forbidden = p.role, p.exact == nil else { continue }
                    }
                    if let exact = p.exact, !Self.equalAsWritten(text, start..<q, exact) { continue }
                    if p.needsStartBoundary {
                        if !startChecked { startIsBoundary = boundaries.isBoundary(start); startChecked = true }
                        if !startIsBoundary { continue }
                    }
                    if p.needsEndBoundary && !boundaries.isEndBoundary(q) { continue }
                    var range = ByteRange(start, q)
                    if openingSkipped, let (_, length) = strayQuote(at: q, node: 0) { range = ByteRange(start, q + length) }
                    if closingSkipped, start > 0, case let (scalar, length) = UTF8Bytes.decode(text, before: start), Self.isQuote(scalar) {
                        range = ByteRange(start - length, range.end)
                    }
                    best = (pattern, range)
                }
                return best
            }

            @inline(__always) func accept(_ found: (Int32, ByteRange)?, at walkStart: Int, reachedEnd: inout Int) {
                guard let (pattern, taken) = found else { return }
                // An opening quote taken in before the walk's start may not reach into the previous match.
                let range = taken.start < reachedEnd ? ByteRange(walkStart, taken.end) : taken
                let start = range.start, end = range.end
                while excludedIndex < excluded.count && excluded[excludedIndex].end <= start { excludedIndex += 1 }
                if excludedIndex < excluded.count && excluded[excludedIndex].overlaps(range) { return }
                let info = patterns[Int(pattern)]
                if info.isReported { result.append(TermMatch(entry: Int(info.entry), role: info.role, range: range)) }
                claims.append(range)
                reachedEnd = end
            }

            var p = 0
            var reachedEnd = 0
            let count = text.count
            let mask = filterMask
            while p < count {
                let byte = text[p]
                if byte < 0x80 && CharacterClass.isASCIIAlnum(byte) {
                    // A word: hash its run while skipping it; enter the trie only if the filter allows.
                    let start = p
                    var hash = Self.hashSeed
                    repeat {
                        let b = text[p]
                        hash = Self.hashStep(hash, b &+ ((b &- 0x41) < 26 ? 0x20 : 0))
                        p += 1
                    } while p < count && CharacterClass.isASCIIAlnum(text[p])
                    guard start >= reachedEnd else { continue }
                    let (a, b) = Self.probes(hash, mask)
                    if filter[Int(a >> 6)] & (1 << (a & 63)) != 0 && filter[Int(b >> 6)] & (1 << (b & 63)) != 0 {
                        accept(walk(from: start), at: start, reachedEnd: &reachedEnd)
                    }
                } else {
                    if p >= reachedEnd && (byte >= 0x80 || rootNext[Int(byte)] != 0) {
                        accept(walk(from: p), at: p, reachedEnd: &reachedEnd)
                    }
                    p += byte < 0x80 ? 1 : UTF8Bytes.scalarLength(lead: byte)
                }
            }
        }}}}}}}
        return result
    }
}

/// Tables that checks build from the glossary on first use and keep for the engine's life: a language server
/// lints the same document at every keystroke, and rebuilding them took a fifth of each lint.
final class GlossaryDerivations: @unchecked Sendable {
    private let lock = NSLock()
    private var evidenceClasses: [[UInt8]: [[UInt8]]]?
    private var sourceTerms: SourceTermIndex?

    /// The glossary's source terms, prepared once.
    func sourceTerms(_ glossary: Glossary) -> SourceTermIndex {
        lock.lock()
        defer { lock.unlock() }
        if let sourceTerms { return sourceTerms }
        let made = SourceTermIndex(glossary)
        sourceTerms = made
        return made
    }

    /// `make`'s table, built once.
    func evidenceClasses(_ make: () -> [[UInt8]: [[UInt8]]]) -> [[UInt8]: [[UInt8]]] {
        lock.lock()
        defer { lock.unlock() }
        if let evidenceClasses { return evidenceClasses }
        let made = make()
        evidenceClasses = made
        return made
    }
}

/// The glossary's source terms for the bilingual checks: each prepared once, the entries that have it, and one
/// automaton (Aho–Corasick) over all of them, so that a unit's source is read once, whatever the glossary's size
/// (missing-term first asked every term of every unit: 360 µs a unit with the shipped glossary; then every term
/// whose first scalar the unit holds, each with a scan of the unit).
final class SourceTermIndex: Sendable {
    let needles: [String: TermNeedle]
    /// Entry indices by source term, in glossary order.
    let entries: [String: [Int]]
    /// Terms written in a script without spaces (Han, kana, Thai) match as written, anywhere; the others match
    /// case-folded, as whole words. One automaton each.
    private let unspaced: ScalarAutomaton
    private let spaced: ScalarAutomaton

    init(_ glossary: Glossary) {
        var needles: [String: TermNeedle] = [:], entries: [String: [Int]] = [:]
        var unspacedTerms: [(String, [UInt32])] = [], spacedTerms: [(String, [UInt32])] = []
        for (k, entry) in glossary.entries.enumerated() {
            guard let term = entry.source, !term.isEmpty else { continue }
            entries[term, default: []].append(k)
            guard needles[term] == nil else { continue }
            let needle = TermNeedle(term)
            needles[term] = needle
            if needle.unspaced { unspacedTerms.append((term, needle.exact)) } else { spacedTerms.append((term, needle.folded)) }
        }
        (self.needles, self.entries) = (needles, entries)
        unspaced = ScalarAutomaton(unspacedTerms)
        spaced = ScalarAutomaton(spacedTerms)
    }

    /// The source terms `text` holds.
    func terms(in text: TermSearch) -> Set<String> {
        var found = Set<String>()
        unspaced.scan(text.exactScalars) { term, _, _ in found.insert(term) }
        let folded = text.foldedScalars
        spaced.scan(folded) { term, start, end in
            let before = start > 0 ? folded[start - 1] : 0x20
            let after = end < folded.count ? folded[end] : 0x20
            if !CharacterClass.isAlnum(before) && !CharacterClass.isAlnum(after) { found.insert(term) }
        }
        return found
    }
}

/// Aho–Corasick over Unicode scalars: every occurrence of every pattern in one pass over a text.
struct ScalarAutomaton: Sendable {
    private var next: [[UInt32: Int32]] = [[:]]
    private var fail: [Int32] = [0]
    /// The patterns that end at each state (its own and those of its suffix states): index and length.
    private var output: [[(pattern: Int32, length: Int32)]] = [[]]
    private let patterns: [String]

    init(_ patterns: [(String, [UInt32])]) {
        self.patterns = patterns.map(\.0)
        for (k, (_, scalars)) in patterns.enumerated() where !scalars.isEmpty {
            var state = 0
            for scalar in scalars {
                if let known = next[state][scalar] { state = Int(known); continue }
                next.append([:]); fail.append(0); output.append([])
                next[state][scalar] = Int32(next.count - 1)
                state = next.count - 1
            }
            output[state].append((Int32(k), Int32(scalars.count)))
        }
        // Breadth first: a state's failure link is the longest proper suffix of its path that is also a path.
        var queue = Array(next[0].values.map(Int.init))
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (scalar, child) in next[state] {
                let c = Int(child)
                var f = Int(fail[state])
                while f != 0 && next[f][scalar] == nil { f = Int(fail[f]) }
                let target = state == 0 ? 0 : Int(next[f][scalar] ?? 0)
                fail[c] = Int32(target == c ? 0 : target)
                output[c] += output[Int(fail[c])]
                queue.append(c)
            }
        }
    }

    /// Calls `found` with each pattern and the half-open scalar range of each occurrence in `text`.
    func scan(_ text: [UInt32], _ found: (String, Int, Int) -> Void) {
        guard next.count > 1 else { return }
        var state = 0
        for (i, scalar) in text.enumerated() {
            while state != 0 && next[state][scalar] == nil { state = Int(fail[state]) }
            state = Int(next[state][scalar] ?? 0)
            for (pattern, length) in output[state] { found(patterns[Int(pattern)], i + 1 - Int(length), i + 1) }
        }
    }
}
