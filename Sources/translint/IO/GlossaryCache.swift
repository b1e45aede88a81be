import Foundation
import TranslintKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Glossaries for `lint`, through a cache of compiled glossaries (`CompiledGlossary`) under
/// `$XDG_CACHE_HOME/translint` (default `~/.cache/translint`): the first lint with a set of glossary files parses
/// them and runs their examples, and records the result when the examples pass; the next lints with the same
/// files (same paths, same bytes, same build of translint) read the record instead, which skips the YAML and the
/// self-tests and the construction of the term matcher. A record that is missing, corrupt or for other files is ignored and rewritten; a cache that cannot
/// be written costs only speed. Records are written to a temporary file and renamed into place, so a reader never
/// sees half a record. `TRANSLINT_NO_CACHE=1` turns the cache off.
enum GlossaryCache {
    /// The glossary of `files`, merged in order, whose examples pass (else a `GlossaryError` for the first failure),
    /// with its term matcher.
    static func load(files: [String]) throws -> CompiledGlossary {
        let folder = directory()
        // The key reads each file once, holding one at a time (the 65k-entry benchmark glossary is 2 MB of YAML);
        // only a miss reads them again, to parse them.
        var key: String?
        if folder != nil, let build = build() {
            var hasher = CompiledGlossary.Key(build: build)
            for file in files { hasher.add(path: file, bytes: try FileIO.readAll(file)) }
            key = hasher.hex
        }
        let record = key.flatMap { key in folder.map { "\($0)/glossary-\(key).bin" } }
        if let record, let key, let bytes = try? FileIO.readAll(record), let compiled = CompiledGlossary.decode(bytes, key: key) {
            return compiled
        }
        let contents = try files.map { (path: $0, bytes: try FileIO.readAll($0)) }
        let glossaries = try contents.map { file -> Glossary in
            guard let format = GlossaryFormat.forPath(file.path) else {
                throw InputError.unreadable(path: file.path, reason: "not a glossary format translint knows (.yaml, .tbx, .csv, .tsv)")
            }
            return try format.load(file.bytes, file: file.path)
        }
        let glossary = glossaries.isEmpty ? .empty() : try Glossary.merging(glossaries)
        // Like prh: a glossary whose own examples fail would corrupt text; refuse it (and never record it).
        let failures = try GlossaryValidation.exampleFailures(in: glossary)
        if let first = failures.first {
            let more = failures.count > 1 ? " (and \(failures.count - 1) more; run translint glossary test)" : ""
            throw GlossaryError(location: first.location, message: "glossary example fails: \(first.message)\(more)")
        }
        let compiled = CompiledGlossary(glossary)
        // Keyed by the bytes parsed (a file may have changed since it was hashed above).
        if let folder, let build = build(), !files.isEmpty {
            let key = CompiledGlossary.key(build: build, files: contents)
            write(compiled.encode(key: key), to: "\(folder)/glossary-\(key).bin", in: folder)
        }
        return compiled
    }

    /// Where records go, or nil when caching is off or there is no home folder.
    static func directory() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let off = environment["TRANSLINT_NO_CACHE"], !off.isEmpty, off != "0" { return nil }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/translint" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/translint"
    }

    /// This build of translint: its version and its executable's identity (device, inode, size, modification
    /// time), so that a rebuilt or upgraded translint never reads another build's records. Nil (no caching) when
    /// the executable cannot be found.
    static func build() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(Translint.version) \(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Writes `bytes` to `path` atomically (a temporary file in the same folder, renamed); any failure leaves no
    /// file behind and is otherwise ignored.
    private static func write(_ bytes: [UInt8], to path: String, in folder: String) {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let output = Output(fd: fd, name: temporary)
        let written = (try? output.write(bytes)) != nil
        let closed = (try? output.close()) != nil
        if !(written && closed && rename(temporary, path) == 0) { unlink(temporary) }
    }
}
