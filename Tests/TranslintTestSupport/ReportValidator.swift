import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Whether a report is well-formed for its format: what a consumer (a JSON or XML parser, a terminal, the GitHub
/// runner) needs. Returns what is wrong, or nil.
public enum ReportValidator {
    public static func problem(format: String, _ output: [UInt8]) -> String? {
        let text = String(decoding: output, as: UTF8.self)
        if Array(text.utf8) != output { return "\(format): not valid UTF-8" }
        switch format {
        case "json":
            guard let object = json(output) as? [String: Any] else { return "json: does not parse as a JSON object" }
            guard object["files"] is [Any], object["summary"] is [String: Any] else { return "json: no files or summary" }
        case "sarif":
            guard let object = json(output) as? [String: Any] else { return "sarif: does not parse as a JSON object" }
            guard object["version"] as? String == "2.1.0", let runs = object["runs"] as? [[String: Any]], runs.count == 1,
                  runs[0]["results"] is [Any] else { return "sarif: not SARIF 2.1.0 with one run and results" }
        case "gitlab":
            guard json(output) is [Any] else { return "gitlab: does not parse as a JSON array" }
        case "rdjsonl":
            for line in text.split(separator: "\n") where json(Array(line.utf8)) as? [String: Any] == nil {
                return "rdjsonl: a line does not parse as a JSON object: \(line.prefix(120))"
            }
        case "checkstyle", "junit":
            guard let problem = xmlProblem(output) else { return nil }
            return "\(format): \(problem)"
        case "github":
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("::") {
                return "github: a line is no workflow command: \(line.prefix(120).debugDescription)"
            }
            if let control = firstControl(text) { return "github: a raw control character U+\(String(control, radix: 16))" }
        case "text":
            if let control = firstControl(text) { return "text: a raw control character U+\(String(control, radix: 16))" }
        default:
            break
        }
        return nil
    }

    static func json(_ bytes: [UInt8]) -> Any? { try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) }

    /// A C0 or C1 control character other than a line break, which a terminal would act on.
    static func firstControl(_ text: String) -> UInt32? {
        text.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || ($0.value >= 0x7F && $0.value < 0xA0) }?.value
    }

    static func xmlProblem(_ bytes: [UInt8]) -> String? {
        let parser = XMLParser(data: Data(bytes))
        if parser.parse() { return nil }
        return "not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "no error"))"
    }
}
