import Foundation

/// Findings recorded once (`--write-baseline`) so that later runs (`--baseline`) report only new ones, as
/// SwiftLint's baseline does. A finding is known by its path and its stable fingerprint (`Fingerprinter`: the
/// rule, the flagged text, the 20 code points on either side within its line, its occurrence among equal keys in
/// the file), never by line number, so it is still known after lines are added above it or unrelated text
/// changes; a finding whose text or immediate surroundings change counts as new.
///
/// The file is JSON (format version 1), entries sorted, so that it diffs well in review:
/// `{"version": 1, "tool": "translint", "findings": [{"path", "rule", "text", "fingerprint"}]}`.
public struct Baseline: Hashable, Sendable {
    public struct Entry: Hashable, Sendable, Comparable {
        public var path: String
        public var rule: String
        /// The flagged text, for people reading the file; matching uses `fingerprint`.
        public var text: String
        public var fingerprint: String

        public init(path: String, rule: String, text: String, fingerprint: String) {
            self.path = path
            self.rule = rule
            self.text = text
            self.fingerprint = fingerprint
        }

        public static func < (a: Entry, b: Entry) -> Bool { (a.path, a.fingerprint) < (b.path, b.fingerprint) }

        var key: Key { Key(path: Baseline.normalized(path), fingerprint: fingerprint) }
    }

    struct Key: Hashable, Sendable {
        var path: String
        var fingerprint: String
    }

    public private(set) var entries: [Entry]
    private var index: [Key: Int] = [:]

    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries { add(entry) }
    }

    public mutating func add(_ entry: Entry) {
        guard index[entry.key] == nil else { return }
        index[entry.key] = entries.count
        entries.append(entry)
    }

    public func contains(path: String, fingerprint: String) -> Bool {
        index[Key(path: Self.normalized(path), fingerprint: fingerprint)] != nil
    }

    /// `./a.txt` and `a.txt` are one path.
    static func normalized(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        return String(p)
    }

    public static func == (a: Baseline, b: Baseline) -> Bool { a.entries == b.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    /// The file `--write-baseline` writes.
    public func serialized() -> String {
        let findings = entries.sorted().map { e in
            JSONValue.object([("path", .string(e.path)), ("rule", .string(e.rule)), ("text", .string(e.text)), ("fingerprint", .string(e.fingerprint))])
        }
        return JSONValue.object([("version", .int(1)), ("tool", .string("translint")), ("findings", .array(findings))]).serialized(pretty: true) + "\n"
    }

    /// Reads a baseline file; anything else is an error naming the file and what is wrong.
    public static func parse(_ bytes: [UInt8], file: String) throws -> Baseline {
        func bad(_ why: String) -> InputError { .unreadable(path: file, reason: "not a translint baseline: \(why)") }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch { throw bad("invalid JSON") }
        guard let top = object as? [String: Any] else { throw bad("expected a JSON object") }
        guard top["version"] as? Int == 1 else { throw bad("expected \"version\": 1") }
        guard let findings = top["findings"] as? [Any] else { throw bad("expected a \"findings\" array") }
        var baseline = Baseline()
        for (n, item) in findings.enumerated() {
            guard let f = item as? [String: Any], let path = f["path"] as? String, let rule = f["rule"] as? String,
                  let fingerprint = f["fingerprint"] as? String else {
                throw bad("finding \(n + 1) needs string \"path\", \"rule\" and \"fingerprint\"")
            }
            baseline.add(Entry(path: path, rule: rule, text: f["text"] as? String ?? "", fingerprint: fingerprint))
        }
        return baseline
    }
}

/// Sorts a run's findings against a baseline, file by file, in report order: known ones (`unchanged`) and new
/// ones; at the end, the entries of the files it saw that no finding matched (`absent`). With no baseline, it
/// records what `--write-baseline` writes.
public struct BaselineMatcher: Sendable {
    public let baseline: Baseline
    private var fingerprinter = Fingerprinter()
    private var matched = Set<Baseline.Key>()
    private var seenPaths = Set<String>()
    /// Every finding seen, as baseline entries.
    public private(set) var recorded = Baseline()

    public init(baseline: Baseline = Baseline()) { self.baseline = baseline }

    public mutating func beginFile(_ path: String) {
        fingerprinter.reset()
        seenPaths.insert(Baseline.normalized(path))
    }

    public enum State: String, Sendable { case new, unchanged }

    /// The state of the next finding of the current file.
    public mutating func state(of located: LocatedFinding, path: String) -> State {
        let fingerprint = fingerprinter.next(located)
        recorded.add(Baseline.Entry(path: path, rule: located.finding.rule, text: located.text, fingerprint: fingerprint))
        let key = Baseline.Key(path: Baseline.normalized(path), fingerprint: fingerprint)
        guard baseline.contains(path: path, fingerprint: fingerprint) else { return .new }
        matched.insert(key)
        return .unchanged
    }

    /// Baseline entries of the files seen so far that no finding matched: fixed, or changed beyond recognition.
    public var absent: [Baseline.Entry] {
        baseline.entries.filter { seenPaths.contains(Baseline.normalized($0.path)) && !matched.contains($0.key) }.sorted()
    }
}
