import Yams

/// A project's `.translint.yml`: what to check, against which glossaries, and how strictly.
///
/// ```yaml
/// glossaries: [glossaries/zh-en]       # in order: a later glossary's entry replaces an earlier one's with the same target
/// include: ["**/*.txt", "**/*.md"]     # when walking folders; default: every text file
/// exclude: ["vendor/", "**/drafts/**"]
/// source_language: zh-Hans
/// target_language: en
/// min_score: 95                        # exit 1 when a file's quality score is below this
/// fail_level: warning                  # the least severe finding that fails a run: error | warning | info
/// ignore: ["Muhammad Ali"]             # phrases never flagged
/// rules:
///   sentence-case: warning             # error | warning | info | off
///   mistranslation: {severity: error, mqm_severity: critical}
/// mqm_weights: {minor: 1, major: 5, critical: 25}
/// ```
/// Paths are relative to the file's folder. Folder walks check only translation files (`isTranslation`), and of those
/// the ones `include` and `exclude` select.
public struct Configuration: Hashable, Sendable {
    public static let fileNames = [".translint.yml", ".translint.yaml"]

    /// The file it was read from; nil for the defaults.
    public var file: String?
    /// The folder that paths and patterns are relative to.
    public var root: String
    public var glossaries: [String] = []
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var minScore: Double?
    /// The least severe finding that fails a run (exit status 1); `info` findings never fail by default.
    public var failLevel: Severity = .warning
    public var rules = RuleSettings()
    /// Where the sources of plain-text and Markdown translations lie (`sources:`), so that the bilingual checks run
    /// on them without `--source`.
    public var sources: [SourcePairing] = []

    public init(file: String? = nil, root: String) {
        self.file = file
        self.root = root
    }

    /// Whether a file found by walking a folder is checked; `relativePath` is relative to `root`.
    public func includes(_ relativePath: String) -> Bool {
        if exclude.contains(where: { $0.matches(relativePath) }) { return false }
        return include.isEmpty || include.contains { $0.matches(relativePath) }
    }

    /// The path of the source of the plain-text or Markdown translation at `relativePath` (relative to `root`), by
    /// the first `sources:` rule that matches it, joined to `root`.
    public func sourcePath(for relativePath: String) -> String? {
        guard BilingualFile.Format.forPath(relativePath) == nil else { return nil }
        return sources.lazy.compactMap { $0.sourcePath(for: relativePath) }.first.map { Self.join(root, $0) }
    }

    /// Whether `path` is in a format translint reads as a translation, by its extension: plain text (`.txt`),
    /// Markdown (`.md`, `.markdown`), PO (`.po`; not `.pot`, a template without translations), XLIFF (`.xlf`,
    /// `.xliff`) and String Catalogs (`.xcstrings`). Folder walks check only these, so that code, data, the
    /// configuration and the glossaries are never checked or rewritten as if they were prose.
    public static func isTranslation(_ path: String) -> Bool {
        BilingualFile.Format.forPath(path) != nil || DocumentFormat.forPath(path) == .markdown || path.lowercased().hasSuffix(".txt")
    }

    static let keys: Set<String> = ["version", "glossaries", "include", "exclude", "source_language", "target_language",
                                    "min_score", "fail_level", "ignore", "rules", "mqm_weights", "sources"]
    static let sourceKeys: Set<String> = ["translation", "source"]
    static let ruleKeys: Set<String> = ["severity", "mqm_severity"]
    static let weightKeys: Set<String> = ["minor", "major", "critical"]

    /// Parses `yaml`, read from `file`; relative paths are resolved against `root` (the file's folder).
    /// `catalog`: the rules a `rules:` section may name.
    public static func load(yaml: String, file: String, root: String, catalog: RuleCatalog = .standard) throws -> Configuration {
        var config = Configuration(file: file, root: root)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw GlossaryError(location: SourceLocation(file: file, line: GlossaryLoader.yamlErrorLine(error)), message: "invalid YAML: \(error)")
        }
        guard let node else { return config }   // an empty file: the defaults
        let reader = NodeReader(file: file)
        let top = try reader.mapping(node, what: "the configuration", allowed: keys)
        if let version = top["version"], reader.int(version) != 1 {
            throw reader.error(version, "unsupported version (expected 1)")
        }
        config.glossaries = try top["glossaries"].map { try reader.stringList($0, key: "glossaries") }?.map { join(root, $0) } ?? []
        for key in ["include", "exclude"] {
            guard let value = top[key] else { continue }
            let patterns = try reader.stringList(value, key: key)
            // gitignore's `!` re-includes what an earlier pattern excluded; translint has no pattern order, so it
            // refuses the `!` rather than silently treating it as part of a name.
            if let negated = patterns.first(where: { $0.hasPrefix("!") }) {
                throw reader.error(value, "'\(key)' pattern '\(negated)': negation with '!' is not supported; " +
                    (key == "exclude" ? "leave the file out of 'exclude', or list what to check in 'include'" : "list only what to check"))
            }
            if key == "include" { config.include = patterns.map(Glob.init) } else { config.exclude = patterns.map(Glob.init) }
        }
        for (key, path) in [("source_language", \Configuration.sourceLanguage), ("target_language", \Configuration.targetLanguage)] {
            guard let value = top[key] else { continue }
            let tag = try reader.string(value, key: key)
            guard GlossaryLoader.isLanguageTag(tag) else { throw reader.error(value, "'\(key)' must be a BCP 47 language tag such as 'en' or 'zh-Hans', not '\(tag)'") }
            config[keyPath: path] = tag
        }
        if let value = top["min_score"] {
            // As --min-score: a NaN or a negative infinity would turn the gate off.
            guard let score = reader.double(value), (0...100).contains(score) else { throw reader.error(value, "'min_score' must be a number from 0 to 100") }
            config.minScore = score
        }
        config.rules.ignore = try top["ignore"].map { try reader.stringList($0, key: "ignore") } ?? []
        if let value = top["fail_level"] {
            let text = try reader.string(value, key: "fail_level")
            guard let level = Severity(rawValue: text) else { throw reader.error(value, "'fail_level' must be one of error, warning, info, not '\(text)'") }
            config.failLevel = level
        }
        if let rules = top["rules"] {
            guard let mapping = rules.mapping else { throw reader.error(rules, "'rules' must map rule ids to a severity") }
            for (keyNode, value) in mapping {
                guard let id = keyNode.scalar?.string else { throw reader.error(keyNode, "rule ids must be plain strings") }
                guard catalog.description(id: id) != nil else {
                    throw reader.error(keyNode, "unknown rule '\(id)' (rules: \(catalog.ids.joined(separator: ", ")))")
                }
                if value.scalar != nil {
                    config.rules.severity[id] = try severity(value, reader: reader)
                } else {
                    let fields = try reader.mapping(value, what: "rule '\(id)'", allowed: ruleKeys)
                    if let s = fields["severity"] { config.rules.severity[id] = try severity(s, reader: reader) }
                    if let m = fields["mqm_severity"] {
                        let text = try reader.string(m, key: "mqm_severity")
                        guard let mqm = MQMSeverity(rawValue: text) else {
                            throw reader.error(m, "'mqm_severity' must be one of neutral, minor, major, critical, not '\(text)'")
                        }
                        config.rules.mqmSeverity[id] = mqm
                    }
                }
            }
        }
        if let value = top["sources"] {
            guard let items = value.sequence else { throw reader.error(value, "'sources' must be a list of {translation: PATTERN, source: PATH}") }
            for item in items {
                let fields = try reader.mapping(item, what: "a 'sources' item", allowed: sourceKeys)
                guard let translation = fields["translation"], let source = fields["source"] else {
                    throw reader.error(item, "a 'sources' item needs 'translation' (a pattern) and 'source' (a path, with {rest}, {dir}, {name}, {stem} or {path})")
                }
                config.sources.append(SourcePairing(translation: try reader.string(translation, key: "translation"),
                                                    source: try reader.string(source, key: "source")))
            }
        }
        if let weights = top["mqm_weights"] {
            let fields = try reader.mapping(weights, what: "'mqm_weights'", allowed: weightKeys)
            for (key, path) in [("minor", \MQMWeights.minor), ("major", \MQMWeights.major), ("critical", \MQMWeights.critical)] {
                guard let value = fields[key] else { continue }
                guard let weight = reader.double(value), weight >= 0 else { throw reader.error(value, "'\(key)' must be a number of penalty points, 0 or more") }
                config.rules.weights[keyPath: path] = weight
            }
        }
        return config
    }

    private static func severity(_ node: Node, reader: NodeReader) throws -> Severity? {
        let text = try reader.string(node, key: "severity")
        if text == "off" { return nil }
        guard let severity = Severity(rawValue: text) else {
            throw reader.error(node, "severity must be one of error, warning, info, off, not '\(text)'")
        }
        return severity
    }

    static func join(_ root: String, _ path: String) -> String {
        if path.hasPrefix("/") || root.isEmpty || root == "." { return path }
        return root.hasSuffix("/") ? root + path : root + "/" + path
    }

    /// The effective configuration as YAML, with every rule's settings spelled out (`translint config --print`).
    public func printed(catalog: RuleCatalog = .standard) -> String {
        let policy = RulePolicy(settings: rules, catalog: catalog)
        func quote(_ s: String) -> String {
            var out = ""
            JSONValue.escape(s, into: &out)
            return out
        }
        func list(_ items: [String]) -> String { "[" + items.map(quote).joined(separator: ", ") + "]" }
        // Read back as a `.translint.yml` in `root`: paths relative to it, unset values commented out (a `null`
        // would be refused).
        func relative(_ path: String) -> String {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            return root != "." && path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }
        var out = "# effective configuration" + (file.map { " from \($0)" } ?? " (no .translint.yml found: defaults)") + "\n"
        out += "version: 1\n"
        out += "glossaries: \(list(glossaries.map(relative)))\n"
        out += "include: \(list(include.map(\.pattern)))\n"
        out += "exclude: \(list(exclude.map(\.pattern)))\n"
        out += sourceLanguage.map { "source_language: \(quote($0))\n" } ?? "# source_language: unset, from the glossaries\n"
        out += targetLanguage.map { "target_language: \(quote($0))\n" } ?? "# target_language: unset, from the glossaries\n"
        out += minScore.map { "min_score: \(JSONValue.format($0))\n" } ?? "# min_score: unset, any finding at fail_level fails\n"
        out += "fail_level: \(failLevel.rawValue)\n"
        out += "ignore: \(list(rules.ignore))\n"
        if !sources.isEmpty {
            out += "sources:\n" + sources.map { "  - {translation: \(quote($0.translation.pattern)), source: \(quote($0.source))}\n" }.joined()
        }
        out += "rules:\n"
        for d in catalog.descriptions {
            let severity = policy.severity(of: d.id)?.rawValue ?? "off"
            out += "  \(d.id): {severity: \(severity), mqm_severity: \(policy.mqmSeverity(of: d.id).rawValue)}   # \(d.mqmCategory.rawValue)\n"
        }
        let w = rules.weights
        out += "mqm_weights: {minor: \(JSONValue.format(w.minor)), major: \(JSONValue.format(w.major)), critical: \(JSONValue.format(w.critical))}\n"
        return out
    }
}
