/// Every rule an engine runs or a report can name, with its description: the engine owns one and hands it to the
/// settings, the quality score and the reporters, so nothing looks rules up in a global table, and a rule an engine
/// was built with keeps its own description (MQM category, SARIF rule index).
///
/// Adding a rule: one new file, and one line in `RuleCatalog.standard`.
public struct RuleCatalog: Sendable {
    /// Rules that look at text: monolingual `Check`s and `BilingualCheck`s. In listing order.
    public let rules: [any Rule]
    /// Every description a finding can carry: the rules', then the engine's own (`alignment`, `unused-suppression`).
    public let descriptions: [CheckDescription]
    private let index: [String: Int]

    public init(_ rules: [any Rule]) {
        self.rules = rules
        var descriptions = rules.map { type(of: $0).description }
        for own in [Alignment.description, UnusedSuppression.description] where !descriptions.contains(where: { $0.id == own.id }) {
            descriptions.append(own)
        }
        self.descriptions = descriptions
        var index: [String: Int] = [:]
        for (k, d) in descriptions.enumerated() where index[d.id] == nil { index[d.id] = k }
        self.index = index
    }

    /// Every rule translint has.
    public static let standard = RuleCatalog([
        MistranslationCheck(),
        TermCaseCheck(),
        SentenceCaseCheck(),
        LeadingPunctuationCheck(),
        RepeatedWordCheck(),
        GarbledMagnitudeCheck(),
        MissingTermCheck(),
        NumberMismatchCheck(),
        UntranslatedCheck(),
        PlaceholderMismatchCheck(),
    ])

    public func description(id: String) -> CheckDescription? { index[id].map { descriptions[$0] } }

    /// The position of a rule in `descriptions` (SARIF's `ruleIndex`).
    public func position(of id: String) -> Int? { index[id] }

    public var ids: [String] { descriptions.map(\.id) }

    public func isBilingual(_ id: String) -> Bool {
        rules.contains { type(of: $0).description.id == id && $0.asBilingualCheck != nil }
    }

    /// The same catalogue with only the rules `keep` accepts (the engine's own descriptions stay).
    public func filter(_ keep: (CheckDescription) -> Bool) -> RuleCatalog {
        RuleCatalog(rules.filter { keep(type(of: $0).description) })
    }
}
