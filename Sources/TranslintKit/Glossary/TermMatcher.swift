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

/// Every target and forbidden rendering of a glossary, compiled into one Aho–Corasick automaton
/// over case-folded UTF-8, so a text is matched against the whole glossary in one pass whatever
/// its size.
public struct TermMatcher: Sendable {
    struct Pattern: Sendable {
        var entry: Int32
        var role: TermRole
        /// Length of the folded pattern in bytes.
        var foldedLength: Int32
        /// The pattern as written, when it must match in that case only.
        var exact: [UInt8]?
        var needsStartBoundary: Bool
        var needsEndBoundary: Bool
    }

    let patterns: [Pattern]
    /// Transitions out of the root, dense.
    let rootNext: [Int32]
    /// Transitions of node n are edgeBytes/edgeTargets[edgeStart[n]..<edgeStart[n+1]], sorted by byte.
    let edgeStart: [Int32]
    let edgeBytes: [UInt8]
    let edgeTargets: [Int32]
    let fail: [Int32]
    /// Pattern ending at each node, or -1.
    let output: [Int32]
    /// The node itself if it has an output, else the nearest node on its fail chain that has one, or -1.
    let firstOutput: [Int32]
    let ringMask: Int

    public var patternCount: Int { patterns.count }

    public init(glossary: Glossary) {
        var patterns: [Pattern] = []
        var keys: [[UInt8]] = []
        for (index, entry) in glossary.entries.enumerated() {
            func add(_ text: String, _ role: TermRole, exact: Bool) {
                let folded = CaseMapping.fold(text)
                guard !folded.isEmpty else { return }
                let scalars = text.unicodeScalars
                patterns.append(Pattern(entry: Int32(index), role: role, foldedLength: Int32(folded.count),
                                        exact: exact ? Array(text.utf8) : nil,
                                        needsStartBoundary: !CharacterClass.isUnspacedScript(scalars.first!.value),
                                        needsEndBoundary: !CharacterClass.isUnspacedScript(scalars.last!.value)))
                keys.append(folded)
            }
            add(entry.target, .target, exact: false)
            for (k, rendering) in entry.forbidden.enumerated() { add(rendering, .forbidden(k), exact: entry.matchesForbiddenExactly) }
        }
        self.patterns = patterns

        // 1. A trie with first-child / next-sibling links.
        var firstChild: [Int32] = [-1], nextSibling: [Int32] = [-1], label: [UInt8] = [0], output: [Int32] = [-1]
        var rootNext = [Int32](repeating: 0, count: 256)
        var maxLength = 1
        func child(_ node: Int32, _ byte: UInt8) -> Int32 {
            if node == 0 { return rootNext[Int(byte)] == 0 ? -1 : rootNext[Int(byte)] }
            var c = firstChild[Int(node)]
            while c >= 0 && label[Int(c)] != byte { c = nextSibling[Int(c)] }
            return c
        }
        for (id, key) in keys.enumerated() {
            maxLength = max(maxLength, key.count)
            var node: Int32 = 0
            for byte in key {
                var next = child(node, byte)
                if next < 0 {
                    next = Int32(label.count)
                    label.append(byte); firstChild.append(-1); output.append(-1)
                    if node == 0 { rootNext[Int(byte)] = next; nextSibling.append(-1) }
                    else { nextSibling.append(firstChild[Int(node)]); firstChild[Int(node)] = next }
                }
                node = next
            }
            // Two patterns with the same folded form: the glossary validator rejects those; keep the first.
            if output[Int(node)] < 0 { output[Int(node)] = Int32(id) }
        }

        // 2. Fail links, breadth first.
        let nodeCount = label.count
        var fail = [Int32](repeating: 0, count: nodeCount)
        var firstOutput = [Int32](repeating: -1, count: nodeCount)
        var queue: [Int32] = []
        queue.reserveCapacity(nodeCount)
        for byte in 0..<256 where rootNext[byte] != 0 {
            let c = rootNext[byte]
            fail[Int(c)] = 0
            firstOutput[Int(c)] = output[Int(c)] >= 0 ? c : -1
            queue.append(c)
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]; head += 1
            var c = firstChild[Int(node)]
            while c >= 0 {
                let byte = label[Int(c)]
                var f = fail[Int(node)]
                var target = child(f, byte)
                while target < 0 && f != 0 { f = fail[Int(f)]; target = child(f, byte) }
                let link = target >= 0 && target != c ? target : 0
                fail[Int(c)] = link
                firstOutput[Int(c)] = output[Int(c)] >= 0 ? c : firstOutput[Int(link)]
                queue.append(c)
                c = nextSibling[Int(c)]
            }
        }

        // 3. Compact the children into sorted arrays for the scan.
        var edgeStart = [Int32](repeating: 0, count: nodeCount + 1)
        var edgeBytes: [UInt8] = [], edgeTargets: [Int32] = []
        edgeBytes.reserveCapacity(nodeCount); edgeTargets.reserveCapacity(nodeCount)
        var scratch: [(UInt8, Int32)] = []
        for node in 0..<nodeCount {
            edgeStart[node] = Int32(edgeBytes.count)
            guard node != 0 else { continue }
            scratch.removeAll(keepingCapacity: true)
            var c = firstChild[node]
            while c >= 0 { scratch.append((label[Int(c)], c)); c = nextSibling[Int(c)] }
            scratch.sort { $0.0 < $1.0 }
            for (byte, target) in scratch { edgeBytes.append(byte); edgeTargets.append(target) }
        }
        edgeStart[nodeCount] = Int32(edgeBytes.count)

        self.rootNext = rootNext
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.fail = fail
        self.output = output
        self.firstOutput = firstOutput
        var ring = 1
        while ring <= maxLength { ring <<= 1 }
        self.ringMask = ring - 1
    }

    /// Glossary terms in `text` on word boundaries, outside `excluded` ranges, overlaps resolved
    /// leftmost-longest. Sorted by start.
    func matches(in text: UnsafeBufferPointer<UInt8>, boundaries: WordBoundaries, excluded: [ByteRange]) -> [TermMatch] {
        var candidates: [(pattern: Int32, range: ByteRange)] = []
        scan(text) { pattern, start, end in
            let p = patterns[Int(pattern)]
            if let exact = p.exact {
                guard end - start == exact.count else { return }
                for k in 0..<exact.count where text[start + k] != exact[k] { return }
            }
            if p.needsStartBoundary && !boundaries.isBoundary(start) { return }
            if p.needsEndBoundary && !boundaries.isEndBoundary(end) { return }
            candidates.append((pattern, ByteRange(start, end)))
        }
        guard !candidates.isEmpty else { return [] }
        candidates.sort { $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.range.end > $1.range.end }
        var result: [TermMatch] = []
        var reachedEnd = 0
        var excludedIndex = 0
        for candidate in candidates where candidate.range.start >= reachedEnd {
            while excludedIndex < excluded.count && excluded[excludedIndex].end <= candidate.range.start { excludedIndex += 1 }
            if excludedIndex < excluded.count && excluded[excludedIndex].overlaps(candidate.range) { continue }
            let p = patterns[Int(candidate.pattern)]
            result.append(TermMatch(entry: Int(p.entry), role: p.role, range: candidate.range))
            reachedEnd = candidate.range.end
        }
        return result
    }

    /// Calls `report(pattern, start, end)` for every pattern occurrence (overlapping ones too), in order of end.
    /// Offsets are bytes of `text`; the folded stream is mapped back through a ring of scalar starts.
    @inline(__always)
    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Int32, Int, Int) -> Void) {
        guard !patterns.isEmpty else { return }
        rootNext.withUnsafeBufferPointer { rootNext in
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeBytes.withUnsafeBufferPointer { edgeBytes in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        fail.withUnsafeBufferPointer { fail in
        output.withUnsafeBufferPointer { output in
        firstOutput.withUnsafeBufferPointer { firstOutput in
        patterns.withUnsafeBufferPointer { patterns in
            var ring = [Int](repeating: 0, count: ringMask + 1)
            ring.withUnsafeMutableBufferPointer { ring in
                let mask = ringMask
                var state: Int32 = 0
                var fed = 0
                var folded: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)

                @inline(__always) func step(_ byte: UInt8) {
                    while true {
                        if state == 0 { state = rootNext[Int(byte)]; return }
                        let lo = Int(edgeStart[Int(state)]), hi = Int(edgeStart[Int(state) + 1])
                        var k = lo
                        while k < hi && edgeBytes[k] < byte { k += 1 }
                        if k < hi && edgeBytes[k] == byte { state = edgeTargets[k]; return }
                        state = fail[Int(state)]
                    }
                }

                var i = 0
                let count = text.count
                while i < count {
                    let byte = text[i]
                    let scalarStart = i
                    if byte < 0x80 {
                        step(byte &+ ((byte &- 0x41) < 26 ? 0x20 : 0))
                        ring[fed & mask] = scalarStart; fed += 1
                        i += 1
                    } else {
                        let (scalar, length) = UTF8Bytes.decode(text, at: i)
                        i += length
                        let f = CaseMapping.fold(scalar)
                        var n = 0
                        if f < 0x800 { folded = (UInt8(0xC0 | (f >> 6)), UInt8(0x80 | (f & 0x3F)), 0, 0); n = 2 }
                        else if f < 0x10000 { folded = (UInt8(0xE0 | (f >> 12)), UInt8(0x80 | ((f >> 6) & 0x3F)), UInt8(0x80 | (f & 0x3F)), 0); n = 3 }
                        else { folded = (UInt8(0xF0 | (f >> 18)), UInt8(0x80 | ((f >> 12) & 0x3F)), UInt8(0x80 | ((f >> 6) & 0x3F)), UInt8(0x80 | (f & 0x3F))); n = 4 }
                        if f < 0x80 { folded = (UInt8(f), 0, 0, 0); n = 1 }
                        step(folded.0); ring[fed & mask] = scalarStart; fed += 1
                        if n > 1 { step(folded.1); ring[fed & mask] = scalarStart; fed += 1 }
                        if n > 2 { step(folded.2); ring[fed & mask] = scalarStart; fed += 1 }
                        if n > 3 { step(folded.3); ring[fed & mask] = scalarStart; fed += 1 }
                    }
                    var node = firstOutput[Int(state)]
                    while node >= 0 {
                        let pattern = output[Int(node)]
                        let start = ring[(fed - Int(patterns[Int(pattern)].foldedLength)) & mask]
                        report(pattern, start, i)
                        node = firstOutput[Int(fail[Int(node)])]
                    }
                }
            }
        }}}}}}}}
    }
}
