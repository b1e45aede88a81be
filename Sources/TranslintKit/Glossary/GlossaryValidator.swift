/// Checks that concern the glossary as a whole: entries that would fight each other at lint time.
enum GlossaryValidator {
    /// Throws on the first pair of entries that cannot be matched unambiguously:
    /// two entries with the same target, a rendering forbidden twice, or a forbidden rendering
    /// that is some entry's preferred target.
    static func checkConflicts(_ entries: [GlossaryEntry]) throws {
        var owners: [[UInt8]: (entry: Int, isTarget: Bool)] = [:]
        owners.reserveCapacity(entries.count * 3)
        for (index, entry) in entries.enumerated() {
            let key = CaseMapping.fold(entry.target)
            if let owner = owners[key] {
                throw GlossaryError(location: entry.location, message: owner.isTarget
                    ? "duplicate entry: target '\(entry.target)' is already the target of the entry at \(place(entries[owner.entry]))"
                    : "target '\(entry.target)' is forbidden by the entry at \(place(entries[owner.entry]))")
            }
            owners[key] = (index, true)
        }
        for (index, entry) in entries.enumerated() {
            for rendering in entry.forbidden {
                let key = CaseMapping.fold(rendering)
                if let owner = owners[key] {
                    let other = entries[owner.entry]
                    if owner.isTarget {
                        throw GlossaryError(location: entry.location, message: owner.entry == index
                            ? "forbidden rendering '\(rendering)' is the entry's own target in another case (term-case already fixes the casing of targets)"
                            : "forbidden rendering '\(rendering)' is the target of the entry at \(place(other))")
                    }
                    throw GlossaryError(location: entry.location, message: owner.entry == index
                        ? "forbidden rendering '\(rendering)' is listed twice"
                        : "forbidden rendering '\(rendering)' is already forbidden by the entry at \(place(other))")
                }
                owners[key] = (index, false)
            }
        }
    }

    private static func place(_ entry: GlossaryEntry) -> String {
        entry.location.map { "line \($0.line)" } ?? "'\(entry.target)'"
    }
}
