/// A compact binary form of any `Codable` value, for caches that the same build of translint writes and reads:
/// no text to parse or escape, so a glossary of tens of thousands of entries decodes in milliseconds, where its
/// YAML takes most of a second. Every value is a tagged, self-delimiting node (keyed containers keep their keys),
/// so synthesized `Codable` of structs and enums works unchanged, and a field added to a type needs nothing here.
/// Not a stable interchange format: a cache is keyed by the build that wrote it.
///
/// Decoding checks every length and tag against the bytes and throws `CompactCoder.Corrupt` on anything
/// unexpected, never reading out of bounds: a corrupt cache is an error the caller ignores, not a crash.
public enum CompactCoder {
    public struct Corrupt: Error, Sendable {}

    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        var out: [UInt8] = []
        encoder.root.write(into: &out)
        return out
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        var reader = Reader(bytes: bytes)
        let node = try reader.node(depth: 0)
        guard reader.offset == bytes.count else { throw Corrupt() }
        return try T(from: NodeDecoder(node: node, codingPath: []))
    }

    // MARK: Nodes

    /// Not `indirect`: arrays box their elements already, so a node costs no allocation of its own.
    fileprivate enum Node {
        case null
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case array([Node])
        case keyed([(String, Node)])

        func write(into out: inout [UInt8]) {
            switch self {
            case .null: out.append(0)
            case .bool(let value): out.append(value ? 2 : 1)
            case .int(let value): out.append(3); Self.varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), into: &out)
            case .uint(let value): out.append(4); Self.varint(value, into: &out)
            case .double(let value): out.append(5); Self.varint(value.bitPattern, into: &out)
            case .string(let value): out.append(6); Self.string(value, into: &out)
            case .array(let items):
                out.append(7); Self.varint(UInt64(items.count), into: &out)
                for item in items { item.write(into: &out) }
            case .keyed(let fields):
                out.append(8); Self.varint(UInt64(fields.count), into: &out)
                for (key, value) in fields { Self.string(key, into: &out); value.write(into: &out) }
            }
        }

        static func varint(_ value: UInt64, into out: inout [UInt8]) {
            var v = value
            while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            out.append(UInt8(v))
        }

        static func string(_ value: String, into out: inout [UInt8]) {
            var copy = value
            copy.withUTF8 { bytes in
                varint(UInt64(bytes.count), into: &out)
                out.append(contentsOf: bytes)
            }
        }
    }

    fileprivate struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw Corrupt() }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() throws -> UInt64 {
            var value: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw Corrupt() }
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
        }

        mutating func count() throws -> Int {
            let n = try varint()
            // Every element takes at least one byte: a larger count is corrupt (and would allocate wildly).
            guard n <= UInt64(bytes.count - offset) else { throw Corrupt() }
            return Int(n)
        }

        mutating func string() throws -> String {
            let n = try count()
            defer { offset += n }
            return try bytes.withUnsafeBufferPointer { buffer in
                let slice = UnsafeBufferPointer(rebasing: buffer[offset..<offset + n])
                guard let text = String(validating: slice, as: UTF8.self) else { throw Corrupt() }
                return text
            }
        }

        mutating func node(depth: Int) throws -> Node {
            guard depth < 64 else { throw Corrupt() }
            switch try byte() {
            case 0: return .null
            case 1: return .bool(false)
            case 2: return .bool(true)
            case 3:
                let zigzag = try varint()
                return .int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
            case 4: return .uint(try varint())
            case 5: return .double(Double(bitPattern: try varint()))
            case 6: return .string(try string())
            case 7:
                let n = try count()
                var items: [Node] = []
                items.reserveCapacity(n)
                for _ in 0..<n { items.append(try node(depth: depth + 1)) }
                return .array(items)
            case 8:
                let n = try count()
                var fields: [(String, Node)] = []
                fields.reserveCapacity(n)
                for _ in 0..<n { fields.append((try string(), try node(depth: depth + 1))) }
                return .keyed(fields)
            default: throw Corrupt()
            }
        }
    }

    // MARK: Encoding

    /// A node being built; containers hand out child boxes and read them back when the parent is written.
    fileprivate final class Box {
        var node: Node = .null
        var array: [Box]?
        var keyed: [(String, Box)]?

        var resolved: Node {
            if let array { return .array(array.map(\.resolved)) }
            if let keyed { return .keyed(keyed.map { ($0.0, $0.1.resolved) }) }
            return node
        }
    }

    fileprivate final class NodeEncoder: Encoder {
        let box: Box
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        var root: Node { box.resolved }

        init(box: Box = Box(), codingPath: [any CodingKey] = []) {
            self.box = box
            self.codingPath = codingPath
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if box.keyed == nil { box.keyed = [] }
            return KeyedEncodingContainer(KeyedEncoding<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if box.array == nil { box.array = [] }
            return UnkeyedEncoding(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { SingleEncoding(box: box, codingPath: codingPath) }
    }

    fileprivate static func node<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Box {
        let box = Box()
        switch value {
        case let v as String: box.node = .string(v)
        case let v as Bool: box.node = .bool(v)
        case let v as Int: box.node = .int(Int64(v))
        case let v as Double: box.node = .double(v)
        default: try value.encode(to: NodeEncoder(box: box, codingPath: codingPath))
        }
        return box
    }

    fileprivate struct KeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { append(key, Box()) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            append(key, try CompactCoder.node(value, codingPath: codingPath))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = Box()
            child.keyed = []
            append(key, child)
            return KeyedEncodingContainer(KeyedEncoding<NestedKey>(box: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Box()
            child.array = []
            append(key, child)
            return UnkeyedEncoding(box: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = Box()
            append(key, child)
            return NodeEncoder(box: child, codingPath: codingPath)
        }
        private func append(_ key: Key, _ child: Box) { box.keyed!.append((key.stringValue, child)) }
    }

    fileprivate struct UnkeyedEncoding: UnkeyedEncodingContainer {
        let box: Box
        let codingPath: [any CodingKey]
        var count: Int { box.array!.count }

        mutating func encodeNil() throws { box.array!.append(Box()) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            box.array!.append(try CompactCoder.node(value, codingPath: codingPath))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = Box()
            child.keyed = []
            box.array!.append(child)
            return KeyedEncodingContainer(KeyedEncoding<NestedKey>(box: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Box()
            child.array = []
            box.array!.append(child)
            return UnkeyedEncoding(box: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder {
            let child = Box()
            box.array!.append(child)
            return NodeEncoder(box: child, codingPath: codingPath)
        }
    }

    fileprivate struct SingleEncoding: SingleValueEncodingContainer {
        let box: Box
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { box.node = .null }
        mutating func encode(_ value: Bool) throws { box.node = .bool(value) }
        mutating func encode(_ value: String) throws { box.node = .string(value) }
        mutating func encode(_ value: Double) throws { box.node = .double(value) }
        mutating func encode(_ value: Float) throws { box.node = .double(Double(value)) }
        mutating func encode(_ value: Int) throws { box.node = .int(Int64(value)) }
        mutating func encode(_ value: Int8) throws { box.node = .int(Int64(value)) }
        mutating func encode(_ value: Int16) throws { box.node = .int(Int64(value)) }
        mutating func encode(_ value: Int32) throws { box.node = .int(Int64(value)) }
        mutating func encode(_ value: Int64) throws { box.node = .int(value) }
        mutating func encode(_ value: UInt) throws { box.node = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { box.node = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt16) throws { box.node = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt32) throws { box.node = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt64) throws { box.node = .uint(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let child = try CompactCoder.node(value, codingPath: codingPath)
            box.node = child.resolved
        }
    }

    // MARK: Decoding

    fileprivate struct NodeDecoder: Decoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .keyed(let fields) = node else { throw Corrupt() }
            return KeyedDecodingContainer(KeyedDecoding<Key>(fields: fields, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let items) = node else { throw Corrupt() }
            return UnkeyedDecoding(items: items, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleDecoding(node: node, codingPath: codingPath) }
    }

    fileprivate static func decode<T: Decodable>(_ type: T.Type, _ node: Node, codingPath: [any CodingKey]) throws -> T {
        // The common leaves without a trip through `Decoder` (and without `as!`, a dynamic cast: the type is known).
        switch node {
        case .string(let v) where T.self == String.self: return unsafeBitCast(v, to: T.self)
        case .bool(let v) where T.self == Bool.self: return unsafeBitCast(v, to: T.self)
        case .int(let v) where T.self == Int.self:
            guard let n = Int(exactly: v) else { throw Corrupt() }
            return unsafeBitCast(n, to: T.self)
        case .double(let v) where T.self == Double.self: return unsafeBitCast(v, to: T.self)
        default: return try T(from: NodeDecoder(node: node, codingPath: codingPath))
        }
    }

    fileprivate struct KeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let fields: [(String, Node)]
        let codingPath: [any CodingKey]
        /// Fields are few (a struct's properties): a linear search beats building a dictionary per container.
        private func value(_ key: Key) throws -> Node {
            let name = key.stringValue
            for (k, v) in fields where k == name { return v }
            throw Corrupt()
        }

        var allKeys: [Key] { fields.compactMap { Key(stringValue: $0.0) } }
        func contains(_ key: Key) -> Bool { fields.contains { $0.0 == key.stringValue } }
        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try value(key) { return true }
            return false
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try CompactCoder.decode(type, try value(key), codingPath: codingPath)
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(node: try value(key), codingPath: codingPath).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(node: try value(key), codingPath: codingPath).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { try superDecoder(forKey: Key(stringValue: "super")!) }
        func superDecoder(forKey key: Key) throws -> any Decoder { NodeDecoder(node: try value(key), codingPath: codingPath) }
    }

    fileprivate struct UnkeyedDecoding: UnkeyedDecodingContainer {
        let items: [Node]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private mutating func next() throws -> Node {
            guard currentIndex < items.count else { throw Corrupt() }
            defer { currentIndex += 1 }
            return items[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard currentIndex < items.count else { throw Corrupt() }
            if case .null = items[currentIndex] { currentIndex += 1; return true }
            return false
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try CompactCoder.decode(type, try next(), codingPath: codingPath)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(node: try next(), codingPath: codingPath).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(node: try next(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder { NodeDecoder(node: try next(), codingPath: codingPath) }
    }

    fileprivate struct SingleDecoding: SingleValueDecodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { if case .null = node { return true }; return false }
        func decode(_ type: Bool.Type) throws -> Bool { guard case .bool(let v) = node else { throw Corrupt() }; return v }
        func decode(_ type: String.Type) throws -> String { guard case .string(let v) = node else { throw Corrupt() }; return v }
        func decode(_ type: Double.Type) throws -> Double { guard case .double(let v) = node else { throw Corrupt() }; return v }
        func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
        func decode(_ type: Int.Type) throws -> Int { try signed() }
        func decode(_ type: Int8.Type) throws -> Int8 { try signed() }
        func decode(_ type: Int16.Type) throws -> Int16 { try signed() }
        func decode(_ type: Int32.Type) throws -> Int32 { try signed() }
        func decode(_ type: Int64.Type) throws -> Int64 { try signed() }
        func decode(_ type: UInt.Type) throws -> UInt { try unsigned() }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try unsigned() }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try unsigned() }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try unsigned() }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try unsigned() }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try CompactCoder.decode(type, node, codingPath: codingPath) }

        private func signed<T: FixedWidthInteger>() throws -> T {
            guard case .int(let v) = node, let n = T(exactly: v) else { throw Corrupt() }
            return n
        }
        private func unsigned<T: FixedWidthInteger>() throws -> T {
            guard case .uint(let v) = node, let n = T(exactly: v) else { throw Corrupt() }
            return n
        }
    }
}
