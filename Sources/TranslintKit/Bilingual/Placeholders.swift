/// Placeholders and inline markup in a message: printf conversions (`%s`, `%1$d`, `%@`, `%(name)s`; `%%` is a
/// literal percent), braces (`{0}`, `{name}`, `{count, plural, …}` by its name), and XML/HTML tags by name and kind.
/// Shared by placeholder-mismatch (compares them) and number-mismatch (their digits are no numbers).
enum Placeholders {
    struct Placeholder {
        /// What is compared: the placeholder as written, or a tag's `<name>`, `</name>`, `<name/>`.
        var key: String
        var range: ByteRange
    }

    /// The end of a double-brace placeholder at `i` (`{{ name }}`, `{{count}}`, `{{ user.name }}`), or nil: a name of
    /// letters, digits, `_`, `.` and `-`, with optional spaces inside the braces.
    static func doubleBraceEnd(_ bytes: [UInt8], at i: Int) -> Int? {
        guard i + 4 < bytes.count, bytes[i] == 0x7B, bytes[i + 1] == 0x7B, i == 0 || bytes[i - 1] != 0x7B else { return nil }
        var k = i + 2
        while k < bytes.count && bytes[k] == 0x20 { k += 1 }
        let nameStart = k
        while k < bytes.count && (CharacterClass.isASCIIAlnum(bytes[k]) || bytes[k] == 0x5F || bytes[k] == 0x2E || bytes[k] == 0x2D) { k += 1 }
        guard k > nameStart, k - nameStart <= 64 else { return nil }
        while k < bytes.count && bytes[k] == 0x20 { k += 1 }
        guard k + 1 < bytes.count, bytes[k] == 0x7D, bytes[k + 1] == 0x7D, k + 2 == bytes.count || bytes[k + 2] != 0x7D else { return nil }
        return k + 2
    }

    /// A tag's key, from its text (`<g id="1">` → `<g>`).
    static func tag(_ text: String, range: ByteRange) -> Placeholder? {
        placeholders(in: text).first.map { Placeholder(key: $0.key, range: range) }
    }

    /// HTML elements that stand as markup even without attributes or a closing tag in the same message.
    static let htmlElements: Set<String> = [
        "a", "abbr", "b", "big", "blockquote", "br", "center", "cite", "code", "dd", "del", "div", "dl", "dt", "em",
        "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p",
        "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "td", "th", "tr", "tt",
        "u", "ul", "var", "wbr",
    ]

    /// `name="v"`, `name='v'`, `name=v` or bare `name`, separated by white space, from `from` to `to` (exclusive).
    static func hasValidAttributes(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
        var k = from
        var sawAttribute = false
        // Whether some `name=value` follows, found once (not once per bare word: a tag may be long).
        let hasEquals = bytes[from..<max(from, to)].contains(0x3D)
        while k < to {
            while k < to && (bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D) { k += 1 }
            guard k < to else { break }
            let nameStart = k
            while k < to && (CharacterClass.isASCIIAlnum(bytes[k]) || bytes[k] == 0x2D || bytes[k] == 0x3A || bytes[k] == 0x5F) { k += 1 }
            guard k > nameStart else { return false }
            if k < to && bytes[k] == 0x3D {
                k += 1
                guard k < to else { return false }
                if bytes[k] == 0x22 || bytes[k] == 0x27 {
                    let quote = bytes[k]
                    k += 1
                    while k < to && bytes[k] != quote { k += 1 }
                    guard k < to else { return false }
                    k += 1
                } else {
                    while k < to && bytes[k] != 0x20 && bytes[k] != 0x09 { k += 1 }
                }
                sawAttribute = true
            } else if !sawAttribute {
                // A bare word after the name, with no `name=value` anywhere: `<string index too big>`.
                if !hasEquals { return false }
            }
        }
        return true
    }

    /// Printf conversions with positions made explicit: unnumbered ones are numbered in order (`%s %d` →
    /// `%1$s %2$d`) when the other side numbers them, so `%2$s … %1$s` matches `%s … %s` as gettext allows.
    /// A `*` width or precision takes an `int` argument of its own, before the conversion's (`%.*s` takes two;
    /// `%2$.*1$s` takes argument 1 as its precision): each is listed as a `%N$d` of its own.
    /// In Tcl's `format` (PO's `tcl-format`), a numbered directive with a bare `*` (`%4$*i`) takes its width from
    /// argument N and its value from N+1.
    static func positional(_ placeholders: [Placeholder], tcl: Bool = false) -> [Placeholder] {
        var next = 1
        var result: [Placeholder] = []
        for p in placeholders {
            guard p.key.hasPrefix("%"), !p.key.hasPrefix("%("), p.key.count >= 2 else { result.append(p); continue }
            let body = p.key.dropFirst()
            if let dollar = body.firstIndex(of: "$"), body[..<dollar].allSatisfy(\.isNumber), dollar > body.startIndex {
                // Numbered: `*N$` names the int argument of a star.
                let rest = body[body.index(after: dollar)...]
                if tcl, let n = Int(body[..<dollar]), rest.contains("*"), !rest.contains("$") {
                    result.append(Placeholder(key: "%\(n)$d", range: p.range))
                    result.append(Placeholder(key: "%\(n + 1)$" + rest.filter { $0 != "*" }, range: p.range))
                    continue
                }
                var stripped = "%" + body[...dollar]
                var i = rest.startIndex
                while i < rest.endIndex {
                    if rest[i] == "*" {
                        var j = rest.index(after: i)
                        var digits = ""
                        while j < rest.endIndex && rest[j].isNumber { digits.append(rest[j]); j = rest.index(after: j) }
                        if !digits.isEmpty && j < rest.endIndex && rest[j] == "$" {
                            result.append(Placeholder(key: "%\(digits)$d", range: p.range))
                            i = rest.index(after: j)
                            continue
                        }
                    }
                    stripped.append(rest[i])
                    i = rest.index(after: i)
                }
                result.append(Placeholder(key: stripped, range: p.range))
                continue
            }
            for _ in body.filter({ $0 == "*" }) {
                result.append(Placeholder(key: "%\(next)$d", range: p.range))
                next += 1
            }
            result.append(Placeholder(key: "%\(next)$" + body.filter { $0 != "*" }, range: p.range))
            next += 1
        }
        return result
    }

    /// What a printf directive passes to the function: its argument position (when written) and the argument's
    /// type, as gettext's `msgfmt --check-format` compares them for c-format. Flags, width and precision change no
    /// argument (`%06lX` is `%lx`, `%.255s` is `%s`); `x`, `X`, `o` and `u` take the same unsigned integer; glibc's
    /// `Z` is `z` and `q` is `ll`; `%m` takes none (nil). Other keys are returned as they are.
    static func argumentKey(_ key: String) -> String? {
        let scalars = Array(key.utf8)
        guard scalars.count >= 2, scalars[0] == 0x25, scalars[1] != 0x28, key != "%arg" else { return key }
        // `%<PRIx64>` and `%<PRIu64>` take the same unsigned 64-bit argument (as msgfmt reads them): `x`, `X`, `o`
        // and `u` are one, `d` and `i` another.
        if let pri = key.range(of: "<PRI"), pri.upperBound < key.endIndex {
            let letter = key[pri.upperBound]
            let unified: Character = "xXou".contains(letter) ? "u" : letter == "i" ? "d" : letter
            return key[..<pri.upperBound] + String(unified) + key[key.index(after: pri.upperBound)...]
        }
        var k = 1
        var position = ""
        var j = k
        while j < scalars.count && scalars[j] >= 0x30 && scalars[j] <= 0x39 { j += 1 }
        if j > k && j < scalars.count && scalars[j] == 0x24 { position = String(decoding: scalars[k...j], as: UTF8.self); k = j + 1 }
        while k < scalars.count && "-+0# 'I".utf8.contains(scalars[k]) { k += 1 }   // glibc's I: locale digits
        while k < scalars.count && ((scalars[k] >= 0x30 && scalars[k] <= 0x39) || scalars[k] == 0x2A || scalars[k] == 0x2E || scalars[k] == 0x24) { k += 1 }
        var length = ""
        while k < scalars.count && "hlLqjzZt".utf8.contains(scalars[k]) { length.append(Character(Unicode.Scalar(scalars[k]))); k += 1 }
        guard k < scalars.count else { return key }
        length = length.replacingOccurrences(of: "Z", with: "z").replacingOccurrences(of: "q", with: "ll")
        let conversion: String
        switch scalars[k] {
        case 0x64, 0x69: conversion = "d"                       // d i
        case 0x6F, 0x75, 0x78, 0x58: conversion = "u"           // o u x X
        case 0x65, 0x45, 0x66, 0x46, 0x67, 0x47, 0x61, 0x41:    // e E f F g G a A
            conversion = "f"
            if length == "l" { length = "" }                    // `%lf` is `%f`
        case 0x6D: return nil                                   // %m: strerror(errno), no argument
        default: conversion = String(Character(Unicode.Scalar(scalars[k])))
        }
        return "%" + position + length + conversion
    }

    /// Directives of strftime that neither printf nor the custom formats of binutils (`%B`, `%T`, `%H`, `%S` for a
    /// BFD, a symbol…) use: years, minutes, month names, days of the year. A message with one is a date format.
    static let strftimeOnly = Set("YyMbj".utf8)

    /// Whether `text` is a strftime format: it has a directive that printf does not know.
    static func isDateFormat(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x25 {
                if bytes[i + 1] == 0x25 { i += 2; continue }
                var k = i + 1
                while k < bytes.count && "-_0^#EO".utf8.contains(bytes[k]) { k += 1 }   // strftime's flags and modifiers
                // `%-5b` is no date: only flags, no width, before the directive.
                if k < bytes.count && strftimeOnly.contains(bytes[k]) { return true }
            }
            i += 1
        }
        return false
    }

    private static let printfConversions = Set("diouxXeEfFgGaAcspn@m".utf8)
    private static let binutilsConversions = printfConversions.union("BCDGHIPRSTVW".utf8)

    /// Whether `text` is a message of binutils' own printf (ld's `einfo`, BFD's error handler): it uses a
    /// conversion printf does not have, `%P` (the program's name), `%T` (a symbol), `%B` or `%W`, or `%p` before a
    /// capital (`%pB`, `%pA`). There `%F`, `%X`, `%E` and `%P` take no argument (fatal, failed, the BFD error, the
    /// name).
    static func isBinutilsFormat(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        var found = false
        while i + 1 < bytes.count {
            if bytes[i] == 0x25 {
                let next = bytes[i + 1]
                if next == 0x25 { i += 2; continue }
                if next == 0x50 || next == 0x54 || next == 0x42 || next == 0x57 { found = true }
                if next == 0x70 && i + 2 < bytes.count && bytes[i + 2] >= 0x41 && bytes[i + 2] <= 0x5A { found = true }
            }
            i += 1
        }
        return found && !isDateFormat(text)
    }

    /// binutils' directives that take no argument: `%F`, `%X`, `%E`, `%P`.
    static func takesNoArgumentInBinutils(_ key: String) -> Bool {
        guard let last = key.utf8.last else { return false }
        return key.utf8.count == 2 && (last == 0x46 || last == 0x58 || last == 0x45 || last == 0x50)
    }

    /// A letter of an alphabet that writes words apart (Latin, Greek, Cyrillic): after `%-e` it goes on with the
    /// word. Korean and CJK attach particles and counters to a real directive (`%#o로`, `%d个`).
    static func continuesAlphabeticWord(_ scalar: UInt32) -> Bool {
        (scalar >= 0xC0 && scalar <= 0x24F && scalar != 0xD7 && scalar != 0xF7) || (scalar >= 0x370 && scalar <= 0x3FF) || (scalar >= 0x400 && scalar <= 0x52F)
    }

    /// Whether `text` has a metavariable of usage text: `<file>`, `<old-base>`, a bare `<name>` that is no HTML.
    static func hasMetavariable(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while let open = bytes[i...].firstIndex(of: 0x3C) {
            var k = open + 1
            while k < bytes.count && (CharacterClass.isASCIIAlnum(bytes[k]) || bytes[k] == 0x2D || bytes[k] == 0x5F) { k += 1 }
            if k > open + 1, k < bytes.count, bytes[k] == 0x3E, CharacterClass.isASCIILetter(bytes[open + 1]),
               !htmlElements.contains(String(decoding: bytes[(open + 1)..<k], as: UTF8.self).lowercased()) {
                return true
            }
            i = open + 1
        }
        return false
    }

    static func isPositional(_ placeholders: [Placeholder]) -> Bool {
        placeholders.contains { p in
            guard p.key.hasPrefix("%"), let dollar = p.key.firstIndex(of: "$") else { return false }
            return p.key[p.key.index(after: p.key.startIndex)..<dollar].allSatisfy(\.isNumber) && p.key.index(after: p.key.startIndex) < dollar
        }
    }

    /// A `%(name)s` name is at most this long: a `%(` with no `)` soon after is text.
    private static let longestName = 256

    /// The names in `</name>` of `bytes`, as written.
    private static func closingTagNames(_ bytes: [UInt8]) -> Set<ArraySlice<UInt8>> {
        var names = Set<ArraySlice<UInt8>>()
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x3C, bytes[i + 1] == 0x2F else { i += 1; continue }
            var k = i + 2
            while k < bytes.count && (CharacterClass.isASCIIAlnum(bytes[k]) || bytes[k] == 0x2D || bytes[k] == 0x3A || bytes[k] == 0x5F) { k += 1 }
            if k > i + 2 && k < bytes.count && bytes[k] == 0x3E { names.insert(bytes[(i + 2)..<k]) }
            i = k
        }
        return names
    }

    /// Whether the `%` at `i` starts a URL's percent-encoded byte: two hex digits follow, and either the token (the
    /// run of non-spaces around it) is a URL (`://`, `www.`), or the bytes encoded are UTF-8 (`%C3%A9`: a lead byte
    /// and its continuation), which no format string writes.
    static func isPercentEncoding(_ bytes: [UInt8], at i: Int) -> Bool {
        func hex(_ k: Int) -> UInt8? {
            guard k < bytes.count else { return nil }
            switch bytes[k] {
            case 0x30...0x39: return bytes[k] - 0x30
            case 0x41...0x46: return bytes[k] - 0x41 + 10
            case 0x61...0x66: return bytes[k] - 0x61 + 10
            default: return nil
            }
        }
        func value(_ k: Int) -> UInt8? {
            guard k >= 0, k < bytes.count, bytes[k] == 0x25, let a = hex(k + 1), let b = hex(k + 2) else { return nil }
            return a << 4 | b
        }
        guard let byte = value(i) else { return false }
        // UTF-8 encoded: a lead byte with its continuation after it, or a continuation after its lead.
        if byte >= 0xC2 && byte <= 0xF4, let next = value(i + 3), next >= 0x80 && next <= 0xBF { return true }
        if byte >= 0x80 && byte <= 0xBF, let previous = value(i - 3), previous >= 0x80 && previous <= 0xF4 { return true }
        // Inside a URL: the token holds `://` or starts with `www.`.
        // A URL ends at a space, an angle bracket, a quote or a backtick (parentheses may be in it: `Salt_(cryptography)`).
        func ends(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x60 }
        // Looked for at most 2 KiB either side, so a long run of `%41%41…` stays linear.
        var start = i
        while start > max(0, i - 2048) && !ends(bytes[start - 1]) { start -= 1 }
        var end = i
        while end < min(bytes.count, i + 2048) && !ends(bytes[end]) { end += 1 }
        let token = bytes[start..<end]
        if token.starts(with: Array("www.".utf8)) { return true }
        return token.indices.contains { k in k + 2 < token.endIndex && token[k] == 0x3A && token[k + 1] == 0x2F && token[k + 2] == 0x2F }
    }

    /// With `spaceFlag`, `% s` and `% 08lx` are directives with C's space flag, as printf and msgfmt read them; by
    /// default they are text ("35% on" is no "% o"). placeholder-mismatch asks for them only to reconcile a mismatch.
    /// With `binutils`, the conversions of binutils' own formats count too (`%T` a symbol, `%B` a BFD, `%P` the
    /// program's name): see `isBinutilsFormat`. Without `capitalNames`, a directive glued to capitals (`%XPEI`) is a
    /// directive, not a name such as gtk-doc's `%TRUE`; placeholder-mismatch asks so only to reconcile a mismatch.
    static func placeholders(in text: String, tags: Bool = true, spaceFlag: Bool = false, binutils: Bool = false,
                             capitalNames: Bool = true) -> [Placeholder] {
        let conversions = binutils ? Self.binutilsConversions : Self.printfConversions
        let bytes = Array(text.utf8)
        var result: [Placeholder] = []
        var i = 0
        // The names of the closing tags in the text, found on first need: one pass, however many tags ask.
        var closingNames: Set<ArraySlice<UInt8>>?
        func isClosed(_ name: ArraySlice<UInt8>) -> Bool {
            if closingNames == nil { closingNames = Self.closingTagNames(bytes) }
            return closingNames!.contains(name)
        }
        func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x25 {   // printf
                if i + 1 < bytes.count && bytes[i + 1] == 0x25 { i += 2; continue }
                // URL percent-encoding (`wiki/Th%C3%A9or%C3%A8me`, `Salt_%28cryptography%29`) is no directive.
                if Self.isPercentEncoding(bytes, at: i) { i += 3; continue }
                // String Catalogs' `%arg`, a substitution's own argument: one placeholder, not `%a` and `rg`.
                if i + 3 < bytes.count, bytes[i + 1] == 0x61, bytes[i + 2] == 0x72, bytes[i + 3] == 0x67,
                   i + 4 == bytes.count || !CharacterClass.isASCIIAlnum(bytes[i + 4]) {
                    result.append(Placeholder(key: "%arg", range: ByteRange(i, i + 4)))
                    i += 4
                    continue
                }
                var k = i + 1
                if k < bytes.count && bytes[k] == 0x28 {   // %(name)s
                    var j = k + 1
                    while j < bytes.count && j - k <= Self.longestName && bytes[j] != 0x29 && bytes[j] != 0x20 { j += 1 }
                    if j < bytes.count && bytes[j] == 0x29 { k = j + 1 } else { i += 1; continue }
                } else {
                    var j = k
                    while isDigit(j) { j += 1 }
                    if j > k && j < bytes.count && bytes[j] == 0x24 { k = j + 1 }   // %1$
                }
                // No space flag: "35% on" is no "% o". glibc's I (locale digits) and ' (thousands grouping) are.
                while k < bytes.count && ("-+0#I'".utf8.contains(bytes[k]) || (spaceFlag && bytes[k] == 0x20))
                        && !(bytes[k] == 0x27 && k + 1 < bytes.count && bytes[k + 1] == 0x73 && k == i + 1) { k += 1 }
                // Width and precision: digits, or `*` (`*2$` when numbered), which takes an int argument.
                func star() {
                    guard k < bytes.count && bytes[k] == 0x2A else { return }
                    k += 1
                    var j = k
                    while isDigit(j) { j += 1 }
                    if j > k && j < bytes.count && bytes[j] == 0x24 { k = j + 1 }
                }
                star()
                while isDigit(k) { k += 1 }
                if k < bytes.count && bytes[k] == 0x2E { k += 1; star(); while isDigit(k) { k += 1 } }
                // gettext's `%<PRId64>`, `%1$<PRIdMAX>`: a conversion named by an <inttypes.h> macro.
                if k + 4 < bytes.count && bytes[k] == 0x3C && bytes[k + 1] == 0x50 && bytes[k + 2] == 0x52 && bytes[k + 3] == 0x49,
                   let close = bytes[k..<min(bytes.count, k + 16)].firstIndex(of: 0x3E) {
                    // Flags and width change no argument: `%'<PRIuMAX>` (grouped) passes what `%<PRIuMAX>` does.
                    var key = Array(bytes[i...i])
                    var p = i + 1
                    while p < bytes.count && isDigit(p) { p += 1 }
                    if p > i + 1 && p < bytes.count && bytes[p] == 0x24 { key += bytes[(i + 1)...p] }
                    key += bytes[k...close]
                    result.append(Placeholder(key: String(decoding: key, as: UTF8.self), range: ByteRange(i, close + 1)))
                    i = close + 1
                    continue
                }
                // `l` before a floating conversion changes nothing (`%.1lf` is `%.1f`).
                let lengthStart = k
                while k < bytes.count && "hlLqjzZt".utf8.contains(bytes[k]) { k += 1 }
                if k == lengthStart + 1 && bytes[lengthStart] == 0x6C && k < bytes.count && "eEfFgGaA".utf8.contains(bytes[k]) {
                    var key = Array(bytes[i...k])
                    key.remove(at: lengthStart - i)
                    result.append(Placeholder(key: String(decoding: key, as: UTF8.self), range: ByteRange(i, k + 1)))
                    i = k + 1
                    continue
                }
                // `%-encoding`, `100%-effective`: a flag before a letter that goes on as a word is no directive; nor is
                // `%-eкодування`, its translation, where one flag alone stands before the letter.
                let flagged = i + 1 < bytes.count && (bytes[i + 1] == 0x2D || bytes[i + 1] == 0x2B || bytes[i + 1] == 0x23)
                if flagged && k + 1 < bytes.count
                    && ((CharacterClass.isASCIILetter(bytes[k + 1]) && bytes[k + 1] >= 0x61)
                        || (k == i + 2 && bytes[k + 1] >= 0xC0 && Self.continuesAlphabeticWord(bytes.withUnsafeBufferPointer { UTF8Bytes.decode($0, at: k + 1).scalar }))) {
                    i += 1; continue
                }
                // `%TRUE`, `%NULL` (gtk-doc's constants), `%EXP_RAT%` (a pattern's name): a capital and more capitals
                // is a name, not a directive.
                func upper(_ j: Int) -> Bool { j < bytes.count && ((bytes[j] >= 0x41 && bytes[j] <= 0x5A) || bytes[j] == 0x5F) }
                if capitalNames && k == i + 1 && upper(k) && upper(k + 1) && upper(k + 2) { i += 1; continue }
                if k < bytes.count && conversions.contains(bytes[k]) {
                    result.append(Placeholder(key: String(decoding: bytes[i...k], as: UTF8.self), range: ByteRange(i, k + 1)))
                    i = k + 1
                    continue
                }
                i += 1
            } else if b == 0x7B, let end = Self.doubleBraceEnd(bytes, at: i) {
                // `{{ limit }}` (Symfony, Twig, Jinja, Handlebars, i18next): one placeholder, as written. Symfony
                // replaces the exact string, so `{{limit}}` for `{{ limit }}` is a lost parameter.
                result.append(Placeholder(key: String(decoding: bytes[i..<end], as: UTF8.self), range: ByteRange(i, end)))
                i = end
            } else if b == 0x7B {   // {0}, {name}, {count, plural, ...}
                var k = i + 1
                while k < bytes.count && (CharacterClass.isASCIIAlnum(bytes[k]) || bytes[k] == 0x5F || bytes[k] == 0x2E) { k += 1 }
                guard k > i + 1, k < bytes.count, bytes[k] == 0x7D || bytes[k] == 0x2C || bytes[k] == 0x3A else { i += 1; continue }
                var depth = 1, j = i + 1
                while j < bytes.count && depth > 0 { if bytes[j] == 0x7B { depth += 1 } else if bytes[j] == 0x7D { depth -= 1 }; j += 1 }
                let name = String(decoding: bytes[(i + 1)..<k], as: UTF8.self)
                result.append(Placeholder(key: "{\(name)}", range: ByteRange(i, j)))
                i = j
            } else if b == 0x3C && tags {   // tags
                var k = i + 1
                let closing = k < bytes.count && bytes[k] == 0x2F
                if closing { k += 1 }
                let nameStart = k
                while k < bytes.count && (CharacterClass.isASCIIAlnum(bytes[k]) || bytes[k] == 0x2D || bytes[k] == 0x3A || bytes[k] == 0x5F) { k += 1 }
                guard k > nameStart, CharacterClass.isASCIILetter(bytes[nameStart]) else { i += 1; continue }
                var j = k
                while j < bytes.count && bytes[j] != 0x3E && bytes[j] != 0x3C { j += 1 }
                guard j < bytes.count, bytes[j] == 0x3E else { i += 1; continue }
                let name = String(decoding: bytes[nameStart..<k], as: UTF8.self).lowercased()
                let selfClosing = bytes[j - 1] == 0x2F
                // `<file>`, `<Pfad>`, `<string index too big>` in usage text are metavariables and words, not markup:
                // an opening tag counts when it is HTML, has attributes, or is closed in the same text.
                guard k == j || bytes[k] == 0x20 || bytes[k] == 0x2F || bytes[k] == 0x09 || bytes[k] == 0x0A,
                      Self.hasValidAttributes(bytes, from: k, to: selfClosing ? j - 1 : j) else { i += 1; continue }
                if !closing && !selfClosing && k == j && !Self.htmlElements.contains(name)
                    && !isClosed(bytes[nameStart..<k]) {
                    i += 1; continue
                }
                result.append(Placeholder(key: closing ? "</\(name)>" : selfClosing ? "<\(name)/>" : "<\(name)>", range: ByteRange(i, j + 1)))
                // Attribute values may hold placeholders of their own (`<alias value='%s'/>`, `<a href="{url}">`).
                i = k
            } else {
                i += 1
            }
        }
        return result
    }
}
