/// An exact decimal number: `mantissa × 10^-scale`, with at most 18 fractional digits.
///
/// Money and other amounts in policies are never binary floating point. Addition,
/// subtraction and multiplication are exact; an operation whose result does not fit
/// reports overflow instead of rounding silently.
///
/// ```swift
/// let rate = ExactDecimal("8.00")!
/// let total = try rate.multiplied(by: ExactDecimal(20))   // 160.00
/// total.formatted(places: 2)                              // "160.00"
/// ```
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var mantissa: Int64
    public private(set) var scale: Int8

    public static let maxScale: Int8 = 18
    public static let zero = ExactDecimal(0)

    public init(mantissa: Int64, scale: Int8) {
        self.mantissa = mantissa
        self.scale = scale
    }

    public init(_ integer: Int64) {
        self.mantissa = integer
        self.scale = 0
    }

    /// Parses `12`, `-3.5`, `0.25` (see `DigitReader.decimal`). Returns nil for anything
    /// else (no exponents, no spaces, at most 18 decimals).
    public init?(_ text: some StringProtocol) {
        guard let value = DigitReader.withUTF8(text, { DigitReader.decimal($0, 0, $0.count) }) else { return nil }
        self = value
    }

    /// The same number with trailing fractional zeros removed (`8.00` → `8`).
    public var normalized: ExactDecimal {
        var result = self
        while result.scale > 0, result.mantissa % 10 == 0 {
            result.mantissa /= 10
            result.scale -= 1
        }
        return result
    }

    public var isInteger: Bool { normalized.scale == 0 }

    /// The integer part, truncated toward zero.
    public var integerPart: Int64 {
        mantissa / ExactDecimal.powerOfTen(scale)
    }

    public var description: String { formatted(places: nil) }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) == 0
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.mantissa)
        hasher.combine(n.scale)
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// -1, 0 or 1. Never overflows: falls back to comparing integer parts first.
    public static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        if lhs.scale == rhs.scale { return lhs.mantissa == rhs.mantissa ? 0 : (lhs.mantissa < rhs.mantissa ? -1 : 1) }
        if let (a, b) = try? aligned(lhs, rhs) { return a == b ? 0 : (a < b ? -1 : 1) }
        let li = lhs.integerPart, ri = rhs.integerPart
        if li != ri { return li < ri ? -1 : 1 }
        // Same integer part and alignment overflowed: compare the fractional parts at the smaller scale.
        let lf = ExactDecimal(mantissa: lhs.mantissa - li * powerOfTen(lhs.scale), scale: lhs.scale)
        let rf = ExactDecimal(mantissa: rhs.mantissa - ri * powerOfTen(rhs.scale), scale: rhs.scale)
        return compare(lf.normalized, rf.normalized)
    }

    static func powerOfTen(_ exponent: Int8) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<Int(exponent) { result &*= 10 }
        return result
    }

    static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) throws(ArithmeticFault) -> (Int64, Int64) {
        if lhs.scale == rhs.scale { return (lhs.mantissa, rhs.mantissa) }
        if lhs.scale < rhs.scale {
            let (value, overflow) = lhs.mantissa.multipliedReportingOverflow(by: powerOfTen(rhs.scale - lhs.scale))
            if overflow { throw .overflow }
            return (value, rhs.mantissa)
        }
        let (value, overflow) = rhs.mantissa.multipliedReportingOverflow(by: powerOfTen(lhs.scale - rhs.scale))
        if overflow { throw .overflow }
        return (lhs.mantissa, value)
    }
}

/// Why an exact arithmetic operation could not produce a result.
public enum ArithmeticFault: Error, Sendable, Equatable {
    case overflow
    case divisionByZero
}
