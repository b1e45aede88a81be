/// Checks that concern the glossary as a whole: entries that would fight each other at lint time; and what every
/// reader demands of one entry, so that whatever loads in one format converts to every other and loads again.
enum GlossaryValidator {
    /// What is wrong with `entry` as every format reads it, or nil: each text has something in it, the target, each
    /// forbidden rendering and each context word a letter or digit, and context words and what a rendering says
    /// alone belong to renderings the entry has, context words only to ambiguous ones. Values are as the readers
    /// leave them, trimmed of ASCII spaces, line breaks and U+FEFF.
    static func entryProblem(_ entry: GlossaryEntry) -> String? {
        func hasWord(_ text: String) -> Bool { text.unicodeScalars.contains { CharacterClass.isAlnum($0.value) } }
        func isBlank(_ text: String) -> Bool { text.trimmingCharacters(in: .glossaryValue).isEmpty }
        if let source = entry.source, isBlank(source) { return "'source' must not be empty" }
        guard hasWord(entry.target) else { return "target '\(entry.target)' has no letter or digit" }
        for rendering in entry.forbidden where !hasWord(rendering) {
            return "forbidden rendering '\(rendering)' has no letter or digit, so it can never match a word"
        }
        if let note = entry.note, isBlank(note) { return "'note' must not be empty" }
        for example in entry.examples {
            if isBlank(example.text) { return "an example's 'text' must not be empty" }
            if let fixed = example.fixed, isBlank(fixed) { return "an example's 'fixed' must not be empty" }
            if let source = example.source, isBlank(source) { return "an example's 'source' must not be empty" }
        }
        for word in entry.context + entry.renderings.values.flatMap(\.context) where !hasWord(word) {
            return "context word '\(word)' has no letter or digit"
        }
        for rendering in entry.renderings.keys.sorted() {
            guard let k = entry.forbidden.firstIndex(of: rendering) else {
                return "'\(rendering)' is not one of the entry's forbidden renderings, so nothing can be said of it alone"
            }
            if !(entry.renderings[rendering]?.context.isEmpty ?? true) && !entry.isAmbiguous(k) {
                return "'context' of '\(rendering)' is used only when the rendering is ambiguous"
            }
        }
        if !entry.context.isEmpty && !entry.hasAmbiguousRendering && !entry.hasAmbiguousTarget && !DerivedRenderings.readsCharacters(entry) {
            return "'context' is used only for ambiguous renderings, and for names whose characters have readings: say that the entry or one of its renderings is ambiguous"
        }
        return nil
    }

    /// Throws on the first pair of entries that cannot be matched unambiguously:
    /// two entries with the same target, a rendering forbidden twice, or a forbidden rendering
    /// that is some entry's preferred target.
    static func checkConflicts(_ entries: [GlossaryEntry]) throws {
        if let first = conflicts(entries, stopAtFirst: true).first { throw first }
    }

    /// Every such conflict (`glossary validate` reports them all).
    static func conflicts(_ entries: [GlossaryEntry], stopAtFirst: Bool = false) -> [GlossaryError] {
        var found: [GlossaryError] = []
        func report(_ error: GlossaryError) -> Bool {
            found.append(error)
            return stopAtFirst
        }
        var owners: [[UInt8]: (entry: Int, isTarget: Bool)] = [:]
        owners.reserveCapacity(entries.count * 3)
        for (index, entry) in entries.enumerated() {
            let key = CaseMapping.fold(entry.target)
            if let owner = owners[key] {
                if report(GlossaryError(location: entry.location, message: owner.isTarget
                    ? "duplicate entry: target '\(entry.target)' is already the target of the entry at \(place(entries[owner.entry], from: entry))"
                    : "target '\(entry.target)' is forbidden by the entry at \(place(entries[owner.entry], from: entry))")) { return found }
                continue
            }
            owners[key] = (index, true)
        }
        for (index, entry) in entries.enumerated() {
            for rendering in entry.forbidden {
                let key = CaseMapping.fold(rendering)
                if let owner = owners[key] {
                    let other = entries[owner.entry]
                    // With case_sensitive: true, renderings that differ in case are distinct (`blog` and `Blog`).
                    if owner.entry == index && !owner.isTarget && entry.matchesForbiddenExactly
                        && entry.forbidden.filter({ $0 == rendering }).count == 1 { continue }
                    let message: String
                    if owner.isTarget {
                        let cycle = other.forbidden.contains { CaseMapping.fold($0) == CaseMapping.fold(entry.target) }
                        message = owner.entry == index
                            ? "forbidden rendering '\(rendering)' is the entry's own target in another case (term-case already fixes the casing of targets)"
                            : cycle
                            ? "fix cycle: this entry fixes '\(rendering)' to '\(entry.target)', and the entry at \(place(other, from: entry)) fixes '\(entry.target)' back to '\(other.target)'"
                            : "forbidden rendering '\(rendering)' is the target of the entry at \(place(other, from: entry))"
                    } else {
                        message = owner.entry == index
                            ? "forbidden rendering '\(rendering)' is listed twice"
                            : "forbidden rendering '\(rendering)' is already forbidden by the entry at \(place(other, from: entry))"
                    }
                    if report(GlossaryError(location: entry.location, message: message)) { return found }
                    continue
                }
                owners[key] = (index, false)
            }
        }
        return found
    }

    /// Where `entry` is, for a message about `reported`: `line N` in the same file (the message starts with
    /// that file), `file:line` when the two come from different glossary files.
    static func place(_ entry: GlossaryEntry, from reported: GlossaryEntry? = nil) -> String {
        guard let location = entry.location else { return "'\(entry.target)'" }
        return reported == nil || location.file == reported?.location?.file ? "line \(location.line)" : "\(location)"
    }
}
