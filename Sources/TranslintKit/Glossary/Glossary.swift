/// Where something was written: a file and a 1-based line.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// A self-test of a glossary entry: linting `text` with that entry alone must give `fixed`
/// (or, when `fixed` is nil, must find nothing).
///
/// With `source`, `text` is linted as the translation of `source` (as `lint --source` does): what an ambiguous
/// entry needs to show that the source term is certain evidence.
public struct GlossaryExample: Hashable, Sendable, Codable {
    public var text: String
    public var fixed: String?
    /// The source text `text` translates, or nil for a monolingual example.
    public var source: String?
    public var location: SourceLocation?

    public init(text: String, fixed: String?, source: String? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.fixed = fixed
        self.source = source
        self.location = location
    }
}

/// Where a forbidden rendering that the glossary does not list comes from (`DerivedRenderings`).
public enum RenderingOrigin: Hashable, Sendable, Codable {
    /// A form of a listed rendering: hyphens for spaces or the reverse, the words closed up, or the last word in
    /// the plural (`electricity suppliers` from `electricity supplier`).
    case variant(of: String, plural: Bool)
    /// The literal readings of the source term's characters, as the glossary's `readings` give them
    /// (`红 red + 米 meter`).
    case reading(String)
}

/// What one forbidden rendering says about its ambiguity, over what its entry says.
public struct RenderingAmbiguity: Hashable, Sendable, Codable {
    /// nil: as the entry says.
    public var ambiguous: Bool?
    /// Context words of this rendering, in addition to the entry's.
    public var context: [String]
    /// nil for a rendering the glossary lists; else how translint derived it.
    public var origin: RenderingOrigin?

    public init(ambiguous: Bool? = nil, context: [String] = [], origin: RenderingOrigin? = nil) {
        self.ambiguous = ambiguous
        self.context = context
        self.origin = origin
    }
}

/// One term: the preferred target rendering and the renderings the glossary rejects.
public struct GlossaryEntry: Hashable, Sendable, Codable {
    /// The source-language term; nil for monolingual entries.
    public var source: String?
    /// The preferred translation, in its canonical casing.
    public var target: String
    /// Renderings the glossary rejects, typically machine-translation literals.
    public var forbidden: [String]
    /// nil: the default (case enforced when `target` has an uppercase letter).
    public var caseSensitive: Bool?
    public var note: String?
    public var examples: [GlossaryExample]
    public var location: SourceLocation?
    /// Whether the forbidden renderings are also ordinary words or names in other contexts (`Ali`, `millet`), so
    /// that they need evidence to be flagged: the aligned source holds `source`, or (without a source) a context
    /// word occurs in the same paragraph. nil: not said (`glossary validate` warns when a rendering is a common
    /// word or name); false: said to be always wrong.
    public var ambiguous: Bool?
    /// Words whose presence in the paragraph shows the entry's meaning (`Taobao`, `Jack Ma` for 阿里). The target
    /// counts too.
    public var context: [String]
    /// Per forbidden rendering, as written in `forbidden`: what it says over the entry's `ambiguous` and `context`.
    public var renderings: [String: RenderingAmbiguity]
    /// Provenance, per forbidden rendering: the addresses of real machine-translated pages where it was seen
    /// (`seen:`). Evidence that the rendering occurs, for people and `glossary validate`; not used when linting.
    public var seen: [String: [String]] = [:]
    /// Templates as written (`electricity {supplier|dealer}s?`) and the renderings of `forbidden` they stand for.
    public var templates: [String: [String]] = [:]

    public init(source: String? = nil, target: String, forbidden: [String] = [], caseSensitive: Bool? = nil,
                note: String? = nil, examples: [GlossaryExample] = [], location: SourceLocation? = nil,
                ambiguous: Bool? = nil, context: [String] = [], renderings: [String: RenderingAmbiguity] = [:],
                seen: [String: [String]] = [:], templates: [String: [String]] = [:]) {
        self.source = source
        self.target = target
        self.forbidden = forbidden
        self.caseSensitive = caseSensitive
        self.note = note
        self.examples = examples
        self.location = location
        self.ambiguous = ambiguous
        self.context = context
        self.renderings = renderings
        self.seen = seen
        self.templates = templates
    }

    /// Whether forbidden rendering `k` needs evidence to be flagged.
    public func isAmbiguous(_ k: Int) -> Bool { renderings[forbidden[k]]?.ambiguous ?? ambiguous ?? false }

    /// nil when rendering `k` is listed; else how it was derived.
    public func origin(_ k: Int) -> RenderingOrigin? { renderings[forbidden[k]]?.origin }

    /// Whether the glossary says anything about rendering `k`'s ambiguity (true or false).
    public func saysAmbiguity(_ k: Int) -> Bool { (renderings[forbidden[k]]?.ambiguous ?? ambiguous) != nil }

    /// The words that show the entry's meaning near rendering `k`: its own, the entry's, and the target.
    /// A derived reading (`new wave` for Sina) needs more than its target nearby: the entry's own context words.
    public func contextWords(_ k: Int) -> [String] {
        let own = (renderings[forbidden[k]]?.context ?? []) + context
        if case .reading? = origin(k) { return own }
        return own + [target]
    }

    /// Whether plain `--fix` replaces rendering `k` when it is flagged: a listed rendering or a spelling variant of
    /// one; not a plural variant or a derived reading, whose fix is only suggested.
    public func fixesSafely(_ k: Int) -> Bool {
        switch origin(k) {
        case nil, .variant(_, false)?: return true
        case .variant(_, true)?, .reading?: return false
        }
    }

    /// An entry without forbidden renderings that says `ambiguous: true`: its target is also a common word
    /// (`Apple`, `apple`), so a wrong casing of it is flagged only with evidence (the source, or a context word).
    public var hasAmbiguousTarget: Bool { ambiguous == true && forbidden.indices.allSatisfy { origin($0) != nil } }

    /// Whether some forbidden rendering is ambiguous.
    public var hasAmbiguousRendering: Bool { forbidden.indices.contains { isAmbiguous($0) } }

    /// The entry with every rendering unambiguous: how it behaves when the evidence is there.
    public var unambiguous: GlossaryEntry {
        var entry = self
        entry.ambiguous = nil
        entry.context = []
        entry.renderings = [:]
        return entry
    }

    /// Whether the target's casing is enforced by `term-case`.
    public var enforcesCase: Bool {
        caseSensitive ?? target.unicodeScalars.contains { CharacterClass.isUppercase($0.value) }
    }

    /// Whether forbidden renderings match only in the case written.
    public var matchesForbiddenExactly: Bool { caseSensitive == true }

    /// Whether the target has a capital after its first letter (`WeChat`, `iPhone`, `Sina Weibo`),
    /// in which case replacements keep its canonical form whatever the case shape of what they replace.
    public var hasInnerCapital: Bool {
        target.unicodeScalars.dropFirst().contains { CharacterClass.isUppercase($0.value) }
    }
}

/// A bilingual glossary: what translint checks a text against.
public struct Glossary: Sendable, Codable {
    public var sourceLanguage: String
    public var targetLanguage: String
    public var entries: [GlossaryEntry]
    /// Exact phrases in which nothing is flagged (a person actually named Ali: `Muhammad Ali`).
    public var ignore: [String]
    /// The literal English readings of source characters (`米: [rice, meter]`), from which translint derives
    /// renderings the entries do not list (`DerivedRenderings`). `-` is a character machine translation drops.
    public var readings: [String: [String]] = [:]

    /// The language of a BCP 47 or POSIX tag, lowercased: `zh` for `zh-Hans` and `zh_CN`.
    public static func baseLanguage(_ tag: String) -> String {
        String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    public init(sourceLanguage: String, targetLanguage: String, entries: [GlossaryEntry], ignore: [String] = [],
                readings: [String: [String]] = [:]) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.entries = entries
        self.ignore = ignore
        self.readings = readings
    }

    public static func empty(targetLanguage: String = "en") -> Glossary {
        Glossary(sourceLanguage: "und", targetLanguage: targetLanguage, entries: [])
    }

    /// Several glossaries as one: an entry of a later glossary replaces an earlier entry with the same target.
    public static func merging(_ glossaries: [Glossary]) throws -> Glossary {
        var notes: [String] = []
        return try merging(glossaries, notes: &notes)
    }

    /// As `merging(_:)`; `notes` hears of every rendering a later glossary re-targets: a team's glossary layered on
    /// a shipped one may say that `Ali` is `Alibaba Group`, and then the earlier entry no longer forbids it.
    public static func merging(_ glossaries: [Glossary], notes: inout [String]) throws -> Glossary {
        guard var merged = glossaries.first else { return .empty() }
        if glossaries.count == 1 { return merged }   // the loader has checked it already
        var indexByTarget: [String: Int] = [:]
        merged.entries = []
        merged.ignore = []
        merged.readings = [:]
        for (number, glossary) in glossaries.enumerated() {
            // Later glossaries win: a rendering this one forbids, or its target, is no longer an earlier entry's.
            if number > 0 {
                var claimed: [String: GlossaryEntry] = [:]
                for entry in glossary.entries {
                    for rendering in entry.forbidden + [entry.target] { claimed[CaseMapping.foldString(rendering)] = entry }
                }
                for k in merged.entries.indices {
                    let earlier = merged.entries[k]
                    let dropped = earlier.forbidden.filter { rendering in
                        guard let later = claimed[CaseMapping.foldString(rendering)] else { return false }
                        return later.target != earlier.target
                    }
                    guard !dropped.isEmpty else { continue }
                    for rendering in dropped {
                        let later = claimed[CaseMapping.foldString(rendering)]!
                        notes.append("\(later.location.map { "\($0): " } ?? "")'\(rendering)' is re-targeted to '\(later.target)'; the entry for '\(earlier.target)'\(earlier.location.map { " at \($0)" } ?? "") no longer forbids it (later glossaries win)")
                    }
                    merged.entries[k].forbidden.removeAll { dropped.contains($0) }
                    for rendering in dropped { merged.entries[k].renderings[rendering] = nil; merged.entries[k].seen[rendering] = nil }
                }
            }
            merged.ignore += glossary.ignore.filter { !merged.ignore.contains($0) }
            for (key, words) in glossary.readings {
                merged.readings[key, default: []] += words.filter { !(merged.readings[key]?.contains($0) ?? false) }
            }
            if glossary.targetLanguage.lowercased() != merged.targetLanguage.lowercased() {
                throw GlossaryError(location: glossary.entries.first?.location.map { SourceLocation(file: $0.file, line: 1) },
                                    message: "target language '\(glossary.targetLanguage)' differs from '\(merged.targetLanguage)' of the first glossary")
            }
            for entry in glossary.entries {
                if let index = indexByTarget[entry.target] {
                    merged.entries[index] = entry
                } else {
                    indexByTarget[entry.target] = merged.entries.count
                    merged.entries.append(entry)
                }
            }
        }
        try GlossaryValidator.checkConflicts(merged.entries)
        return merged
    }

    /// The glossary with every rendering unambiguous: what the structural checks of `glossary validate` read, since
    /// with the evidence there every ambiguous rendering behaves so.
    public var unambiguous: Glossary {
        var copy = self
        copy.entries = entries.map(\.unambiguous)
        return copy
    }

    /// The glossary with only `entry`: what an entry's examples are run against.
    public func restricted(to entry: GlossaryEntry) -> Glossary {
        Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, entries: [entry], ignore: ignore, readings: readings)
    }
}

/// A glossary that cannot be used, with where and why.
public struct GlossaryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(location: SourceLocation?, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
