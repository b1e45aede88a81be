import Foundation
import Testing

/// SARIF for code scanning: URIs relative to %SRCROOT%, documentation links, the configuration's rule levels,
/// and files that could not be checked as tool notifications.
@Suite(.serialized)
struct SARIFTests {
    static func sarif(_ result: CLI.Result) throws -> [String: Any] {
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        return try #require((document["runs"] as? [[String: Any]])?.first)
    }

    @Test("URIs are relative to the git work tree's top, named %SRCROOT%, from whatever folder translint runs in")
    func sourceRoot() throws {
        let root = try CIFeatureTests.project([".translint.yml": "glossaries: [terms.yaml]\n", "terms.yaml": CIFeatureTests.glossary,
                                                "docs/guide/a.txt": "The Amoy shop.\n"])
        #expect(try CLI.shell("git init -q", in: root) == 0)
        let run = try Self.sarif(try CLI.run(["lint", "a.txt", "--format", "sarif"], in: root.appendingPathComponent("docs/guide")))
        let base = try #require((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])
        let top = try CLI.sh("git rev-parse --show-toplevel", in: root).out.trimmingCharacters(in: .newlines)
        #expect(base["uri"] as? String == "file://" + top + "/")
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let location = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
        #expect(location["uri"] as? String == "docs/guide/a.txt")
        #expect(location["uriBaseId"] as? String == "%SRCROOT%")
    }

    @Test("rules link to their documentation and carry the configuration's levels; a rule turned off is disabled")
    func rulesFollowTheConfiguration() throws {
        let root = try CIFeatureTests.project([".translint.yml": "rules:\n  sentence-case: off\n  repeated-word: error\n", "a.txt": "The the end.\n"])
        let run = try Self.sarif(try CLI.run(["lint", "a.txt", "--format", "sarif"], in: root))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["informationUri"] as? String)?.hasPrefix("https://") == true)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        func rule(_ id: String) -> [String: Any] { rules.first { $0["id"] as? String == id } ?? [:] }
        #expect((rule("repeated-word")["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect((rule("sentence-case")["defaultConfiguration"] as? [String: Any])?["enabled"] as? Bool == false)
        #expect((rule("mistranslation")["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect(rules.allSatisfy { ($0["helpUri"] as? String)?.hasSuffix("README.md#rule-\($0["id"] as! String)") == true })
    }

    @Test("a file that could not be checked is a tool execution notification, and the run is not successful")
    func failedFiles() throws {
        let root = try CIFeatureTests.project(["good.txt": "The end.\n"])
        try Data([0x41, 0xFF, 0x0A]).write(to: root.appendingPathComponent("bad.txt"))
        let result = try CLI.run(["lint", "good.txt", "bad.txt", "--format", "sarif", "--no-config"], in: root)
        #expect(result.status == 2)
        let run = try Self.sarif(result)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect(((notifications.first?["message"] as? [String: Any])?["text"] as? String)?.contains("bad.txt:1:2: invalid UTF-8") == true)
        #expect(notifications.first?["level"] as? String == "error")
    }
}
