/// Numbers in the source and the translation that differ.
public struct NumberMismatchCheck: BilingualCheck {
    public static let description = CheckDescription(
        id: "number-mismatch",
        name: "Number mismatch",
        summary: "The source and the translation do not have the same numbers.",
        rationale: """
        A wrong number is the costliest error a translation can make, and machine translation makes it with the \
        units it must convert: 2亿 is 200 million, not 2 billion. Numbers are compared by value: digits of any script, \
        thousands separators and decimal marks, Chinese numerals with 万 (10⁴) and 亿 (10⁸), English number words \
        with scales ("both" is two), percentages (百分之五十 = 50%), and dates (7月31日 = July 31; a month name next to a day counts \
        as its number; an abbreviation like `Jun` only next to a day or year, since `Lei Jun` is a name). The \
        digits of placeholders (`%2$s`, `{0}`) are no numbers. What stays unpaired counts only when written in \
        digits: number words translate into words no list can follow (`both`, `deux`, `兩`), so they are \
        compared only with one another. A 1 is left out, as "one", "a" and 一 are as often an article as a \
        number, and so is a 0 (`none`, `clear`); so are digits glued to a name on the other side (`FILE1` \
        against `<文件1>`), and messages that are notes to translators. What the target language writes its own way \
        pairs with the source, from ICU: its separators (`1.000.000` in German; the Arabic marks `٫` and `٬`, \
        `۲٫۱`; `6,40` for `6.40` even where ICU has no data for the locale, and `1.30` for a source's `1,30`), its number words and ordinals \
        (`dritte` for `3rd`, `двадцать один`), its scale words in any case (Georgian `მილიარდ` for ICU's \
        `მილიარდი`), a two-digit year with its four digits (`12/31/99`, `1999年`), an hour \
        after noon with its 24-hour form (`5 pm`, `17時`). Two neighbouring CJK numerals are an estimate, no number (`一两分钟`, a minute or two). Weak evidence only pairs and never counts alone: digits \
        glued to letters or to a multiple or a base (`3D`, `TLSv1.3`, `4倍`, `16진수`), a single CJK numeral \
        without a measure word (`三方`, three-way). Severity follows the evidence: up to three numbers replaced by others is \
        an error; a number only lost or only added (it may be spelled out or dropped on purpose), many changed at \
        once (a rewritten example), only inside brackets (`(ca. 1050-1350)`, `(17+)`), in a licence notice (translated notices give the \
        licensor's newer address), or a message that is only a number (a template: GTK's widest year `2000`, `8888` in \
        Polish) is info; so is an example the translator wrote anew: a timestamp (`2006-08-14 02:34:56` as \
        `2022-08-14 02:34:56`) or an example's values (after `e.g.`). Several `~N` (top's colour codes) in \
        the source are markup, not numbers. A product written out (`1024×1024` for `1,048,576`), a day and month \
        (`29.2` for `2/29`) and a scale of a scale (`2 mil millones`) pair. Flag only.
        """,
        defaultSeverity: .error,
        isFixable: false,
        mqmCategory: .accuracy,
        mqmSeverity: .major,
        nonTriggering: [
            CheckExample("商家超过2亿。 ‖ Merchants exceed 200 million."),
            CheckExample("销售额增长了百分之三十五。 ‖ Sales rose by 35%."),
            CheckExample("7月31日，两家公司宣布合作。 ‖ On July 31, two companies announced a deal."),
            CheckExample("共有1,234.5万用户。 ‖ There are 12,345,000 users."),
            CheckExample("他们一起去了一家店。 ‖ They went to a shop together."),
            CheckExample("Sales rose 35% on July 31. ‖ 7月31日销售额增长了35%。"),
            CheckExample("Two hundred sellers left. ‖ 两百个卖家离开了。"),
            CheckExample("两家平台都表示将继续投入。 ‖ Both platforms said they will keep investing."),
            CheckExample("Malformed line %u in source list %s ‖ 來源列表 %2$s 中的第 %1$u 行的格式錯誤"),
            CheckExample("Both Shift keys together toggle ShiftLock ‖ 两个 Shift 键同时按下切换 ShiftLock"),
            CheckExample("Compare sorted files FILE1 and FILE2 line by line. ‖ 逐行比较已排序的文件 <文件1> 和 <文件2>。"),
            CheckExample("Bermudian Dollar ‖ 百慕大元"),
            CheckExample("SET %s takes only one argument ‖ SET %s 只接受1个参数"),
            CheckExample("雷军发布了新手机。 ‖ Lei Jun launched a new phone."),
            CheckExample("文件大小为1048576字节。 ‖ The file is 1\u{202F}048\u{202F}576 bytes."),
            CheckExample("two-phase commit requested ‖ 2相コミットが要求されました"),
            CheckExample("2 billion users ‖ 2 milliards d'utilisateurs"),
            CheckExample("In the 4th form, create all components ‖ 在第四种形式中，创建所有组件"),
            CheckExample("Second address: %s ‖ 2番目のアドレス: %s"),
            CheckExample("It takes a minute or two. ‖ 这需要一两分钟。"),
            CheckExample("1,30 ‖ 1.30"),
            CheckExample("print in hexadecimal ‖ 16進数で表示する"),
            CheckExample("some databases have not been vacuumed in over 2 billion transactions ‖ 一部のデータベースは20億トランザクション以上VACUUMされていません"),
            CheckExample("Use a 3-way merge. ‖ 使用三方合并。"),
            CheckExample("Print it twice. ‖ 打印2次。"),
            CheckExample("Supports 3D output. ‖ 支持三维输出。"),
            CheckExample("Enable TLSv1.3 first. ‖ 先启用 TLSv1.3。"),
            CheckExample("Expires 12/31/99. ‖ 1999年12月31日到期。"),
            CheckExample("Starts at 5 pm. ‖ 下午17点开始。"),
            CheckExample("Grows 4 times faster. ‖ 增长快四倍。"),
            CheckExample("must be 0.5 or 1.0 ‖ debe ser 0'5 o 1'0"),                   // an apostrophe as the decimal mark
            CheckExample("Example: 02:34:56 -0600 ‖ Exempel: 10:34:56 +0200"),      // the same instant in another zone
            CheckExample("Tasks:~3 64 ~2total,~3 2 ~2running ‖ 任务:~3 64 ~4总计,~3 2 ~2运行"),         // top's colour codes
        ],
        triggering: [
            CheckExample("商家超过2亿。 ‖ Merchants exceed ↓2 billion."),
            CheckExample("销售额增长了35%。 ‖ ↓Sales rose sharply."),
            CheckExample("7月31日宣布。 ‖ Announced on July ↓30."),
            CheckExample("Sales rose 35% in 2014. ‖ ↓2013年销售额增长了35%。"),
            CheckExample("Example: 02:34:56 -0600 ‖ Example: ↓11:34:56 +0200"),      // not the same instant
            CheckExample("Wait ~5 minutes. ‖ 等待约↓6分钟。"),                           // one `~5` is "about five"
        ],
        corrections: []
    )

    public init() {}

    public func check(_ context: BilingualContext) -> [Finding] {
        // gettext's notes to translators (`10 translator: see trust.c`) ask for a value of the translator's choice.
        if Self.containsASCII("translator", in: context.sourceText) { return [] }
        let sourceExtraction = NumberExtractor.extract(context.sourceText, language: context.sourceLanguage)
        var targetExtraction = NumberExtractor.extract(context.targetText, language: context.targetLanguage)
        // A locale ICU has no data for (Occitan `0,621` for `0.621`): its comma may be the decimal mark. The reading
        // that keeps more of the source's values counts.
        if !NumberWords.of(context.targetLanguage).knowsSeparators, Self.containsASCII(",", in: context.targetText) {
            let commaReading = NumberExtractor.extract(context.targetText, language: context.targetLanguage, decimalComma: true)
            let values = Set(sourceExtraction.mentions.map { NumberExtractor.key($0.value) })
            func kept(_ e: NumberExtractor.Extraction) -> Int { e.mentions.filter { values.contains(NumberExtractor.key($0.value)) }.count }
            if kept(commaReading) > kept(targetExtraction) { targetExtraction = commaReading }
        }
        var source = sourceExtraction.mentions
        var target = ByteRange.outside(context.protected, targetExtraction.mentions, range: \.range)
        // Colour and attribute codes (top's `~1`, `~2` in `Tasks:~3 64 ~2total`): markup, when the source uses
        // several of them; a single `~5` is "about five".
        if Self.markerCount(context.sourceText) >= 3 {
            source.removeAll { Self.isMarker($0, in: context.sourceText) }
            target.removeAll { Self.isMarker($0, in: context.targetText) }
        }
        var remaining: [Double: Int] = [:]
        for m in source { remaining[NumberExtractor.key(m.value), default: 0] += 1 }
        var extraAll: [NumberExtractor.Mention] = []
        for m in target {
            let key = NumberExtractor.key(m.value)
            if let n = remaining[key], n > 0 { remaining[key] = n - 1 } else { extraAll.append(m) }
        }
        var missingAll = source.filter { m in
            let key = NumberExtractor.key(m.value)
            guard let n = remaining[key], n > 0 else { return false }
            remaining[key] = n - 1
            return true
        }
        Self.pairLocalized(&missingAll, &extraAll, source: context.sourceText, target: context.targetText)
        // What is left unpaired counts only on good evidence: a number written in digits (words translate into
        // words no list can follow: `both`, `deux`, `兩`), other than 1 (as often an article: `a`, `single`, `1つ`),
        // and not a number the other side glues to a name (`FILE1` against `<文件1>`).
        let wordsOnBothSides = missingAll.contains { $0.isWord } && extraAll.contains { $0.isWord }
        func counts(_ m: NumberExtractor.Mention, other: NumberExtractor.Extraction) -> Bool {
            !m.isWeak && (!m.isWord || wordsOnBothSides) && m.value != 1 && m.value != 0 && !other.gluedValues.contains(m.value)
        }
        let lost = missingAll.filter { counts($0, other: targetExtraction) }
        let added = extraAll.filter { counts($0, other: sourceExtraction) }
        guard !lost.isEmpty || !added.isEmpty else { return [] }
        var parts: [String] = []
        if !lost.isEmpty { parts.append("the source has \(list(lost)), missing from the translation") }
        if !added.isEmpty { parts.append("the translation has \(list(added)), not in the source") }
        let range = added.first?.range ?? context.wholeTarget
        // A number replaced by another is the costly error. A number only lost or only added is weak evidence: it
        // may be spelled out, localized or dropped on purpose (info). So is a unit where many numbers changed at once
        // (an example the translator rewrote: 2:35 PM as 14:35), numbers only inside brackets (`(ca. 1050-1350)`), and a
        // licence notice.
        let inBrackets = lost.allSatisfy { Self.isInBrackets($0.range, context.sourceText) } && added.allSatisfy { Self.isInBrackets($0.range, context.targetText) }
        let replaced = !lost.isEmpty && !added.isEmpty && lost.count <= 3 && added.count <= 3
        // A licence notice in its licensor's translation may give another address or version (the FSF moved). A
        // message that is only a number is a value for the translator to choose (GTK's year template `2000`, which
        // Polish writes `8888`, its widest year). An example the translator wrote anew is theirs too.
        let onlyNumber = Self.isOnlyNumber(context.sourceText) && Self.isOnlyNumber(context.targetText)
        let severity: Severity = replaced && !inBrackets && !onlyNumber && !LegalNotice.isNotice(context.sourceText)
            && !Self.isRewrittenExample(lost: lost, added: added, source: context.sourceText, target: context.targetText) ? .error : .info
        return [Finding(rule: Self.description.id, severity: severity,
                        message: "numbers differ: " + parts.joined(separator: "; "), range: range)]
    }

    /// Pairs what locales write differently: a two-digit year with its four digits (`12/31/99` and `1999年`), an
    /// hour after noon with its 24-hour form (`5 pm` and `17時`).
    /// The first `HH:MM[:SS] ±HHMM` (or `±HH:MM`) in `text`: the hour, the minutes (and seconds) as written, the
    /// offset in minutes and as its digits read as a number (`-0600` → 600).
    static func zonedTime(in text: String) -> (hour: Int, minutes: String, offset: Int, offsetText: Int)? {
        let s = Array(text.unicodeScalars)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at >= 0, at + n <= s.count, s[at..<(at + n)].allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) else { return nil }
            return Int(String(String.UnicodeScalarView(s[at..<(at + n)])))
        }
        var i = 0
        while i + 4 < s.count {
            defer { i += 1 }
            guard s[i] == ":", let minute = digits(i + 1, 2) else { continue }
            let hourWidth = digits(i - 2, 2) != nil ? 2 : 1
            guard let hour = digits(i - hourWidth, hourWidth), hour < 24, minute < 60 else { continue }
            var j = i + 3
            var minutes = String(format: "%02d", minute)
            if j + 2 < s.count, s[j] == ":", let second = digits(j + 1, 2) { minutes += ":\(second)"; j += 3 }
            while j < s.count && s[j] == " " { j += 1 }
            guard j < s.count, s[j] == "+" || s[j] == "-" else { continue }
            let sign = s[j] == "-" ? -1 : 1
            if let hh = digits(j + 1, 2), let mm = digits(j + 3, 2) { return (hour, minutes, sign * (hh * 60 + mm), hh * 100 + mm) }
            if let hh = digits(j + 1, 2), j + 3 < s.count, s[j + 3] == ":", let mm = digits(j + 4, 2) { return (hour, minutes, sign * (hh * 60 + mm), hh * 100 + mm) }
        }
        return nil
    }

    /// Whether `text` holds `needle`, ASCII letters compared without case (Foundation's case-insensitive search
    /// cost a third of checking a catalog).
    static func containsASCII(_ needle: String, in text: String) -> Bool {
        let bytes = Array(needle.utf8)
        return text.utf8.withContiguousStorageIfAvailable { ByteSearch.contains(bytes, in: $0, ignoringASCIICase: true) }
            ?? ByteSearch.contains(bytes, in: Array(text.utf8), ignoringASCIICase: true)
    }

    static func pairLocalized(_ missing: inout [NumberExtractor.Mention], _ extra: inout [NumberExtractor.Mention], source: String, target: String) {
        // Written the same on both sides (`0,254`): the same token, whatever each locale reads in it.
        missing.removeAll { m in
            guard let k = extra.firstIndex(where: { $0.text == m.text }) else { return false }
            extra.remove(at: k)
            return true
        }
        // `3,7` in a locale whose decimal mark is a comma may still be a list (`3, 7`): read so when both numbers are
        // in the source.
        extra.removeAll { e in
            let parts = e.text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count >= 2, parts.allSatisfy({ $0 != nil }) else { return false }
            var left = missing
            for part in parts.compactMap({ $0 }) where part != 0 && part != 1 {
                guard let k = left.firstIndex(where: { $0.value == part }) else { return false }
                left.remove(at: k)
            }
            missing = left
            return true
        }
        guard !missing.isEmpty && !extra.isEmpty else { return }
        // `6.40` as `6,40` where the locale data does not say the decimal mark is a comma (Occitan): the integer and
        // the fraction, read apart on the translation's side, are the source's decimal with the other mark, side by
        // side. The fraction may be absent only where the extractor leaves its value out (0 and 1).
        if missing.contains(where: { $0.text.contains(".") }) {
            let targetBytes = Array(target.utf8)
            missing.removeAll { m in
                let halves = m.text.split(separator: ".", omittingEmptySubsequences: false)
                guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty, halves[1].count != 3 else { return false }
                let fractionBytes = Array(halves[1].utf8)
                guard let whole = extra.firstIndex(where: { e in
                    e.text == halves[0] && e.range.end < targetBytes.count && targetBytes[e.range.end] == 0x2C
                        && targetBytes[(e.range.end + 1)...].starts(with: fractionBytes)
                        && !(e.range.end + 1 + fractionBytes.count < targetBytes.count
                             && targetBytes[e.range.end + 1 + fractionBytes.count] >= 0x30 && targetBytes[e.range.end + 1 + fractionBytes.count] <= 0x39)
                }) else { return false }
                let fractionStart = extra[whole].range.end + 1
                if let fraction = extra.firstIndex(where: { $0.range.start == fractionStart }) {
                    extra.remove(at: fraction)
                    if fraction < whole { extra.remove(at: whole - 1) } else { extra.remove(at: whole) }
                } else if let value = Double(halves[1]), value == 0 || value == 1 {
                    extra.remove(at: whole)
                } else {
                    return false
                }
                return true
            }
        }
        guard !missing.isEmpty && !extra.isEmpty else { return }
        // The mirror: a source that writes a decimal comma (`1,30`, two numbers to an English reader) and a
        // translation with a decimal point (`1.30`): the same digits with the other mark, one value.
        if extra.contains(where: { $0.text.contains(".") }) {
            let sourceBytes = Array(source.utf8)
            func isDigit(_ k: Int) -> Bool { k >= 0 && k < sourceBytes.count && sourceBytes[k] >= 0x30 && sourceBytes[k] <= 0x39 }
            extra.removeAll { e in
                let halves = e.text.split(separator: ".", omittingEmptySubsequences: false)
                guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty, halves[1].count != 3 else { return false }
                let written = Array((halves[0] + "," + halves[1]).utf8)
                var from = 0, found: Int?
                while found == nil, let k = ByteSearch.firstIndex(of: written, in: sourceBytes, from: from) {
                    if !isDigit(k - 1) && !isDigit(k + written.count) { found = k } else { from = k + 1 }
                }
                guard let start = found else { return false }
                let region = ByteRange(start, start + written.count)
                let paired = missing.filter { region.contains($0.range.start) }
                guard !paired.isEmpty else { return false }
                missing.removeAll { region.contains($0.range.start) }
                return true
            }
        }
        guard !missing.isEmpty && !extra.isEmpty else { return }
        // Korean 만 after digits is ten thousand (`3만 명`) or the particle "only" (`버전 3만`, version 3 only): read
        // as the particle when the source has the bare number.
        extra.removeAll { e in
            guard e.text.hasSuffix("만"), let k = missing.firstIndex(where: { $0.value * 1e4 == e.value }) else { return false }
            missing.remove(at: k)
            return true
        }
        guard !missing.isEmpty && !extra.isEmpty else { return }
        // An example time moved to the translator's time zone (`02:34:56 -0600` and `10:34:56 +0200`): the same
        // instant, so its hours and offsets pair.
        if let a = Self.zonedTime(in: source), let b = Self.zonedTime(in: target), a.minutes == b.minutes,
           ((a.hour * 60 - a.offset) - (b.hour * 60 - b.offset)) % (24 * 60) == 0, a.hour != b.hour {
            for (list, time) in [(0, a), (1, b)] {
                for value in [Double(time.hour), Double(time.offsetText), Double(time.offsetText / 100)] {
                    if list == 0, let k = missing.firstIndex(where: { $0.value == value }) { missing.remove(at: k) }
                    if list == 1, let k = extra.firstIndex(where: { $0.value == value }) { extra.remove(at: k) }
                }
            }
        }
        // A product the translation writes out (`1,048,576` as `1024×1024`).
        extra.sort { $0.range < $1.range }
        var p = 0
        while p + 1 < extra.count {
            let a = extra[p], b = extra[p + 1]
            let gap = Array(target.utf8)[min(a.range.end, target.utf8.count)..<min(b.range.start, target.utf8.count)]
            let times = gap.elementsEqual([0xC3, 0x97]) || gap.elementsEqual([0x2A]) || gap.elementsEqual([0x20, 0xC3, 0x97, 0x20]) || gap.elementsEqual([0x20, 0x2A, 0x20])
            if times, let k = missing.firstIndex(where: { $0.value == a.value * b.value }) {
                missing.remove(at: k)
                extra.removeSubrange(p...(p + 1))
            } else {
                p += 1
            }
        }
        // A day and month the locale writes `29.2` or `29.02.` (the source's `2/29`): one mention to the extractor.
        extra.removeAll { e in
            let parts = e.text.split(separator: ".", omittingEmptySubsequences: true).compactMap { Int($0) }
            guard parts.count == 2, e.text.split(separator: ".").count == 2, parts[0] >= 1, parts[0] <= 31, parts[1] >= 1, parts[1] <= 12,
                  let d = missing.firstIndex(where: { $0.value == Double(parts[0]) }) else { return false }
            var left = missing
            left.remove(at: d)
            guard let m = left.firstIndex(where: { $0.value == Double(parts[1]) }) else { return false }
            left.remove(at: m)
            missing = left
            return true
        }
        guard !missing.isEmpty && !extra.isEmpty else { return }
        let afternoon = [source, target].contains { text in
            ["pm", "p.m.", "午後", "下午", "오후"].contains { Self.containsASCII($0, in: text) }
        }
        var k = 0
        while k < missing.count {
            let v = missing[k].value
            let partner = extra.firstIndex { e in
                (v >= 0 && v < 100 && v == v.rounded() && (e.value == 1900 + v || e.value == 2000 + v))
                    || (e.value >= 0 && e.value < 100 && e.value == e.value.rounded() && (v == 1900 + e.value || v == 2000 + e.value))
                    || (afternoon && ((v >= 1 && v <= 12 && e.value == v + 12) || (e.value >= 1 && e.value <= 12 && v == e.value + 12)))
            }
            if let partner {
                extra.remove(at: partner)
                missing.remove(at: k)
            } else {
                k += 1
            }
        }
    }

    /// How many `~` followed by a digit `text` has.
    static func markerCount(_ text: String) -> Int {
        var count = 0, afterTilde = false
        for b in text.utf8 {
            if afterTilde && b >= 0x30 && b <= 0x39 { count += 1 }
            afterTilde = b == 0x7E
        }
        return count
    }

    /// Whether `m` is one digit right after a `~`.
    static func isMarker(_ m: NumberExtractor.Mention, in text: String) -> Bool {
        guard m.range.length == 1, m.range.start > 0 else { return false }
        let before = text.utf8.withContiguousStorageIfAvailable { $0[m.range.start - 1] } ?? Array(text.utf8)[m.range.start - 1]
        return before == 0x7E
    }

    /// Whether the replaced numbers are an example the translator wrote anew: a timestamp (`Mon, 14 Aug 2006
    /// 02:34:56` as `Paz, 14 Ağu 2022 02:34:56`), or an example's values (`e.g. 1-3,7,11` as `z.B. 5-11,19,85`).
    static func isRewrittenExample(lost: [NumberExtractor.Mention], added: [NumberExtractor.Mention], source: String, target: String) -> Bool {
        func inside(_ m: NumberExtractor.Mention, _ regions: [ByteRange]) -> Bool {
            regions.contains { $0.start <= m.range.start && m.range.end <= $0.end }
        }
        let sourceTimes = timestampRegions(source)
        if !sourceTimes.isEmpty, lost.allSatisfy({ inside($0, sourceTimes) }), case let targetTimes = timestampRegions(target),
           added.allSatisfy({ inside($0, targetTimes) }) { return true }
        let examples = exampleStarts(source)
        let bytes = Array(source.utf8)
        return !examples.isEmpty && lost.allSatisfy { m in
            examples.contains { $0 <= m.range.start && m.range.start - $0 <= 24 && !bytes[$0..<m.range.start].contains(0x0A) }
        }
    }

    /// The byte ranges of timestamps in `text`: a time (`02:34:56`) with up to 24 bytes of date before it
    /// (`Mon, 14 Aug 2006 `, `2006-08-14 `) and its zone after it (` -0600`, `-06:00`).
    static func timestampRegions(_ text: String) -> [ByteRange] {
        let bytes = Array(text.utf8)
        func digit(_ k: Int) -> Bool { k >= 0 && k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        var regions: [ByteRange] = []
        var i = 1
        while i + 2 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == 0x3A, digit(i - 1), digit(i + 1), digit(i + 2), !digit(i + 3) else { continue }
            var start = i - 1
            while start > 0 && digit(start - 1) { start -= 1 }
            var end = i + 3
            if end + 2 < bytes.count && bytes[end] == 0x3A && digit(end + 1) && digit(end + 2) { end += 3 }
            // The zone: ` -0600`, `+02:00`, `Z`.
            var z = end
            while z < bytes.count && bytes[z] == 0x20 && z - end < 2 { z += 1 }
            if z < bytes.count && (bytes[z] == 0x2B || bytes[z] == 0x2D) && digit(z + 1) && digit(z + 2) {
                z += 3
                if z < bytes.count && bytes[z] == 0x3A { z += 1 }
                while digit(z) && z - end < 10 { z += 1 }
                end = z
            }
            var lineStart = start
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A && start - lineStart < 24 { lineStart -= 1 }
            regions.append(ByteRange(lineStart, end))
            i = end
        }
        return regions
    }

    /// Where examples begin in `text`: right after each `e.g.`, `for example`, `Example:` or `for instance`. An
    /// example's values are the ones within a few words after it, on its line.
    static func exampleStarts(_ text: String) -> [Int] {
        let bytes = Array(text.utf8)
        var starts: [Int] = []
        for marker in ["e.g.", "for example", "example:", "for instance"] {
            let needle = Array(marker.utf8)
            var from = 0
            while let at = ByteSearch.firstIndex(of: needle, in: bytes, from: from, ignoringASCIICase: true) {
                starts.append(at + needle.count)
                from = at + 1
            }
        }
        return starts
    }

    /// Whether `text` is one number and nothing else (`2000`), spaces aside.
    static func isOnlyNumber(_ text: String) -> Bool {
        var digits = 0
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if b != 0x20 && b != 0x0A && b != 0x09 { return false }
        }
        return digits > 0
    }

    /// Whether `range` of `text` lies inside round brackets (ASCII or full-width).
    static func isInBrackets(_ range: ByteRange, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var depth = 0
        var i = min(range.start, bytes.count) - 1
        while i >= 0 {
            if bytes[i] == 0x29 { depth += 1 } else if bytes[i] == 0x28 { if depth == 0 { break } else { depth -= 1 } }
            // （ U+FF08 is EF BC 88, ） U+FF09 is EF BC 89.
            if i >= 2 && bytes[i - 2] == 0xEF && bytes[i - 1] == 0xBC && bytes[i] == 0x88 { if depth == 0 { break } else { depth -= 1 } }
            if i >= 2 && bytes[i - 2] == 0xEF && bytes[i - 1] == 0xBC && bytes[i] == 0x89 { depth += 1 }
            i -= 1
        }
        guard i >= 0 else { return false }
        var j = range.end
        depth = 0
        while j < bytes.count {
            if bytes[j] == 0x28 || (j + 2 < bytes.count && bytes[j] == 0xEF && bytes[j + 1] == 0xBC && bytes[j + 2] == 0x88) { depth += 1 }
            if bytes[j] == 0x29 || (j + 2 < bytes.count && bytes[j] == 0xEF && bytes[j + 1] == 0xBC && bytes[j + 2] == 0x89) {
                if depth == 0 { return true }
                depth -= 1
            }
            j += 1
        }
        return false
    }

    /// The first few numbers, and how many more: a unit of thousands of numbers gets a message of one line.
    private func list(_ mentions: [NumberExtractor.Mention]) -> String {
        let shown = mentions.prefix(Self.listed).map(describe).joined(separator: ", ")
        return mentions.count > Self.listed ? shown + " and \(mentions.count - Self.listed) more" : shown
    }

    private static let listed = 8

    private func describe(_ m: NumberExtractor.Mention) -> String {
        let value = JSONValue.format(m.value)
        return m.text == value ? "'\(m.text)'" : "'\(m.text)' (\(grouped(value)))"
    }

    private func grouped(_ value: String) -> String {
        guard !value.contains("."), !value.contains("e"), value.count > 4 else { return value }
        var out = ""
        for (k, c) in value.reversed().enumerated() {
            if k > 0 && k % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
