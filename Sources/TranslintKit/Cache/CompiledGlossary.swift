/// A glossary ready to lint with: the glossary as loaded from its files (parsed, merged, conflict-checked, its
/// examples passing) and the term matcher built from its entries. A cache keeps it as a record (`encode`), so that
/// the next lint with the same files skips the YAML, the self-tests and the matcher's construction: reading a record
/// copies the matcher's tables as they lie in memory and decodes each entry's strings, nothing more.
///
/// A record's key covers everything the result depends on: the build of translint that wrote it (`build`, which the
/// caller derives from its executable), this format's version, and each file's path and bytes. A record holds its
/// own key and a checksum of its bytes, and is used only when both match and it decodes into tables the matcher can
/// walk without leaving them, so a truncated, corrupt or foreign file is ignored, never trusted.
public struct CompiledGlossary: Sendable {
    /// Bump when what a record means changes.
    public static let formatVersion = 5

    /// The glossary. Its entries are those the matcher was built from; only its languages can be set.
    public private(set) var glossary: Glossary
    let matcher: TermMatcher

    /// `glossary` as loaded; the compiled glossary adds the renderings derived from it (`DerivedRenderings`).
    public init(_ glossary: Glossary) {
        let derived = DerivedRenderings.apply(to: glossary)
        self.glossary = derived
        self.matcher = TermMatcher(glossary: derived)
    }

    private init(glossary: Glossary, matcher: TermMatcher) {
        self.glossary = glossary
        self.matcher = matcher
    }

    /// The terms are matched whatever the languages, so these can change after the matcher is built.
    public var sourceLanguage: String {
        get { glossary.sourceLanguage }
        set { glossary.sourceLanguage = newValue }
    }

    public var targetLanguage: String {
        get { glossary.targetLanguage }
        set { glossary.targetLanguage = newValue }
    }

    /// The files' cache key: 128 bits as 32 hex digits.
    public static func key(build: String, files: [(path: String, bytes: [UInt8])]) -> String {
        var key = Key(build: build)
        for file in files { key.add(path: file.path, bytes: file.bytes) }
        return key.hex
    }

    /// The key built file by file, so that a caller need not hold every file's bytes at once.
    public struct Key {
        private var hash = RecordHash()

        public init(build: String) {
            hash.add("translint compiled glossary \(CompiledGlossary.formatVersion)")
            hash.add(build)
        }

        public mutating func add(path: String, bytes: [UInt8]) {
            hash.add(path)
            hash.add(bytes)
        }

        public var hex: String { hash.hex }
    }

    private static let magic = Array("translint glossary\n".utf8)

    /// The record: magic, key, the checksum of the payload, the payload (the glossary, then the matcher).
    public func encode(key: String) -> [UInt8] {
        var payload = RecordWriter()
        Self.write(glossary, to: &payload)
        matcher.write(to: &payload)
        var record = RecordWriter()
        record.string(String(decoding: Self.magic, as: UTF8.self))
        record.string(key)
        record.uint64(payload.bytes.withUnsafeBytes(RecordHash.checksum))
        return record.bytes + payload.bytes
    }

    /// The compiled glossary of a record written for `key`, or nil when the bytes are not such a record.
    public static func decode(_ bytes: [UInt8], key: String) -> CompiledGlossary? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = RecordReader(buffer)
            guard (try? reader.string()) == String(decoding: magic, as: UTF8.self), (try? reader.string()) == key,
                  let checksum = try? reader.uint64() else { return nil }
            let payload = RecordReader(buffer, offset: reader.offset)
            guard RecordHash.checksum(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[payload.offset...])) == checksum else { return nil }
            reader = payload
            guard let glossary = try? read(&reader),
                  let matcher = try? TermMatcher.read(&reader, entries: glossary.entries),
                  reader.isAtEnd else { return nil }
            return CompiledGlossary(glossary: glossary, matcher: matcher)
        }
    }

    // MARK: The glossary, field by field

    // Every stored property of these types is written and read here (CompiledGlossaryTests holds the list, and fails
    // when a type gains one): Codable would do it unasked, at ten times the cost of reading 65,000 entries.

    private static func write(_ glossary: Glossary, to out: inout RecordWriter) {
        // File names once each, up front: every entry and example names one.
        var files: [String] = [], fileIndex: [String: Int] = [:]
        func collect(_ location: SourceLocation?) {
            if let file = location?.file, fileIndex[file] == nil { fileIndex[file] = files.count; files.append(file) }
        }
        for entry in glossary.entries {
            collect(entry.location)
            for example in entry.examples { collect(example.location) }
        }
        out.strings(files)
        func location(_ location: SourceLocation?) {
            guard let location, let index = fileIndex[location.file] else { return out.uint(0) }
            out.uint(index + 1)
            out.int(location.line)
        }
        out.string(glossary.sourceLanguage)
        out.string(glossary.targetLanguage)
        out.strings(glossary.ignore)
        out.uint(glossary.readings.count)
        for (key, words) in glossary.readings.sorted(by: { $0.key < $1.key }) {
            out.string(key)
            out.strings(words)
        }
        out.uint(glossary.entries.count)
        for entry in glossary.entries {
            out.optionalString(entry.source)
            out.string(entry.target)
            out.strings(entry.forbidden)
            out.optionalBool(entry.caseSensitive)
            out.optionalString(entry.note)
            out.uint(entry.examples.count)
            for example in entry.examples {
                out.string(example.text)
                out.optionalString(example.fixed)
                out.optionalString(example.source)
                location(example.location)
            }
            location(entry.location)
            out.optionalBool(entry.ambiguous)
            out.strings(entry.context)
            out.uint(entry.renderings.count)
            for (rendering, ambiguity) in entry.renderings.sorted(by: { $0.key < $1.key }) {
                out.string(rendering)
                out.optionalBool(ambiguity.ambiguous)
                out.strings(ambiguity.context)
                switch ambiguity.origin {
                case nil: out.uint(0)
                case .variant(let of, let plural)?: out.uint(plural ? 2 : 1); out.string(of)
                case .reading(let explanation)?: out.uint(3); out.string(explanation)
                }
            }
            out.uint(entry.seen.count)
            for (rendering, pages) in entry.seen.sorted(by: { $0.key < $1.key }) {
                out.string(rendering)
                out.strings(pages)
            }
            out.uint(entry.templates.count)
            for (template, forms) in entry.templates.sorted(by: { $0.key < $1.key }) {
                out.string(template)
                out.strings(forms)
            }
        }
    }

    private static func read(_ reader: inout RecordReader) throws -> Glossary {
        let files = try reader.strings()
        func location() throws -> SourceLocation? {
            let file = try reader.uint()
            guard file > 0 else { return nil }
            guard file <= files.count else { throw RecordReader.Corrupt() }
            return SourceLocation(file: files[file - 1], line: try reader.int())
        }
        let sourceLanguage = try reader.string()
        let targetLanguage = try reader.string()
        let ignore = try reader.strings()
        var readings: [String: [String]] = [:]
        for _ in 0..<(try reader.count()) {
            let key = try reader.string()
            readings[key] = try reader.strings()
        }
        let count = try reader.count(size: 10)   // an entry takes at least a byte for each of its ten fields
        // Built in place: appending copied each entry (a retain and a release per field).
        let entries = try [GlossaryEntry](unsafeUninitializedCapacity: count) { buffer, initialized in
            for k in 0..<count {
                let source = try reader.optionalString()
                let target = try reader.string()
                let forbidden = try reader.strings()
                let caseSensitive = try reader.optionalBool()
                let note = try reader.optionalString()
                var examples: [GlossaryExample] = []
                let exampleCount = try reader.count()
                if exampleCount > 0 { examples.reserveCapacity(exampleCount) }
                for _ in 0..<exampleCount {
                    let text = try reader.string()
                    let fixed = try reader.optionalString()
                    let exampleSource = try reader.optionalString()
                    examples.append(GlossaryExample(text: text, fixed: fixed, source: exampleSource, location: try location()))
                }
                let location = try location()
                let ambiguous = try reader.optionalBool()
                let context = try reader.strings()
                var renderings: [String: RenderingAmbiguity] = [:]
                let renderingCount = try reader.count()
                for _ in 0..<renderingCount {
                    let rendering = try reader.string()
                    var said = RenderingAmbiguity(ambiguous: try reader.optionalBool(), context: try reader.strings())
                    switch try reader.uint() {
                    case 0: break
                    case 1: said.origin = .variant(of: try reader.string(), plural: false)
                    case 2: said.origin = .variant(of: try reader.string(), plural: true)
                    case 3: said.origin = .reading(try reader.string())
                    default: throw RecordReader.Corrupt()
                    }
                    renderings[rendering] = said
                }
                var seen: [String: [String]] = [:]
                let seenCount = try reader.count()
                for _ in 0..<seenCount {
                    let rendering = try reader.string()
                    seen[rendering] = try reader.strings()
                }
                var templates: [String: [String]] = [:]
                let templateCount = try reader.count()
                for _ in 0..<templateCount {
                    let template = try reader.string()
                    templates[template] = try reader.strings()
                }
                (buffer.baseAddress! + k).initialize(to: GlossaryEntry(
                    source: source, target: target, forbidden: forbidden, caseSensitive: caseSensitive, note: note, examples: examples,
                    location: location, ambiguous: ambiguous, context: context, renderings: renderings, seen: seen, templates: templates))
                initialized = k + 1
            }
        }
        return Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, entries: entries, ignore: ignore, readings: readings)
    }
}

// MARK: The matcher's tables

extension TermMatcher {
    private init(patterns: [Pattern], rootNext: [Int32], edgeStart: [Int32], edgeBytes: [UInt8], edgeTargets: [Int32],
                 output: [Int32], firstRunFilter: [UInt64], filterMask: UInt64) {
        self.patterns = patterns
        self.rootNext = rootNext
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.output = output
        self.firstRunFilter = firstRunFilter
        self.filterMask = filterMask
    }

    /// Every table as it lies in memory, the patterns too (a column per field, the exact forms end to end).
    func write(to out: inout RecordWriter) {
        var entries: [Int32] = [], roles: [Int32] = [], flags: [UInt8] = [], exactLengths: [Int32] = [], exactBytes: [UInt8] = []
        for pattern in patterns {
            entries.append(pattern.entry)
            switch pattern.role {
            case .target: roles.append(0)
            case .forbidden(let k): roles.append(Int32(k + 1))
            }
            flags.append((pattern.needsStartBoundary ? 1 : 0) | (pattern.needsEndBoundary ? 2 : 0) | (pattern.isReported ? 4 : 0)
                         | (pattern.exact != nil ? 8 : 0))
            if let exact = pattern.exact {
                exactLengths.append(Int32(exact.count))
                exactBytes.append(contentsOf: exact)
            }
        }
        out.raw(entries)
        out.raw(roles)
        out.raw(flags)
        out.raw(exactLengths)
        out.raw(exactBytes)
        out.raw(rootNext)
        out.raw(edgeStart)
        out.raw(edgeBytes)
        out.raw(edgeTargets)
        out.raw(output)
        out.raw(firstRunFilter)
        out.uint64(filterMask)
    }

    /// The matcher of a record, checked so that no walk can leave its tables and every pattern names a rendering of
    /// `entries`.
    static func read(_ reader: inout RecordReader, entries: [GlossaryEntry]) throws -> TermMatcher {
        let entryOf: [Int32] = try reader.raw(), roles: [Int32] = try reader.raw(), flags: [UInt8] = try reader.raw()
        let exactLengths: [Int32] = try reader.raw(), exactBytes: [UInt8] = try reader.raw()
        guard roles.count == entryOf.count, flags.count == entryOf.count else { throw RecordReader.Corrupt() }
        var patterns: [Pattern] = []
        patterns.reserveCapacity(entryOf.count)
        var exactIndex = 0, exactOffset = 0
        for k in entryOf.indices {
            let entry = Int(entryOf[k]), role = Int(roles[k]), flag = flags[k]
            guard entry >= 0, entry < entries.count, role >= 0, role <= entries[entry].forbidden.count, flag < 16 else { throw RecordReader.Corrupt() }
            var exact: [UInt8]?
            if flag & 8 != 0 {
                guard exactIndex < exactLengths.count, case let length = Int(exactLengths[exactIndex]),
                      length >= 0, length <= exactBytes.count - exactOffset else { throw RecordReader.Corrupt() }
                exact = Array(exactBytes[exactOffset..<exactOffset + length])
                exactIndex += 1
                exactOffset += length
            }
            patterns.append(Pattern(entry: Int32(entry), role: role == 0 ? .target : .forbidden(role - 1), exact: exact,
                                    needsStartBoundary: flag & 1 != 0, needsEndBoundary: flag & 2 != 0, isReported: flag & 4 != 0))
        }
        guard exactIndex == exactLengths.count, exactOffset == exactBytes.count else { throw RecordReader.Corrupt() }
        let rootNext: [Int32] = try reader.raw()
        let edgeStart: [Int32] = try reader.raw()
        let edgeBytes: [UInt8] = try reader.raw()
        let edgeTargets: [Int32] = try reader.raw()
        let output: [Int32] = try reader.raw()
        let filter: [UInt64] = try reader.raw()
        let mask = try reader.uint64()
        let nodes = output.count
        guard nodes >= 1, rootNext.count == 256, edgeStart.count == nodes + 1, edgeBytes.count == edgeTargets.count,
              edgeStart[0] == 0, Int(edgeStart[nodes]) == edgeBytes.count,
              !filter.isEmpty, filter.count & (filter.count - 1) == 0, mask == UInt64(filter.count * 64 - 1) else { throw RecordReader.Corrupt() }
        for k in 0..<nodes where edgeStart[k] > edgeStart[k + 1] { throw RecordReader.Corrupt() }
        for target in edgeTargets where target <= 0 || Int(target) >= nodes { throw RecordReader.Corrupt() }
        for next in rootNext where next < 0 || Int(next) >= nodes { throw RecordReader.Corrupt() }
        for pattern in output where pattern < -1 || Int(pattern) >= patterns.count { throw RecordReader.Corrupt() }
        return TermMatcher(patterns: patterns, rootNext: rootNext, edgeStart: edgeStart, edgeBytes: edgeBytes, edgeTargets: edgeTargets,
                           output: output, firstRunFilter: filter, filterMask: mask)
    }
}
