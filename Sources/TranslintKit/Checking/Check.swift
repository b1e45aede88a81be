/// One kind of problem translint looks for: a `Check` (the translation alone) or a `BilingualCheck` (the
/// translation with its source). Adding a rule is one new file and one line in `RuleCatalog.standard`.
public protocol Rule: Sendable {
    /// Its documentation, its CLI listing and its tests at once.
    static var description: CheckDescription { get }
    /// The rule as a `Check` (nil when it is not one; `Check` gives the default). The engine sorts its rules through
    /// these, not through `as? any Check`: a cast to a protocol type scans every conformance in the binary, which
    /// cost 4.5M instructions (a tenth of a lint of a small file) for the nine rules.
    var asCheck: (any Check)? { get }
    /// The rule as a `BilingualCheck`, or nil.
    var asBilingualCheck: (any BilingualCheck)? { get }
}

extension Rule {
    public var id: String { Self.description.id }
    public var asCheck: (any Check)? { nil }
    public var asBilingualCheck: (any BilingualCheck)? { nil }
}

extension Check {
    public var asCheck: (any Check)? { self }
}

extension BilingualCheck {
    public var asBilingualCheck: (any BilingualCheck)? { self }
}

/// A rule that reads the translation alone.
public protocol Check: Rule {
    init()
    func check(_ context: LintContext) -> [Finding]
}

/// What a check looks for, and examples that show (and test) it.
public struct CheckDescription: Sendable {
    /// Kebab-case id shown in reports (`sentence-case`).
    public var id: String
    public var name: String
    /// One line: what the check reports.
    public var summary: String
    /// Why it matters and what it leaves alone.
    public var rationale: String
    public var defaultSeverity: Severity
    public var isFixable: Bool
    /// Where the rule's errors count in the quality score, and how much by default.
    public var mqmCategory: MQMCategory
    public var mqmSeverity: MQMSeverity
    /// Texts in which the check must find nothing.
    public var nonTriggering: [CheckExample]
    /// Texts in which the check must find something at each `↓` (the marker is not part of the text).
    public var triggering: [CheckExample]
    /// Texts and what fixing them gives.
    public var corrections: [CheckCorrection]

    public init(id: String, name: String, summary: String, rationale: String, defaultSeverity: Severity, isFixable: Bool,
                mqmCategory: MQMCategory, mqmSeverity: MQMSeverity,
                nonTriggering: [CheckExample], triggering: [CheckExample], corrections: [CheckCorrection]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.isFixable = isFixable
        self.mqmCategory = mqmCategory
        self.mqmSeverity = mqmSeverity
        self.nonTriggering = nonTriggering
        self.triggering = triggering
        self.corrections = corrections
    }
}

/// Where an example is written, so that a failing example points at itself (as SwiftLint's `Example` does).
public struct ExampleLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public var description: String { "\(file):\(line)" }
}

/// An example text. Examples run with `ExampleGlossary` unless they say otherwise.
public struct CheckExample: Hashable, Sendable {
    /// Marks where a finding must start in triggering examples.
    public static let marker: Character = "↓"

    public var text: String
    public var location: ExampleLocation

    public init(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.location = ExampleLocation(file: "\(file)", line: Int(line))
    }

    /// The text without markers, and the byte offsets the markers stood at.
    public var unmarked: (text: String, markers: [Int]) {
        var text = ""
        var markers: [Int] = []
        for character in self.text {
            if character == Self.marker { markers.append(text.utf8.count) } else { text.append(character) }
        }
        return (text, markers)
    }
}

/// A text and what fixing it gives. A `suggested` correction is what `--unsafe-fixes` writes; plain `--fix`
/// leaves that text as it is (the fix is only suggested, see `FixApplicability`).
public struct CheckCorrection: Hashable, Sendable {
    public var before: String
    public var after: String
    public var suggested: Bool
    public var location: ExampleLocation

    public init(_ before: String, _ after: String, suggested: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        self.before = before
        self.after = after
        self.suggested = suggested
        self.location = ExampleLocation(file: "\(file)", line: Int(line))
    }
}
