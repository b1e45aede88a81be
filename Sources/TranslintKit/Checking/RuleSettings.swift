/// How a project configures rules: severity (or off) and MQM severity per rule, MQM weights, and phrases
/// never to flag.
public struct RuleSettings: Hashable, Sendable {
    /// Per rule id: the severity to report with, or nil to turn the rule off.
    public var severity: [String: Severity?] = [:]
    /// Per rule id: the MQM severity its findings weigh with in the quality score.
    public var mqmSeverity: [String: MQMSeverity] = [:]
    public var weights = MQMWeights()
    /// Exact phrases (case-sensitive) in which nothing is flagged: a person actually named Ali.
    public var ignore: [String] = []

    public init(severity: [String: Severity?] = [:], mqmSeverity: [String: MQMSeverity] = [:],
                weights: MQMWeights = MQMWeights(), ignore: [String] = []) {
        self.severity = severity
        self.mqmSeverity = mqmSeverity
        self.weights = weights
        self.ignore = ignore
    }

    public func isEnabled(_ rule: String) -> Bool {
        if let setting = severity[rule] { return setting != nil }
        return true
    }
}
