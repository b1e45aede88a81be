import Foundation
import Testing
@testable import TranslintKit

/// placeholder-mismatch against gettext's own judge: for c-format messages it must agree with
/// `msgfmt --check-format` on which translations have format strings that do not match their source.
struct PlaceholderOracleTests {
    static let msgfmt: String? = ["/usr/bin/msgfmt", "/usr/local/bin/msgfmt"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Directives of C's printf as translations write them: flags, widths, precisions and lengths that change no
    /// argument, and the conversions that change it.
    static let directives = ["%d", "%i", "%5d", "%-3i", "%u", "%x", "%X", "%08X", "%o", "%#o", "%ld", "%li", "%lu", "%lx", "%06lX",
                             "%lld", "%qd", "%llu", "%hd", "%hu", "%hhu", "%zu", "%Zu", "%15zu", "%jd", "%td",
                             "%s", "%.255s", "%.250s", "%-10s", "%ls", "%c", "%lc", "%p", "%f", "%.2f", "%lf", "%e", "%g", "%G", "%Lf", "%a"]

    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// A source of one to four directives and a translation made from it: the same directives, numbered and
    /// reordered, written with other flags, widths and lengths, or with one changed, dropped, added or repeated.
    static func pair(_ random: inout Random) -> (source: String, target: String) {
        let count = 1 + random.below(4)
        let source = (0..<count).map { _ in directives[random.below(directives.count)] }
        var target = source.enumerated().map { ($0.offset + 1, $0.element) }
        switch random.below(7) {
        case 0: break
        case 1:   // another directive for one argument: the same argument or not, msgfmt decides
            let k = random.below(count)
            target[k].1 = directives[random.below(directives.count)]
        case 2 where count > 1: target.remove(at: random.below(count))
        case 3: target.append((count + 1, directives[random.below(directives.count)]))
        case 4: target.reverse()
        case 5: let k = random.below(count); target.append(target[k])
        default: target.shuffle(using: &random)
        }
        let numbered = target.map(\.0) != Array(1...max(1, target.count)) || target.count != count || random.below(2) == 0
        let written = target.map { position, directive in
            numbered ? "%\(position)$" + directive.dropFirst() : directive
        }
        return ("Source " + source.joined(separator: " and "), "Ziel " + written.joined(separator: " und "))
    }

    @Test("the singular of a plural entry may follow msgid_plural (as msgfmt checks it) or drop the count")
    func pluralForms() throws {
        let po = """
            msgid ""
            msgstr ""
            "Language: uk\\n"
            "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

            msgid "one file"
            msgid_plural "%d files"
            msgstr[0] "%d файл"
            msgstr[1] "%d файли"
            msgstr[2] "%d файлів"

            msgid "%s byte"
            msgid_plural "%s bytes"
            msgstr[0] "один байт"
            msgstr[1] "%s байти"
            msgstr[2] "%s байтів"

            msgid "%d file in %s"
            msgid_plural "%d files in %s"
            msgstr[0] "%d файл"
            msgstr[1] "%d файли в %s"
            msgstr[2] "%d файлів в %s"

            msgid "%d dir in %s"
            msgid_plural "%d dirs in %s"
            msgstr[0] "тека в %s"
            msgstr[1] "%d теки в %s"
            msgstr[2] "%d тек в %s"

            """
        var glossary = Glossary.empty(targetLanguage: "uk")
        glossary.sourceLanguage = "en"
        let engine = LintEngine(glossary: glossary, rules: [PlaceholderMismatchCheck()], locale: "uk")
        let result = try engine.run(po, kind: .bilingual(.po, includeFuzzy: false), fixes: .none, path: "x.po").result
        // As `msgfmt -c` judges them with this header: Ukrainian's form 0 stands for 1, 21, 31…, so it keeps every
        // argument (`один байт` would print for 21 bytes; `%d файл` lost the `%s`); `тека в %s` puts the `%s` in the
        // place of `%d`.
        #expect(result.findings.map(\.line) == [14, 20, 26], "\(result.findings.map { "\($0.line): \($0.finding.message)" })")
    }

    /// The lines `msgfmt -c` names in its errors on `po` (header warnings aside): for a format error, the line of
    /// the entry's msgid or first msgstr. --check-header, as `msgfmt -c`: without it msgfmt reads no Plural-Forms and
    /// checks every plural form relaxed.
    static func msgfmtErrorLines(_ po: String, msgfmt: String) throws -> [Int] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("translint-msgfmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.po")
        try po.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: msgfmt)
        process.arguments = ["--check-format", "--check-header", "-o", "/dev/null", file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errors = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = errors.split(separator: "\n").compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 3)
            return parts.count > 2 && parts[0].hasSuffix("x.po") && !line.contains(": warning: ") ? Int(parts[1]) : nil
        }
        return Array(Set(lines)).sorted()
    }

    /// A PO file of c-format plural entries under `header`'s Plural-Forms; its placeholder-mismatch lines, and
    /// msgfmt's (nil without msgfmt).
    func pluralVerdicts(header: String, entries: String, language: String) throws -> (translint: [Int], msgfmt: [Int]?) {
        let po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: \(language)\\n\"\n\"Plural-Forms: \(header)\\n\"\n\n" + entries
        var glossary = Glossary.empty(targetLanguage: language)
        glossary.sourceLanguage = "en"
        let engine = LintEngine(glossary: glossary, rules: [PlaceholderMismatchCheck()], locale: language)
        let lines = try engine.run(po, kind: .bilingual(.po, includeFuzzy: false), fixes: .none, path: "x.po").result.findings.map(\.line)
        guard let msgfmt = Self.msgfmt else { return (lines, nil) }
        return (lines, try Self.msgfmtErrorLines(po, msgfmt: msgfmt))
    }

    @Test("tcl-format: a numbered `*` takes its width from argument N and its value from N+1, as Tcl's format does (git-gui)")
    func tclStar() throws {
        let verdicts = try pluralVerdicts(header: "nplurals=1; plural=0;", entries: """
            #, tcl-format
            msgid "%s ... %*i of %*i %s (%3i%%)"
            msgstr "%1$s ... %4$*i %6$s 中の %2$*i (%7$3i%%)"

            #, tcl-format
            msgid "%s ... %*i of %*i %s"
            msgstr "%1$s ... %4$*i %6$s 中の %2$*i %8$s"

            """, language: "ja")
        #expect(verdicts.translint == [13], "\(verdicts.translint)")
        if let msgfmt = verdicts.msgfmt {
            #expect(msgfmt == [13], "msgfmt: \(msgfmt)")
        } else {
            #expect(!Self.required, "msgfmt is required in CI")
        }
    }

    @Test("a plural form may drop the count when the header's formula uses it for one number or a few, as msgfmt decides")
    func pluralFormula() throws {
        // Romanian: form 1 is n==2 alone (`două fișiere`); form 0 is n==1. Russian: form 0 is 1, 21, 31…, so it
        // must keep the count.
        let romanian = try pluralVerdicts(
            header: "nplurals=4; plural=((n==1) ? 0 : (n==2) ? 1 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 2 : 3);",
            entries: """
                #, c-format
                msgid "%s file"
                msgid_plural "%s files"
                msgstr[0] "un fișier"
                msgstr[1] "două fișiere"
                msgstr[2] "%s fișiere"
                msgstr[3] "%s de fișiere"

                #, c-format
                msgid "%s dir"
                msgid_plural "%s dirs"
                msgstr[0] "%s director"
                msgstr[1] "%s directoare"
                msgstr[2] "directoare"
                msgstr[3] "%s de directoare"

                """, language: "ro")
        #expect(romanian.translint == [20], "\(romanian.translint)")
        let russian = try pluralVerdicts(
            header: "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
            entries: """
                #, c-format
                msgid "%d file"
                msgid_plural "%d files"
                msgstr[0] "один файл"
                msgstr[1] "%d файла"
                msgstr[2] "%d файлов"

                """, language: "ru")
        #expect(russian.translint == [10], "\(russian.translint)")
        if let r = romanian.msgfmt, let u = russian.msgfmt {
            // msgfmt names the entry's first msgstr line, translint the form's own: the same entries.
            #expect(r == [18] && u == [10], "msgfmt: ro \(r), ru \(u)")
        } else {
            #expect(!Self.required, "msgfmt is required in CI")
        }
        // The formula itself, as gettext evaluates it.
        let formula = try #require(PluralFormula(header: " nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"))
        #expect([1, 2, 5, 11, 21, 22, 111].map { formula.form(for: $0) } == [0, 1, 2, 2, 0, 1, 2])
        #expect(formula.rareForms().isEmpty)
        #expect(PluralFormula(header: "nplurals=2; plural=n != 1;")?.rareForms() == [0])
        #expect(PluralFormula(header: "nplurals=2; plural=n/0;")?.rareForms() == [0, 1])   // no distribution: all relaxed
        #expect(PluralFormula(header: "nplurals=2; plural=(n==1;") == nil)
        // A header is input: mutated formulas parse or are refused, and never trap (division by zero, overflow,
        // unbalanced brackets, stray operators).
        var random = Random(state: 77)
        let alphabet = Array("n0123456789()?:|&=!<>+-*/% ".utf8)
        let seed = Array("(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)".utf8)
        var parsed = 0
        for _ in 0..<500 {
            var bytes = seed
            for _ in 0..<(1 + random.below(4)) {
                let k = random.below(bytes.count)
                switch random.below(3) {
                case 0: bytes[k] = alphabet[random.below(alphabet.count)]
                case 1: bytes.remove(at: k)
                default: bytes.insert(alphabet[random.below(alphabet.count)], at: k)
                }
            }
            if let mutated = PluralFormula(header: "nplurals=3; plural=" + String(decoding: bytes, as: UTF8.self) + ";") {
                parsed += 1
                #expect(mutated.rareForms().allSatisfy { $0 < 3 })
            }
        }
        #expect(parsed > 0 && parsed < 500, "\(parsed) of 500 mutated formulas parsed: the mutations test nothing")
        #expect(PluralFormula(header: "nplurals=2; plural=" + String(repeating: "(", count: 5000) + "n" + String(repeating: ")", count: 5000) + ";") == nil)
    }

    @Test("cases judged in real catalogs: what is not a format is silent, a space flag warns, lost arguments speak")
    func judgedCatalogCases() throws {
        let po = #"""
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=UTF-8\n"
            "Language: es\n"

            msgid "Invalid %-encoding in URI"
            msgstr "codificación %-e no válida en el URI"

            msgctxt "uk"
            msgid "Invalid %-encoding in URI"
            msgstr "Некоректне %-eкодування в адресі"

            msgid "no input file should be given if %s and %s are specified"
            msgstr "若指定了 %s 和% s，則不需指定輸入檔案"

            msgid "%s: invalid start address of length %ld: 0x%lx%08lx\n"
            msgstr "%s: địa chỉ đầu không hợp lệ có chiều dài %ld: 0x%lx% 08lx\n"

            msgid "<alias value='%s'/> given when “%s” is already a member of the enumerated type"
            msgstr "“%2$s” zaten numaralandırılmış türün bir üyesiyken <alias value='%1$s'/> verildi"

            msgid "git range-diff [<options>] <old-base>..<old-tip> <new-base>..<new-tip>"
            msgstr "git range-diff [<opzioni>] <da>..<a> <nuova-base>..<nuovo-tip>"

            msgid "<b>Enter the complete APT line</b><br />The line contains the type<br />and the location %s"
            msgstr "<b>請輸入完整 APT 來源</b>來源包含類型與位置 %s"

            msgid "Failed to truncate file"
            msgstr "Nie udało się obciąć pliku %s"

            msgid "<b>Warning:</b> %s"
            msgstr "<b>Advertencia: %s"

            msgid "Size: %s"
            msgstr "Tamaño: % d"

            msgid "Changing access rights of %s to %#o failed"
            msgstr "%s의 접근권한을 %#o로(으로) 바꾸는 데 실패했습니다"

            msgid "warning: unrecognised arch name '%#x'"
            msgstr "avertisment: nume de arhitectură nerecunoscut „%#x”"

            msgid "%time"
            msgstr "時間の割合(%)"

            msgid "%T: discarded in section `%s' from %s\n"
            msgstr "%1$T: %3$s `%2$s' bölümünde atıldı\n"

            msgid "%F%P: could not create dummy IR bfd: %E\n"
            msgstr "%F%P: no se puede crear el bdf IR dummy: %F%E\n"

            """#
        var glossary = Glossary.empty(targetLanguage: "es")
        glossary.sourceLanguage = "en"
        let engine = LintEngine(glossary: glossary, rules: [PlaceholderMismatchCheck()], locale: "es")
        let findings = try engine.run(po, kind: .bilingual(.po, includeFuzzy: false), fixes: .none, path: "x.po").result.findings
        let seen = findings.map { "\($0.line) \($0.finding.severity)" }
        #expect(seen == ["14 warning", "17 warning", "26 info", "29 error", "32 error", "35 error", "44 info"], "\(findings.map { "\($0.line): \($0.finding.message)" })")
    }

    @Test("c-format: placeholder-mismatch agrees with msgfmt --check-format on 400 generated translations")
    func agreesWithMsgfmt() throws {
        guard let msgfmt = Self.msgfmt else {
            if Self.required { Issue.record("msgfmt is missing (apt-get install gettext)") }
            return
        }
        var random = Random(state: 2026)
        var pairs: [(source: String, target: String)] = []
        var seen = Set<String>()
        while pairs.count < 400 {
            let pair = Self.pair(&random)
            if seen.insert(pair.source).inserted { pairs.append(pair) }
        }
        var po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: de\\n\"\n"
        var lineOfPair: [Int: Int] = [:]
        var line = 5
        for (k, pair) in pairs.enumerated() {
            po += "\n#, c-format\nmsgid \"\(pair.source)\"\nmsgstr \"\(pair.target)\"\n"
            lineOfPair[line + 3] = k   // msgfmt names the msgid line
            line += 4
        }
        var refused = Set<Int>()
        for n in try Self.msgfmtErrorLines(po, msgfmt: msgfmt) {
            if let k = lineOfPair[n] ?? lineOfPair[n - 1] { refused.insert(k) }
        }
        #expect(!refused.isEmpty && refused.count < pairs.count, "msgfmt refused \(refused.count) of \(pairs.count): the generator tests nothing")

        var glossary = Glossary.empty(targetLanguage: "de")
        glossary.sourceLanguage = "en"
        let engine = LintEngine(glossary: glossary, rules: [PlaceholderMismatchCheck()], locale: "de")
        let result = try engine.run(po, kind: .bilingual(.po, includeFuzzy: false), fixes: .none, path: "oracle.po").result
        var flagged = Set<Int>()
        for finding in result.findings where finding.finding.rule == "placeholder-mismatch" {
            if let k = lineOfPair[finding.line] { flagged.insert(k) }
        }
        let disagreements = Set(0..<pairs.count).filter { refused.contains($0) != flagged.contains($0) }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.sorted().prefix(5).map { "\(pairs[$0]) msgfmt: \(refused.contains($0) ? "refuses" : "accepts")" })")
    }
}
