import Foundation
import Testing

/// `--only-changed` asks git once for all files, with literal pathspecs.
@Suite(.serialized)
struct OnlyChangedTests {
    static func commit(_ root: URL) throws {
        #expect(try CLI.shell("git init -q . 2>/dev/null; git add -A && git -c user.name=t -c user.email=t@t commit -qm c", in: root) == 0)
    }

    @Test("a file named x[1].txt is that file, not a pattern that also matches x1.txt")
    func literalPathspecs() throws {
        let root = try CIFeatureTests.project([
            "x[1].txt": "Fine line.\n\nThe Amoy shop.\n",
            "x1.txt": "Old line.\n",
            "terms.yaml": CIFeatureTests.glossary,
        ])
        try Self.commit(root)
        // x1.txt changes on line 3; x[1].txt does not change at all.
        try Data("Old line.\n\nNew Amoy line.\n".utf8).write(to: root.appendingPathComponent("x1.txt"))
        let result = try CLI.run(["lint", "x[1].txt", "x1.txt", "--glossary", "terms.yaml", "--only-changed", "HEAD", "--format", "github"], in: root)
        #expect(result.status == 1)
        #expect(result.out.split(separator: "\n").map { String($0.split(separator: ",")[0]) } == ["::error file=x1.txt"], "\(result.out)")
        // A change in x[1].txt itself is found.
        try Data("Fine line.\n\nThe Amoy shop.\nAmoy again.\n".utf8).write(to: root.appendingPathComponent("x[1].txt"))
        let again = try CLI.run(["lint", "x[1].txt", "--glossary", "terms.yaml", "--only-changed", "HEAD", "--format", "github"], in: root)
        #expect(again.out.split(separator: "\n").map { $0.contains("file=x[1].txt,line=4,") } == [true], "\(again.out)")
    }

    @Test("300 files, some changed, in a subfolder of the repository and under odd names: the changed lines only")
    func manyFiles() throws {
        var files: [String: String] = ["terms.yaml": CIFeatureTests.glossary]
        for i in 0..<300 { files["docs/f \(i)\t.txt"] = "Line one.\n\nThe Amoy shop \(i).\n" }
        let root = try CIFeatureTests.project(files)
        try Self.commit(root)
        for i in stride(from: 0, to: 300, by: 10) {
            try Data("Line one.\n\nThe Amoy shop \(i).\nAmoy \(i) again.\n".utf8).write(to: root.appendingPathComponent("docs/f \(i)\t.txt"))
        }
        let docs = root.appendingPathComponent("docs")
        // (How long it takes is scripts/bench.sh's business: no wall-clock assertion in a test.)
        let result = try CLI.run(["lint", ".", "--glossary", "../terms.yaml", "--only-changed", "HEAD", "--format", "github"], in: docs)
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 30)
        #expect(lines.allSatisfy { $0.contains(",line=4,") })
    }
}
