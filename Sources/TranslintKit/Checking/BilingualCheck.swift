import CICU
import Foundation

/// A check that needs the source text too: what the translation should contain, not only what it must not.
/// Adding one is one file and one line in `RuleCatalog.standard`.
///
/// Examples of bilingual checks are written `source ‖ target` (`BilingualContext.separator`); the direction
/// follows the source: a source in Chinese runs against `ExampleGlossary` (zh→en), one in English against
/// `ExampleGlossary.reversed` (en→zh).
public protocol BilingualCheck: Rule {
    init()
    func check(_ context: BilingualContext) -> [Finding]
    /// Once a bilingual file's units are all checked: what the file as a whole shows, from all of its findings
    /// (every rule's, on file offsets) and its counts. The default changes nothing.
    func finish(_ findings: inout [Finding], file: BilingualFileCounts)
}

extension BilingualCheck {
    public func finish(_ findings: inout [Finding], file: BilingualFileCounts) {}
}

/// What a bilingual file holds, counted over the units that were checked.
public struct BilingualFileCounts: Sendable, Equatable {
    /// Units with a translation.
    public var translated = 0
    /// Of those, units whose translation is their source, byte for byte.
    public var copies = 0
    public init(translated: Int = 0, copies: Int = 0) {
        self.translated = translated
        self.copies = copies
    }
}

/// One aligned pair: a source text and its translation. Finding offsets are into `target`. It owns a copy of the
/// target, so a check that keeps it keeps valid memory.
public final class BilingualContext {
    public static let separator = " ‖ "

    public let source: String
    /// The translation, UTF-8. Owned by the context: valid while it lives.
    public let target: UnsafeBufferPointer<UInt8>
    public let targetString: String
    /// Oriented from `sourceLanguage` to `targetLanguage`.
    public let glossary: Glossary
    /// Target ranges that are markup (inline elements): nothing is flagged there.
    public let protected: [ByteRange]
    /// Source ranges that are markup, when the format marks them (XLIFF); nil when markup is only text (PO).
    public let sourceProtected: [ByteRange]?
    /// The texts with markup blanked out: what terms and numbers are compared on.
    public let sourceText: String
    public let targetText: String
    /// BCP 47 tags of the two sides: the glossary's source language, and the run's target locale.
    public let sourceLanguage: String
    public let targetLanguage: String

    /// PO: the unit's format flags (`c-format`…); nil where the format has none. See `TranslationUnit.formats`.
    public let formats: Set<String>?
    /// PO: the plural form this target is (`msgstr[0]` is 0), nil outside plural entries.
    public let pluralForm: Int?
    /// PO: the entry's `msgid_plural`, nil outside plural entries.
    public let pluralSource: String?
    /// PO: this plural form may leave arguments out, as msgfmt's relaxed check allows. See
    /// `TranslationUnit.pluralRelaxed`.
    public let pluralRelaxed: Bool
    /// Tables derived from the glossary, shared by the engine's units.
    let derived: GlossaryDerivations

    /// The glossary's source terms that the source holds, found once per unit.
    lazy var presentSourceTerms: Set<String> = derived.sourceTerms(glossary).terms(in: sourceTerms)

    init(source: String, target given: UnsafeBufferPointer<UInt8>, glossary: Glossary, protected: [ByteRange] = [],
         sourceProtected: [ByteRange]? = nil, targetLanguage: String? = nil, formats: Set<String>? = nil, pluralForm: Int? = nil,
         pluralSource: String? = nil, pluralRelaxed: Bool? = nil, derived: GlossaryDerivations? = nil) {
        self.derived = derived ?? GlossaryDerivations()
        self.pluralRelaxed = pluralRelaxed ?? (pluralForm == 0)
        self.formats = formats
        self.pluralForm = pluralForm
        self.pluralSource = pluralSource
        self.sourceLanguage = glossary.sourceLanguage
        self.targetLanguage = targetLanguage ?? glossary.targetLanguage
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(given.count, 1))
        _ = storage.initialize(from: given)
        let target = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(storage)[0..<given.count])
        self.source = source
        self.target = target
        self.targetString = String(decoding: target, as: UTF8.self)
        self.glossary = glossary
        self.protected = protected
        self.sourceProtected = sourceProtected
        self.sourceText = Self.blanking(Array(source.utf8), sourceProtected ?? [])
        self.targetText = Self.blanking(Array(target), protected)
    }

    deinit { UnsafeMutableBufferPointer(mutating: target).deallocate() }

    /// `sourceText` and `targetText` read once for the many term questions a check asks of them.
    lazy var sourceTerms = TermSearch(sourceText)
    lazy var targetTerms = TermSearch(targetText)

    /// Markup overwritten with spaces (same length, so offsets hold).
    static func blanking(_ bytes: [UInt8], _ ranges: [ByteRange]) -> String {
        var copy = bytes
        for range in ranges where range.end <= copy.count { for k in range.start..<range.end { copy[k] = 0x20 } }
        return String(decoding: copy, as: UTF8.self)
    }

    /// The markup of the source and of the target as written (XLIFF inline elements).
    var markup: (source: [(String, ByteRange)], target: [(String, ByteRange)])? {
        guard let sourceProtected else { return nil }
        let sourceBytes = Array(source.utf8)
        return (sourceProtected.map { (String(decoding: sourceBytes[$0.start..<$0.end], as: UTF8.self), $0) },
                protected.map { (String(decoding: UnsafeBufferPointer(rebasing: target[$0.start..<$0.end]), as: UTF8.self), $0) })
    }

    /// The target without leading and trailing white space: where a finding about the whole unit points.
    public var wholeTarget: ByteRange {
        var start = 0, end = target.count
        while start < end && (target[start] == 0x20 || target[start] == 0x0A || target[start] == 0x0D || target[start] == 0x09) { start += 1 }
        while end > start && (target[end - 1] == 0x20 || target[end - 1] == 0x0A || target[end - 1] == 0x0D || target[end - 1] == 0x09) { end -= 1 }
        return ByteRange(start, end)
    }

    /// The Unicode script of a scalar (ICU), e.g. "Han", "Latin"; nil for Common and Inherited characters.
    static func script(_ scalar: UInt32) -> Int32? {
        let code = cicu_script(Int32(bitPattern: scalar))
        return code <= 1 ? nil : code
    }

    static func scriptName(_ code: Int32) -> String { String(cString: cicu_script_name(code)) }

    /// The scripts a language is written in (ICU: Japanese is Katakana, Hiragana and Han), or empty for `und`
    /// and unknown tags.
    static func languageScripts(_ tag: String) -> [Int32] {
        guard tag != "und", !tag.isEmpty else { return [] }
        // Asked once per unit for the file's one or two languages: ICU is asked once per tag.
        scriptsLock.lock()
        defer { scriptsLock.unlock() }
        if let known = scriptsByTag[tag] { return known }
        var codes = [Int32](repeating: 0, count: 8)
        let n = codes.withUnsafeMutableBufferPointer { cicu_language_scripts(tag.replacingAll("-", "_"), $0.baseAddress, 8) }
        let scripts = Array(codes[0..<Int(n)]).filter { $0 > 1 }
        scriptsByTag[tag] = scripts
        return scripts
    }

    private static let scriptsLock = NSLock()
    nonisolated(unsafe) private static var scriptsByTag: [String: [Int32]] = [:]

    /// The script most of `text` is written in; a character of a script written without spaces (Han, kana, Thai)
    /// weighs as much as a short word of letters.
    static func dominantScript(_ text: String) -> Int32? {
        var counts: [Int32: Int] = [:]
        for scalar in text.unicodeScalars where CharacterClass.isLetter(scalar.value) {
            if let s = script(scalar.value) { counts[s, default: 0] += CharacterClass.isUnspacedScript(scalar.value) ? 2 : 1 }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
