/// A glossary as loaded from its files (parsed, merged, conflict-checked) and with its examples passing, in the
/// compact binary form a cache keeps, so that the next lint with the same files skips the YAML and the self-tests.
///
/// The key covers everything the result depends on: the build of translint that wrote it (`build`, which the
/// caller derives from its executable), this format's version, and each file's path and bytes. A record holds its
/// own key and is used only when it decodes and the key matches, so a truncated, corrupt or foreign file is
/// ignored, never trusted.
public enum CompiledGlossary {
    /// Bump when what a record means changes without its types changing.
    public static let formatVersion = 1

    private struct Record: Codable {
        var key: String
        var glossary: Glossary
    }

    /// The files' cache key: 128 bits (two 64-bit FNV-1a hashes with different bases) as 32 hex digits. Not a
    /// cryptographic hash: the cache is a file of the user's own, and the key guards against stale records.
    public static func key(build: String, files: [(path: String, bytes: [UInt8])]) -> String {
        var a = Hash(seed: 0xcbf2_9ce4_8422_2325), b = Hash(seed: 0x6c62_272e_07bb_0142)
        for part in ["translint compiled glossary \(formatVersion)", build] { a.add(string: part); b.add(string: part) }
        for file in files {
            a.add(string: file.path); b.add(string: file.path)
            a.add(bytes: file.bytes); b.add(bytes: file.bytes)
        }
        return a.hex + b.hex
    }

    public static func encode(_ glossary: Glossary, key: String) throws -> [UInt8] {
        try CompactCoder.encode(Record(key: key, glossary: glossary))
    }

    /// The glossary of a record written for `key`, or nil when the bytes are not such a record.
    public static func decode(_ bytes: [UInt8], key: String) -> Glossary? {
        guard let record = try? CompactCoder.decode(Record.self, from: bytes), record.key == key else { return nil }
        return record.glossary
    }

    private struct Hash {
        var value: UInt64

        init(seed: UInt64) { value = seed }

        mutating func add(bytes: [UInt8]) {
            add(length: bytes.count)
            for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }

        mutating func add(string: String) { add(bytes: Array(string.utf8)) }

        /// Lengths first, so that no two lists of parts hash the same by moving a boundary.
        private mutating func add(length: Int) {
            var n = UInt64(length)
            for _ in 0..<8 { value = (value ^ (n & 0xFF)) &* 0x0000_0100_0000_01B3; n >>= 8 }
        }

        var hex: String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
    }
}
