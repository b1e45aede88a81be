/// Checks that concern the glossary as a whole: entries that would fight each other at lint time.
enum GlossaryValidator {
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
