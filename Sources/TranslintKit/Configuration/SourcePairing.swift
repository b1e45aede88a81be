/// Where the source of a plain-text or Markdown translation lies, declared in `.translint.yml`:
///
/// ```yaml
/// sources:
///   - translation: "docs/en/**/*.md"
///     source: "docs/zh/{rest}"           # docs/en/guide/a.md → docs/zh/guide/a.md
///   - translation: "**/*.en.txt"
///     source: "{dir}/{stem}.zh.txt"      # notes/a.en.txt → notes/a.zh.txt
/// ```
///
/// The first rule whose `translation` pattern matches a file's path (relative to the configuration's folder)
/// names its source; the bilingual checks then run as with `--source`. Placeholders: `{path}` the translation's
/// path, `{dir}` its folder (`.` at the top), `{name}` its file name, `{stem}` the name before its first `.`,
/// `{rest}` the path after the pattern's fixed folders (those before the first wildcard).
public struct SourcePairing: Hashable, Sendable {
    public var translation: Glob
    public var source: String

    public static let placeholders = ["{path}", "{dir}", "{name}", "{stem}", "{rest}"]

    public init(translation: String, source: String) {
        self.translation = Glob(translation)
        self.source = source
    }

    /// The source's path (relative to the configuration's folder) for the translation at `path`, or nil when the
    /// pattern does not match.
    public func sourcePath(for path: String) -> String? {
        guard translation.matches(path) else { return nil }
        let parts = path.split(separator: "/").map(String.init)
        let name = parts.last ?? path
        let dir = parts.count > 1 ? parts.dropLast().joined(separator: "/") : "."
        let stem = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? name
        let fixed = translation.pattern.split(separator: "/").prefix { !$0.contains(where: { "*?[".contains($0) }) }
        let rest = parts.count > fixed.count ? parts.dropFirst(fixed.count).joined(separator: "/") : name
        var out = source
        for (key, value) in [("{path}", path), ("{dir}", dir), ("{name}", name), ("{stem}", stem), ("{rest}", rest)] {
            out = out.replacingAll(key, value)
        }
        return out
    }
}
