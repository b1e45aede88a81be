import Foundation
import Testing

/// The folders of TranslintKit show the flow, and the flow has no cycles: a type declared in one folder and used in
/// another is an edge, and no folder may reach itself through those edges.
struct ArchitectureTests {
    static let root = String(#filePath).components(separatedBy: "/Tests/")[0] + "/Sources/TranslintKit"

    static func sources() throws -> [(folder: String, text: String)] {
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return try files.map { path in
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            // Comments name types without depending on them.
            let code = text.split(separator: "\n").map { line in line.components(separatedBy: "//")[0] }.joined(separator: "\n")
            return (String(path.split(separator: "/")[0]), code)
        }
    }

    @Test("the folder graph of TranslintKit has no cycles")
    func noCycles() throws {
        let files = try Self.sources()
        let declaration = try NSRegularExpression(pattern: #"^(?:(?:public|internal|fileprivate|private|final|indirect)\s+)*(?:struct|class|enum|protocol|typealias|actor)\s+(\w+)"#, options: .anchorsMatchLines)
        var declaredIn: [String: Set<String>] = [:]
        for file in files {
            let range = NSRange(file.text.startIndex..., in: file.text)
            for match in declaration.matches(in: file.text, range: range) {
                let name = (file.text as NSString).substring(with: match.range(at: 1))
                declaredIn[name, default: []].insert(file.folder)
            }
        }
        var edges: [String: Set<String>] = [:]
        let word = try NSRegularExpression(pattern: #"\b[A-Z]\w*\b"#)
        for file in files {
            let range = NSRange(file.text.startIndex..., in: file.text)
            let used = Set(word.matches(in: file.text, range: range).map { (file.text as NSString).substring(with: $0.range) })
            for name in used {
                guard let folders = declaredIn[name], !folders.contains(file.folder) else { continue }
                edges[file.folder, default: []].formUnion(folders)
            }
        }
        // Depth-first search for a back edge.
        var state: [String: Int] = [:]
        var path: [String] = []
        var cycle: [String]?
        func visit(_ folder: String) {
            state[folder] = 1
            path.append(folder)
            for next in edges[folder, default: []].sorted() where cycle == nil {
                if state[next] == 1 { cycle = Array(path[path.firstIndex(of: next)!...]) + [next] }
                else if state[next] == nil { visit(next) }
            }
            path.removeLast()
            state[folder] = 2
        }
        for folder in edges.keys.sorted() where state[folder] == nil && cycle == nil { visit(folder) }
        #expect(cycle == nil, "folders depend on each other in a cycle: \(cycle?.joined(separator: " → ") ?? "")")
        #expect(edges["Text", default: []].isEmpty, "Text/ is the bottom layer, but uses \(edges["Text", default: []].sorted())")
    }
}
