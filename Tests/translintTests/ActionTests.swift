import Foundation
import Testing
import Yams

/// The GitHub Action (action.yml) and its run script, tested without GitHub: the script runs here with the
/// environment GitHub gives it.
@Suite(.serialized)
struct ActionTests {
    static let script = CLI.root.appendingPathComponent("scripts/action/run.sh").path

    /// Runs the action's script in a copy of the samples with `inputs` as GitHub passes them.
    static func run(_ inputs: [String: String]) throws -> (result: CLI.Result, folder: URL, output: String, summary: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translint-action-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples"), to: folder.appendingPathComponent("samples"))
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("glossaries"), to: folder.appendingPathComponent("glossaries"))
        var environment = ["TRANSLINT": CLI.executable.path, "GITHUB_OUTPUT": folder.path + "/output", "GITHUB_STEP_SUMMARY": folder.path + "/summary"]
        for (key, value) in inputs { environment[key] = value }
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(CLI.quoted($0.value))" }.joined(separator: " ")
        let result = try CLI.sh("env -u GITHUB_BASE_REF \(assignments) \(CLI.quoted(script))", in: folder)
        let read = { (name: String) in (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        return (result, folder, read("output"), read("summary"))
    }

    @Test("annotations on standard output, SARIF to a file, the status as a step output, and a note on GitHub's annotation limit")
    func annotates() throws {
        let (result, folder, output, summary) = try Self.run(["INPUT_PATHS": "samples/000_02c679c3906c68ff.txt", "INPUT_ARGS": "--glossary glossaries/zh-en"])
        #expect(result.status == 1)
        let errors = result.out.split(separator: "\n").filter { $0.hasPrefix("::error file=samples/000_02c679c3906c68ff.txt,") }
        #expect(errors.count == 14)
        #expect(result.out.contains("::notice title=translint::14 errors and 9 warnings, but GitHub shows at most 10 error and 10 warning annotations per step"))
        #expect(output.contains("status=1\n") && output.contains("sarif=translint.sarif\n") && output.contains("errors=14\n"))
        #expect(summary.contains("findings that fail the run"))
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("translint.sarif"))) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [Any]) ?? []
        #expect(results.count == 23)
    }

    @Test("action.yml is valid YAML with the metadata GitHub requires: every input used exists, every run step has a shell, SARIF upload is opt-in, the cache key follows the sources")
    func metadata() throws {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("action.yml"), encoding: .utf8)
        let action = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(action["name"] as? String == "translint")
        #expect((action["description"] as? String)?.isEmpty == false)
        let inputs = try #require(action["inputs"] as? [String: [String: Any]])
        for (name, input) in inputs { #expect(input["description"] is String, "input \(name) has no description") }
        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        for step in steps where step["run"] != nil { #expect(step["shell"] as? String == "bash", "\(step["name"] ?? "a step") has no shell") }
        // Every `inputs.X` the action uses is declared.
        let used = Set(text.matches(of: /inputs\.([a-z-]+)/).map { String($0.1) })
        #expect(used.isSubset(of: Set(inputs.keys)), "undeclared inputs: \(used.subtracting(inputs.keys))")
        #expect((inputs["upload-sarif"]?["default"] as? String) == "false")
        #expect(text.contains("libxml2-dev") && text.contains("steps.key.outputs.sources"))
    }

    @Test("paths and arguments with spaces reach translint whole; the glossary, config and fail-level inputs apply")
    func quotedInputs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translint-action-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("my docs"), withIntermediateDirectories: true)
        try "The Amoy shop grew.\n".write(to: folder.appendingPathComponent("my docs/page one.txt"), atomically: true, encoding: .utf8)
        let environment = ["TRANSLINT": CLI.executable.path, "INPUT_PATHS": "my docs/page one.txt\n", "INPUT_GLOSSARY": CLI.root.appendingPathComponent("glossaries/zh-en").path,
                           "INPUT_FAIL_LEVEL": "error", "INPUT_ARGS": "--write-baseline 'base line.json'", "INPUT_ANNOTATE": "true"]
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(CLI.quoted($0.value))" }.joined(separator: " ")
        let result = try CLI.sh("env -u GITHUB_BASE_REF \(assignments) \(CLI.quoted(Self.script))", in: folder)
        #expect(result.status == 0, "\(result.out)\(result.stderr)")   // writing a baseline exits 0
        #expect(result.out.contains("::error file=my docs/page one.txt,line=1,col=5"), "\(result.out)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("base line.json").path))
    }

    @Test("without annotations the text report goes to the log; a clean run exits 0")
    func textAndClean() throws {
        let text = try Self.run(["INPUT_PATHS": "samples/000_02c679c3906c68ff.expected.txt", "INPUT_ARGS": "--glossary glossaries/zh-en",
                                 "INPUT_ANNOTATE": "false", "INPUT_SARIF": "out/t.sarif"])
        // The folder for the SARIF report does not exist: bad input, exit 2, said in the summary.
        #expect(text.result.status == 2)
        #expect(text.summary.contains("bad input or usage (exit status 2)"))
        let clean = try Self.run(["INPUT_PATHS": "samples/000_02c679c3906c68ff.expected.txt", "INPUT_ARGS": "--glossary glossaries/zh-en", "INPUT_ANNOTATE": "false"])
        #expect(clean.result.status == 0)
        #expect(clean.result.out.contains("no findings in 1 file"))
        #expect(clean.output.contains("status=0\n"))
    }

    @Test("only-changed outside a pull request says so and checks everything")
    func onlyChangedOutsideAPullRequest() throws {
        let run = try Self.run(["INPUT_PATHS": "samples/000_02c679c3906c68ff.txt", "INPUT_ARGS": "--glossary glossaries/zh-en", "INPUT_ONLY_CHANGED": "true"])
        #expect(run.result.status == 1)
        #expect(run.result.out.contains("::notice title=translint::only-changed needs a pull request"))
    }

    @Test("action.yml is a composite action whose run step is the tested script")
    func actionDefinition() throws {
        let action = try String(contentsOf: CLI.root.appendingPathComponent("action.yml"), encoding: .utf8)
        #expect(action.contains("using: composite"))
        #expect(action.contains("\"$GITHUB_ACTION_PATH/scripts/action/run.sh\""))
        #expect(action.contains("github/codeql-action/upload-sarif@"))
        #expect(FileManager.default.isExecutableFile(atPath: Self.script))
        for input in ["INPUT_PATHS", "INPUT_ARGS", "INPUT_SARIF", "INPUT_ANNOTATE", "INPUT_ONLY_CHANGED"] {
            #expect(action.contains("\(input): ${{ inputs."), "action.yml does not pass \(input)")
        }
    }
}
