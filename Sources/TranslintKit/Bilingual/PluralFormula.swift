/// A PO header's `Plural-Forms: nplurals=N; plural=EXPRESSION;`, evaluated as gettext evaluates it: C's integer
/// operators on an unsigned `n` (`?:`, `||`, `&&`, `==`, `!=`, `<`, `>`, `<=`, `>=`, `+`, `-`, `*`, `/`, `%`, `!`,
/// brackets). msgfmt uses it to decide which plural forms stand for one number only, and so may leave the number out.
struct PluralFormula: Sendable {
    let count: Int
    private let root: Node

    private indirect enum Node: Sendable {
        case n
        case number(UInt64)
        case not(Node)
        case binary(UInt8, Node, Node)
        case conditional(Node, Node, Node)
    }

    /// Reads the header line (`Plural-Forms: nplurals=3; plural=(n==1 ? 0 : …);`); nil when it is malformed.
    init?(header: String) {
        var count: Int?, expression: Substring?
        for part in header.split(separator: ";") {
            let trimmed = Substring(part.drop { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("nplurals=") { count = Int(String(trimmed.dropFirst("nplurals=".count)).trimmingCharacters(in: .whitespacesAndNewlinesASCII)) }
            if trimmed.hasPrefix("plural=") { expression = trimmed.dropFirst("plural=".count) }
        }
        guard let count, count >= 1, count <= 64, let expression else { return nil }
        var parser = Parser(bytes: Array(expression.utf8))
        guard let root = parser.parse() else { return nil }
        self.count = count
        self.root = root
    }

    /// The form for `n`; nil on a division by zero.
    func form(for n: UInt64) -> UInt64? { Self.evaluate(root, n) }

    /// msgfmt's measure: a plural form used for fewer than `rareUses` of the numbers 0...`rareRange` is rare.
    static let rareUses = 5
    static let rareRange: UInt64 = 1000

    /// The forms msgfmt checks relaxed, which may leave arguments out: those used for fewer than 5 of the numbers
    /// 0 to 1000 (English `one` is 1 only; Romanian's form 1 is 2 only), as gettext's msgfmt counts them.
    func rareForms() -> Set<Int> {
        var uses = [Int](repeating: 0, count: count)
        for n in UInt64(0)...Self.rareRange {
            guard let form = form(for: n) else { return Set(0..<count) }
            if form < UInt64(count) { uses[Int(form)] += 1 }
        }
        return Set(uses.indices.filter { uses[$0] < Self.rareUses })
    }

    private static func evaluate(_ node: Node, _ n: UInt64) -> UInt64? {
        switch node {
        case .n: return n
        case .number(let v): return v
        case .not(let a): return evaluate(a, n).map { $0 == 0 ? 1 : 0 }
        case .conditional(let c, let a, let b):
            guard let test = evaluate(c, n) else { return nil }
            return evaluate(test != 0 ? a : b, n)
        case .binary(let op, let l, let r):
            guard let a = evaluate(l, n) else { return nil }
            // `||` and `&&` short-circuit, as in C.
            if op == UInt8(ascii: "|") { return a != 0 ? 1 : evaluate(r, n).map { $0 != 0 ? 1 : 0 } }
            if op == UInt8(ascii: "&") { return a == 0 ? 0 : evaluate(r, n).map { $0 != 0 ? 1 : 0 } }
            guard let b = evaluate(r, n) else { return nil }
            switch op {
            case UInt8(ascii: "="): return a == b ? 1 : 0
            case UInt8(ascii: "!"): return a != b ? 1 : 0
            case UInt8(ascii: "<"): return a < b ? 1 : 0
            case UInt8(ascii: ">"): return a > b ? 1 : 0
            case UInt8(ascii: "l"): return a <= b ? 1 : 0
            case UInt8(ascii: "g"): return a >= b ? 1 : 0
            case UInt8(ascii: "+"): return a &+ b
            case UInt8(ascii: "-"): return a &- b
            case UInt8(ascii: "*"): return a &* b
            case UInt8(ascii: "/"): return b == 0 ? nil : a / b
            case UInt8(ascii: "%"): return b == 0 ? nil : a % b
            default: return nil
            }
        }
    }

    /// Recursive descent over C's precedence levels; bounded depth, so a hostile header cannot overflow the stack.
    private struct Parser {
        let bytes: [UInt8]
        var i = 0
        var depth = 0

        mutating func parse() -> Node? {
            guard let node = conditional() else { return nil }
            skipSpace()
            return i == bytes.count ? node : nil
        }

        mutating func skipSpace() {
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
        }

        mutating func take(_ text: String) -> Bool {
            skipSpace()
            let t = Array(text.utf8)
            guard i + t.count <= bytes.count, Array(bytes[i..<(i + t.count)]) == t else { return false }
            // `<` is not `<=`, `!` is not `!=`, `|` alone is no operator here.
            if t.count == 1, i + 1 < bytes.count, "<>!=".utf8.contains(t[0]), bytes[i + 1] == 0x3D { return false }
            i += t.count
            return true
        }

        mutating func conditional() -> Node? {
            depth += 1
            defer { depth -= 1 }
            guard depth < 200, let test = binary(0) else { return nil }
            guard take("?") else { return test }
            guard let a = conditional(), take(":"), let b = conditional() else { return nil }
            return .conditional(test, a, b)
        }

        /// Binary operators by level, lowest first; each written form and the code `evaluate` knows it by.
        static let levels: [[(String, UInt8)]] = [
            [("||", UInt8(ascii: "|"))], [("&&", UInt8(ascii: "&"))],
            [("==", UInt8(ascii: "=")), ("!=", UInt8(ascii: "!"))],
            [("<=", UInt8(ascii: "l")), (">=", UInt8(ascii: "g")), ("<", UInt8(ascii: "<")), (">", UInt8(ascii: ">"))],
            [("+", UInt8(ascii: "+")), ("-", UInt8(ascii: "-"))],
            [("*", UInt8(ascii: "*")), ("/", UInt8(ascii: "/")), ("%", UInt8(ascii: "%"))],
        ]

        mutating func binary(_ level: Int) -> Node? {
            guard level < Self.levels.count else { return unary() }
            guard var left = binary(level + 1) else { return nil }
            loop: while true {
                for (written, code) in Self.levels[level] where take(written) {
                    guard let right = binary(level + 1) else { return nil }
                    left = .binary(code, left, right)
                    continue loop
                }
                return left
            }
        }

        mutating func unary() -> Node? {
            depth += 1
            defer { depth -= 1 }
            guard depth < 200 else { return nil }
            if take("!") { return unary().map { .not($0) } }
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "n") { i += 1; return .n }
            if bytes[i] == UInt8(ascii: "(") {
                i += 1
                guard let inner = conditional(), take(")") else { return nil }
                return inner
            }
            var value: UInt64 = 0
            let start = i
            while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(bytes[i] - 0x30))
                guard !o1 && !o2 else { return nil }
                value = s
                i += 1
            }
            return i > start ? .number(value) : nil
        }
    }
}
