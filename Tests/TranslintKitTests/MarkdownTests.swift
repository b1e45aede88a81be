import Testing
@testable import TranslintKit

/// Markdown is checked as prose: what is not prose is never flagged and never changed by a fix.
struct MarkdownTests {
    let linter = LintEngine(glossary: ExampleGlossary.glossary)

    func flagged(_ text: String) throws -> [String] {
        let bytes = Array(text.utf8)
        return try linter.lint(text, format: .markdown).map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
    }

    @Test("a forbidden term in code, a URL, a link target, HTML and front matter is not flagged and not changed",
          arguments: [
              "---\ntitle: Amoy\ntags: [the the]\n---\n\nFine text.\n",
              "Fine text.\n\n```\nAmoy code. the the\n```\n",
              "Fine text.\n\n~~~~ yaml\nkey: Amoy\n~~~~\n",
              "Fine text.\n\n    Amoy in indented code\n",
              "Use `Amoy` in code.\n",
              "Use ``the `Amoy` tick`` here.\n",
              "See <https://example.com/Amoy> now.\n",
              "See <someone@amoy.example.com> now.\n",
              "See https://example.com/Amoy now.\n",
              "A [link](https://example.com/Amoy \"Amoy title\") here.\n",
              "A [link][amoy] here.\n\n[amoy]: https://example.com/Amoy \"Amoy\"\n",
              "An ![image](amoy.png) here.\n",
              "<div>\nAmoy in HTML.\n</div>\n\nFine text.\n",
              "Fine <span title=\"Amoy\">text</span> here.\n",
              "Fine text. <!-- Amoy in a comment -->\n",
              "<!--\nAmoy in a comment\nthe the\n-->\nFine text.\n",
              "<script>\nvar amoy = 'Amoy';\n\nlet x = 1;\n</script>\n\nFine text.\n",
              // Issue 9: a code span that continues on the next line, and indented code inside a list item.
              "Run `the\nAmoy` now.\n",
              "> Run ``the ` \n> Amoy`` now.\n",
              "- Fine item.\n\n      Amoy in code. the the\n",
              "1. Fine item.\n   - Fine nested item.\n\n         Amoy in code\n",
              "Fine <span\ntitle=\"Amoy\">text</span> here.\n",
              "Fine text.[^1]\n\n[^1]: Fine note.\n\n        Amoy in code\n",
          ])
    func notProse(text: String) throws {
        #expect(try flagged(text).isEmpty, "flagged \((try? flagged(text)) ?? []) in \(text.debugDescription)")
        #expect(try linter.fix(text, format: .markdown).fixed == text)
    }

    @Test("prose around markup is checked, and fixes leave the markup as it was")
    func proseAroundMarkup() throws {
        let text = "# the Amoy report\n\nThe **amoy** shop and the [Amoy site](https://x.com/Amoy) grew. the end\n"
        #expect(try linter.fix(text, format: .markdown).fixed
                == "# The Taobao report\n\nThe **Taobao** shop and the [Taobao site](https://x.com/Amoy) grew. The end\n")
    }

    @Test("a repeated word across a line break never leaves a line that starts a block: a fence, a list, a heading",
          arguments: ["```users\nusers today``` a shop.", "# not a heading", "- not an item", "1. Not an item", "> not a quote"])
    func repeatAcrossLinesKeepsBlocks(rest: String) throws {
        // Oracle seed 8, document 14016: removing the repeat at the start of the second line made "```users" a fence.
        let text = "Sellers grew the\nthe \(rest)\n"
        #expect(try linter.fix(text, format: .markdown).fixed == "Sellers grew\nthe \(rest)\n")
        // Several repeats: the line break goes with them, in one fix that leaves nothing to fix.
        let several = "Sellers grew the\nthe the \(rest)\n"
        let fixed = try linter.fix(several, format: .markdown).fixed
        #expect(fixed == "Sellers grew the \(rest)\n")
        #expect(try linter.fix(fixed, format: .markdown).fixed == fixed)
    }

    @Test("headings, list items and block quotes each start a sentence; table cells are labels, not sentences",
          arguments: [
              ("Intro\n# the heading of this page\n", "Intro\n# The heading of this page\n"),
              ("Title\n=====\nbody text goes here.\n", "Title\n=====\nBody text goes here.\n"),
              ("Items:\n\n- apples\n- pears\n\nThen:\n\n* one\n* two\n", "Items:\n\n- apples\n- pears\n\nThen:\n\n* one\n* two\n"),
              ("Intro.\n\n- the first item of the list\n- this second item of the list\n", "Intro.\n\n- The first item of the list\n- This second item of the list\n"),
              ("1. the first step to take\n2) then the second step\n", "1. The first step to take\n2) Then the second step\n"),
              ("- [ ] the open task for today\n- [x] the done task from before\n", "- [ ] The open task for today\n- [x] The done task from before\n"),
              // A list item that starts with another word is a label or an entry in the author's style.
              ("* config now recognises 64-bit mingw\n* libssl internal structures made opaque\n", "* config now recognises 64-bit mingw\n* libssl internal structures made opaque\n"),
              ("| name | note |\n|:-----|-----:|\n| wechat | the shop is open |\n", "| name | note |\n|:-----|-----:|\n| WeChat | the shop is open |\n"),
              ("> quoted text. the end\n", "> Quoted text. The end\n"),
              ("Intro.\n> quoted line goes here\n", "Intro.\n> Quoted line goes here\n"),
              // One or two words are a label or a name, not a sentence: `### libuv`.
              ("Intro\n### libuv\n", "Intro\n### libuv\n"),
              ("* **node**: Startup time is now faster.\n", "* **node**: Startup time is now faster.\n"),
          ])
    func blocksStartSentences(before: String, after: String) throws {
        // What is a sentence start; a list item's capital and a content word's are only suggested (issue 24).
        #expect(try linter.fix(before, format: .markdown, unsafeFixes: true).fixed == after)
    }

    @Test("--fix alone leaves a list item's lowercase start to the author: its fix is only suggested")
    func listItemStartsAreSuggested() throws {
        let text = "Intro.\n\n- the first item of the list\n- this second item of the list\n"
        let (fixed, findings) = try linter.fix(text, format: .markdown)
        #expect(fixed == text)
        #expect(findings.count == 2 && findings.allSatisfy { $0.fix?.applicability == .suggested && $0.fix?.reason == "a list item may start in lowercase" })
    }

    @Test("a paragraph right after a code block may go on from it: its capital is only suggested")
    func paragraphAfterCode() throws {
        let text = "Run it like this.\n\n```js\nrun(true);\n```\n\ncalls the following callbacks in order.\n"
        let (fixed, findings) = try linter.fix(text, format: .markdown)
        #expect(fixed == text)
        #expect(findings.count == 1 && findings[0].fix?.applicability == .suggested
                && findings[0].fix?.reason == "the paragraph may go on from the code before it", "\(findings)")
        #expect(try linter.fix(text, format: .markdown, unsafeFixes: true).fixed.contains("\nCalls the following"))
    }

    @Test("footnote text is prose: it is checked and fixed; the label is not")
    func footnotes() throws {
        let text = "Fine text.[^amoy]\n\n[^amoy]: The Amoy note.\n    the the second line.\n\n    A second Amoy paragraph.\n"
        let found = try flagged(text)
        #expect(found.filter { $0 == "Amoy" }.count == 2 && !found.contains("amoy"), "\(found)")
        #expect(try linter.fix(text, format: .markdown).fixed.contains("[^amoy]: The Taobao note."))
    }

    @Test("scans stay linear on long lines of openers that never close (issue 9)",
          arguments: ["<a href=", "the Amoy [x](y \"", "`` ` ", "<!-- <a b=\"", "[a][b", "[x]("])
    func linear(opener: String) throws {
        // Counted, not timed: 10,000 openers on one line are read (quadratic scans took seconds for this), and
        // every forbidden term in the line is found once.
        let line = String(repeating: opener, count: 10_000)
        let findings = try linter.lint(line + "\n", format: .markdown).filter { $0.rule == "mistranslation" }
        #expect(findings.count == line.components(separatedBy: "Amoy").count - 1)
    }

    @Test("emphasis, brackets and escapes are read through")
    func inlineMarkup() throws {
        #expect(try flagged("The *micro-blog* grew.\n") == ["micro-blog"])
        #expect(try flagged("Read snake_case_name and the_the here.\n").isEmpty)
        #expect(try flagged("**the** end came soon.\n") == ["t"])   // sentence-case flags the first letter
        #expect(try flagged("Price is 2 * 3 \\* 4.\n").isEmpty)
    }

    @Test("a line that is all emphasis is a label: its lowercase start is info and its fix only suggested",
          arguments: ["Labels:\n\n**trivial**\n: a label.\n\n**needs rebase or merge**\n\n: a label for bots.\n",
                      "Intro.\n\n__the old style of builds__\n\nText.\n"])
    func emphasisLabel(text: String) throws {
        let findings = try linter.lint(text, format: .markdown).filter { $0.rule == "sentence-case" }
        #expect(findings.allSatisfy { $0.severity == .info && $0.fix?.isSafe == false }, "\(findings)")
        #expect(try linter.fix(text, format: .markdown).fixed == text)
        // A link earlier on the line is no emphasis around the sentence.
        #expect(try linter.lint("Intro.\n\n[Git](https://git-scm.com) is required. we also need [Python](https://python.org)\n", format: .markdown)
                    .filter { $0.rule == "sentence-case" }.map(\.severity) == [.warning])
        // A bold sentence still ends like one, and stays a sentence.
        #expect(try linter.lint("Intro.\n\n**the end came soon.**\n", format: .markdown).filter { $0.rule == "sentence-case" }
                    .map(\.severity) == [.warning])
    }

    @Test("plain text keeps its characters: the same text is flagged where Markdown would skip it")
    func plainTextIsNotMarkdown() throws {
        #expect(try linter.lint("Use `Amoy` here.", format: .plainText).map(\.rule) == ["mistranslation"])
        #expect(DocumentFormat.forPath("a/b.md") == .markdown && DocumentFormat.forPath("x.MARKDOWN") == .markdown)
        #expect(DocumentFormat.forPath("notes.txt") == .plainText)
    }

    @Test("offsets point into the original file and the masked text has its length")
    func offsetsIntoOriginal() throws {
        let text = "Intro with `code` and **bold**.\n\n- the Amoy item\n"
        let bytes = Array(text.utf8)
        let findings = try linter.lint(text, format: .markdown)
        #expect(findings.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) } == ["t", "Amoy"])
        bytes.withUnsafeBufferPointer { buffer in
            let prepared = PreparedText.prepare(buffer, format: .markdown)
            #expect(prepared.masked?.count == bytes.count)
        }
    }
}
