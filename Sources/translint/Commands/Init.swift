import ArgumentParser
import Foundation
import TranslintKit

/// `translint init`: a commented `.translint.yml` for the translations in a folder, from what the files say.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .translint.yml for the translations in a folder.",
        discussion: """
        The languages come from the files (a PO header's Language, XLIFF's source and target language, a String \
        Catalog's source language) or from --source-language and --target-language; a shipped glossary for the pair \
        is named when there is one (zh-en); include patterns cover the translations found. An existing \
        .translint.yml is left alone unless --force.
        """)

    @Argument(help: "The folder (default: the current one).", completion: .directory)
    var folder: String = "."

    @Option(help: ArgumentHelp("The language translated from (BCP 47), when the files do not say.", valueName: "tag"))
    var sourceLanguage: String?

    @Option(help: ArgumentHelp("The language translated into (BCP 47), when the files do not say.", valueName: "tag"))
    var targetLanguage: String?

    @Flag(help: "Replace an existing .translint.yml.")
    var force = false

    func run() throws {
        let path = (folder as NSString).appendingPathComponent(".translint.yml")
        if FileManager.default.fileExists(atPath: path) && !force {
            throw InputError.unwritable(path: path, reason: "it exists already; --force replaces it")
        }
        let files = try FileWalker(configuration: Configuration(root: folder), translationsOnly: true).expand([folder])
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let relative = files.map { base == "." ? $0 : String($0.dropFirst(base.count + 1)) }
        // What the files say of their languages, the most frequent first.
        var sources: [String: Int] = [:], targets: [String: Int] = [:]
        for file in files {
            guard let format = BilingualFile.Format.forPath(file), let bytes = try? FileIO.readAll(file),
                  let parsed = try? BilingualFile.parse(bytes, path: file, format: format) else { continue }
            if let source = parsed.sourceLanguage, !source.isEmpty { sources[source, default: 0] += 1 }
            if let target = parsed.targetLanguage, !target.isEmpty { targets[target, default: 0] += 1 }
            // gettext catalogs are written from English source strings unless they say otherwise.
            if format == .po && parsed.sourceLanguage == nil { sources["en", default: 0] += 1 }
        }
        let source = sourceLanguage ?? sources.max { $0.value < $1.value }?.key
        let target = targetLanguage ?? targets.max { $0.value < $1.value }?.key
        var glossary: String?
        if let source, let target {
            let name = "\(Glossary.baseLanguage(source))-\(Glossary.baseLanguage(target))"
            if GlossaryFiles.shipped(named: name) != nil { glossary = name }
        }
        // One pattern per folder and extension of the translations found.
        var patterns: [String] = []
        for file in relative {
            let folderPart = (file as NSString).deletingLastPathComponent
            let ext = (file as NSString).pathExtension
            let pattern = folderPart.isEmpty ? "*.\(ext)" : "\(folderPart)/**/*.\(ext)"
            if !patterns.contains(pattern) && !patterns.contains(where: { pattern.hasPrefix(($0 as NSString).deletingLastPathComponent.replacingOccurrences(of: "/**", with: "") + "/") && $0.hasSuffix(".\(ext)") && $0.contains("/**/") }) {
                patterns.append(pattern)
            }
        }
        var text = """
            # translint's configuration (written by `translint init`; see `translint config --print` for every setting).
            # `translint` with no paths checks what `include` names, with the glossaries below.
            version: 1

            """
        if let source { text += "source_language: \(source)        # the language translated from\n" } else { text += "# source_language: en       # the language translated from (the files do not say)\n" }
        if let target { text += "target_language: \(target)        # the language translated into\n" } else { text += "# target_language: de       # the language translated into (the files do not say)\n" }
        text += "\n"
        if let glossary {
            text += "# A shipped glossary for this language pair; add your own files or folders after it.\nglossaries: [\(glossary)]\n\n"
        } else {
            text += "# Glossaries: files or folders of terms (YAML, TBX, CSV); `translint glossary add` starts one.\n# glossaries: [glossary.yaml]\n\n"
        }
        if patterns.isEmpty {
            text += "# No translation found: list what to check.\n# include: [\"docs/**/*.md\"]\n"
        } else {
            text += "# The translations found (\(files.count) file\(files.count == 1 ? "" : "s")).\ninclude: [\(patterns.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
        }
        text += "# exclude: [\"docs/drafts/**\"]\n# fail_level: warning           # error, warning or info: the least severe finding that fails a run\n"
        try FileIO.writeAtomically(text, to: path)
        Diagnostics.note("wrote \(path): \(files.count) translation\(files.count == 1 ? "" : "s")" + (source.map { ", \($0)" } ?? "") + (target.map { " → \($0)" } ?? "") + (glossary.map { ", glossary \($0)" } ?? ""))
    }
}
