/// Licence and warranty notices: boilerplate that translations keep in the original on purpose, or paste in the
/// licensor's own translation (with its own address and version numbers). Shared by untranslated and number-mismatch.
enum LegalNotice {
    /// Whether `text` is (part of) such a notice.
    static func isNotice(_ text: String) -> Bool {
        // Notices are long; most messages are not, and skip the searches.
        guard text.utf8.count >= 80 else { return false }
        let markers = ["General Public License", "WITHOUT ANY WARRANTY", "Permission is hereby granted", "Apache License",
                       "Free Software Foundation", "Creative Commons", "THE SOFTWARE IS PROVIDED", "Mozilla Public License"]
        return markers.contains { text.contains($0) }
    }
}
