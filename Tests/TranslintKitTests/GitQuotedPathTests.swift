import Testing
@testable import TranslintKit

/// Diff header names as git writes them, and reading them back from `git diff` for `--only-changed`.
struct GitQuotedPathTests {
    @Test("names are quoted exactly as git 2.x quotes them with core.quotePath=false", arguments: [
        ("a/docs/x.txt", "a/docs/x.txt"),
        ("a/d s/x y.txt", "a/d s/x y.txt\t"),
        ("a/t\tb.txt", #""a/t\tb.txt""#),
        ("a/sp ace\tt.txt", "\"a/sp ace\\tt.txt\"\t"),
        ("a/q\"x.txt", #""a/q\"x.txt""#),
        ("a/b\\s.txt", #""a/b\\s.txt""#),
        ("a/n\nl\r.txt", #""a/n\nl\r.txt""#),
        ("a/esc\u{1B}.txt", #""a/esc\033.txt""#),
        ("a/文档.txt", "a/文档.txt"),
    ])
    func header(name: String, expected: String) {
        #expect(GitQuotedPath.header(name) == expected)
    }

    @Test("parsing a header field gives the name back, also git's octal escapes for non-ASCII")
    func parse() {
        for name in ["b/docs/x.txt", "b/d s/x y.txt", "b/t\tb.txt", "b/q\"x\\.txt", "b/n\nl.txt", "b/esc\u{1B}\u{7F}.txt", "b/文档 1.txt"] {
            #expect(GitQuotedPath.parse(Substring(GitQuotedPath.header(name))) == name)
        }
        #expect(GitQuotedPath.parse(#""b/\303\251.txt""#) == "b/é.txt")
        #expect(GitQuotedPath.parse(#""b/unterminated"#) == nil)
        #expect(GitQuotedPath.parse(#""b/\q.txt""#) == nil)
    }

}
