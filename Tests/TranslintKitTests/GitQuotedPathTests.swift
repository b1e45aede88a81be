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

    @Test("the changed lines of many files come from one git diff, by their b/ names")
    func changedLinesOfManyFiles() {
        let diff = """
            diff --git a/x1.txt b/x1.txt
            index 1..2 100644
            --- a/x1.txt
            +++ b/x1.txt
            @@ -3,0 +4,2 @@ Old line.
            +++ an added line that looks like a header
            +New line.
            diff --git "a/x[1]\\t.txt" "b/x[1]\\t.txt"
            --- "a/x[1]\\t.txt"
            +++ "b/x[1]\\t.txt"
            @@ -1 +1 @@
            -a
            +b
            @@ -9,2 +8,0 @@
            -gone
            -gone
            diff --git a/d s/y.txt b/d s/y.txt
            --- a/d s/y.txt\t
            +++ b/d s/y.txt\t
            @@ -2 +2,3 @@
            -x
            +x
            +y
            +z
            diff --git a/deleted.txt b/deleted.txt
            deleted file mode 100644
            --- a/deleted.txt
            +++ /dev/null
            @@ -1 +0,0 @@
            -bye
            diff --git a/mode.sh b/mode.sh
            old mode 100644
            new mode 100755

            """
        let files = ChangedLines.parse(gitDiff: diff)
        #expect(files.keys.sorted() == ["d s/y.txt", "x1.txt", "x[1]\t.txt"])
        #expect(files["x1.txt"]?.ranges == [4...5])
        #expect(files["x[1]\t.txt"]?.ranges == [1...1])
        #expect(files["d s/y.txt"]?.ranges == [2...4])
    }
}
