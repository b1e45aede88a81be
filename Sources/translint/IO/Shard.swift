import ArgumentParser

/// `--shard K/N`: the K-th of N deterministic shares of the files, so that N CI jobs split one documentation tree.
/// A file belongs to the shard its path hashes to (64-bit FNV-1a of the path's UTF-8 bytes, as the folder walk
/// names it, without a leading `./`), so every job of a matrix that runs the same command in the same checkout
/// agrees on the split without talking to the others, and the shards together check each file exactly once.
struct Shard: ExpressibleByArgument, Equatable {
    /// 1-based.
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    static var defaultValueDescription: String { "K/N" }

    func contains(_ path: String) -> Bool {
        Int(Self.hash(path) % UInt64(count)) == index - 1
    }

    /// FNV-1a, 64 bits: stable across runs, machines and Swift versions (unlike `Hasher`, which is seeded per process).
    static func hash(_ path: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var bytes = Substring(path).utf8[...]
        while bytes.starts(with: "./".utf8) { bytes = bytes.dropFirst(2) }
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
