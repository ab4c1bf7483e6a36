import PolicyModel
import Testing

/// Addition, subtraction, multiplication and negation: exact, or an overflow error.
@Suite("ExactDecimal + − × and negation")
struct ExactDecimalArithmeticTests {
    static func decimal(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

    @Test("addition is exact and keeps the larger scale", arguments: [
        ("0.1", "0.2", "0.3", 1),
        ("1.5", "2.25", "3.75", 2),
        ("8.00", "2", "10.00", 2),
        ("-0.5", "0.5", "0.0", 1),
        ("0.000000000000000001", "1", "1.000000000000000001", 18),
    ] as [(String, String, String, Int8)])
    func adds(_ a: String, _ b: String, _ sum: String, _ scale: Int8) throws {
        let result = try Self.decimal(a).adding(Self.decimal(b))
        #expect(result == Self.decimal(sum))
        #expect(result.scale == scale)
        #expect(result.description == sum)
    }

    @Test("subtraction is exact", arguments: [
        ("1", "0.25", "0.75"),
        ("0.3", "0.1", "0.2"),
        ("-1.5", "2.5", "-4.0"),
        ("100.00", "99.99", "0.01"),
    ])
    func subtracts(_ a: String, _ b: String, _ difference: String) throws {
        let result = try Self.decimal(a).subtracting(Self.decimal(b))
        #expect(result.description == difference)
    }

    @Test("multiplication is exact", arguments: [
        ("8.00", "20", "160"),
        ("1.5", "1.5", "2.25"),
        ("-0.5", "4", "-2"),
        ("0.1", "0.1", "0.01"),
        ("12.50", "0.8", "10"),
        ("-3", "-0.25", "0.75"),
    ])
    func multiplies(_ a: String, _ b: String, _ product: String) throws {
        let result = try Self.decimal(a).multiplied(by: Self.decimal(b))
        #expect(result == Self.decimal(product))
        #expect(result.normalized.description == product)
    }

    @Test("8.00 × 20 reads as 160.00 with two places")
    func moneyProduct() throws {
        let total = try Self.decimal("8.00").multiplied(by: ExactDecimal(20))
        #expect(total.formatted(places: 2) == "160.00")
    }

    @Test("a product with more than 18 fractional digits is rounded half-even at the 18th", arguments: [
        // 1.5e-18 → 2e-18 (1 is odd: round up), 2.5e-18 → 2e-18 (2 is even: stay), 2.6e-18 → 3e-18.
        ("0.000000001", "0.0000000015", 2),
        ("0.000000001", "0.0000000025", 2),
        ("0.000000001", "0.0000000026", 3),
        ("-0.000000001", "0.0000000015", -2),
    ] as [(String, String, Int64)])
    func productRounding(_ a: String, _ b: String, _ mantissa: Int64) throws {
        let result = try Self.decimal(a).multiplied(by: Self.decimal(b))
        #expect(result == ExactDecimal(mantissa: mantissa, scale: 18))
    }

    @Test("negation flips the sign and keeps the scale")
    func negates() throws {
        let result = try Self.decimal("2.50").negated()
        #expect(result.mantissa == -250)
        #expect(result.scale == 2)
        #expect(try ExactDecimal.zero.negated() == .zero)
    }

    @Test("a sum beyond 64 bits is an overflow error, not a crash or a wrapped value")
    func additionOverflow() {
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(Int64.max).adding(ExactDecimal(1)) }
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(Int64.min).subtracting(ExactDecimal(1)) }
    }

    @Test("aligning scales that would overflow is an overflow error")
    func alignmentOverflow() {
        // Int64.max at scale 0 cannot be written at scale 1.
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(Int64.max).adding(Self.decimal("0.5")) }
        #expect(throws: ArithmeticFault.overflow) { try Self.decimal("0.5").subtracting(ExactDecimal(Int64.max)) }
    }

    @Test("a product beyond 64 bits is an overflow error")
    func multiplicationOverflow() {
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(Int64.max / 2 + 1).multiplied(by: ExactDecimal(2)) }
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(Int64.min).multiplied(by: ExactDecimal(-1)) }
    }

    @Test("negating the smallest mantissa is an overflow error")
    func negationOverflow() {
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(mantissa: .min, scale: 2).negated() }
    }

    @Test("the largest sums that fit are computed exactly")
    func largestSums() throws {
        #expect(try ExactDecimal(Int64.max - 1).adding(ExactDecimal(1)) == ExactDecimal(Int64.max))
        #expect(try ExactDecimal(Int64.min + 1).subtracting(ExactDecimal(1)) == ExactDecimal(Int64.min))
    }
}
