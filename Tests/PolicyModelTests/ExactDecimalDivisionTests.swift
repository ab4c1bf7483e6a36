import PolicyModel
import Testing

/// Division: exact when the quotient terminates within 18 fractional digits,
/// otherwise rounded half-even at the 18th.
@Suite("ExactDecimal division")
struct ExactDecimalDivisionTests {
    static func decimal(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

    @Test("small quotients are exact or rounded half-even at 18 digits", arguments: [
        ("1", "3", "0.333333333333333333"),
        ("2", "3", "0.666666666666666667"),
        ("-1", "3", "-0.333333333333333333"),
        ("-2", "3", "-0.666666666666666667"),
        ("2", "-3", "-0.666666666666666667"),
        ("80", "60", "1.333333333333333333"),
        ("10", "4", "2.5"),
        ("1", "8", "0.125"),
        ("9", "1", "9"),
        ("0", "7", "0"),
        ("0.5", "0.25", "2"),
        ("7.5", "2.5", "3"),
    ])
    func divides(_ a: String, _ b: String, _ quotient: String) throws {
        let result = try Self.decimal(a).divided(by: Self.decimal(b))
        #expect(result == Self.decimal(quotient))
        #expect(result.description == quotient, "the quotient is normalized")
    }

    @Test("a tie at the 18th digit rounds to even", arguments: [
        // 1e-18 / 2 = 0.5e-18 → 0; 3e-18 / 2 = 1.5e-18 → 2e-18; 5e-18 / 2 = 2.5e-18 → 2e-18.
        (1, 0), (3, 2), (5, 2), (-3, -2),
    ] as [(Int64, Int64)])
    func tieRoundsToEven(_ mantissa: Int64, _ expected: Int64) throws {
        let result = try ExactDecimal(mantissa: mantissa, scale: 18).divided(by: ExactDecimal(2))
        #expect(result == ExactDecimal(mantissa: expected, scale: 18))
    }

    @Test("division by zero is an error, whatever the scale of the zero", arguments: ["0", "0.00", "-0"])
    func divisionByZero(_ zero: String) {
        #expect(throws: ArithmeticFault.divisionByZero) { try Self.decimal("1").divided(by: Self.decimal(zero)) }
        #expect(throws: ArithmeticFault.divisionByZero) { try ExactDecimal.zero.divided(by: Self.decimal(zero)) }
    }

    @Test("a quotient too large for 64 bits is an overflow error, not a crash")
    func hugeQuotientOverflows() {
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(Int64.max).divided(by: Self.decimal("0.5")) }
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(100).divided(by: Self.decimal("0.000000000000000001")) }
    }

    @Test("quotients of 10 or more keep as many fractional digits as fit", arguments: [
        ("100", "4", "25"),
        ("1200", "12", "100"),
        ("10", "1", "10"),
        ("9.5", "1", "9.5"),
        ("-100", "4", "-25"),
        ("160.00", "8.00", "20"),
        ("1000", "0.5", "2000"),
        ("10", "3", "3.333333333333333333"),
        ("100", "3", "33.33333333333333333"),
        ("-200", "3", "-66.66666666666666667"),
        ("1000000000", "3", "333333333.3333333333"),
    ])
    func largerQuotients(_ a: String, _ b: String, _ quotient: String) throws {
        let result = try Self.decimal(a).divided(by: Self.decimal(b))
        #expect(result == Self.decimal(quotient))
        #expect(result.description == quotient)
    }

    @Test("dividing by a quotient with 18 fractional digits gives the right number", arguments: [
        // divisor = n / d computed first (18 fractional digits), then dividend / divisor ≈ dividend × d / n.
        (1000, 10, 3, "300"),
        (10000, 10, 3, "3000"),
        (300, 20, 3, "45"),
        (1000, 25, 3, "120"),
        (1000, 50, 7, "140"),
    ] as [(Int64, Int64, Int64, String)])
    func dividingByAQuotient(_ dividend: Int64, _ n: Int64, _ d: Int64, _ expected: String) throws {
        let divisor = try ExactDecimal(n).divided(by: ExactDecimal(d))
        let result = try? ExactDecimal(dividend).divided(by: divisor)
        #expect(result?.formatted(places: 2) == Self.decimal(expected).formatted(places: 2))
    }

    @Test("a quotient is never a wrong number: either exact or an overflow error")
    func neverWrong() {
        // Int64.max / 9.223372036854775807 = 10^18 exactly.
        let result = try? ExactDecimal(Int64.max).divided(by: ExactDecimal(mantissa: Int64.max, scale: 18))
        #expect(result == ExactDecimal(1_000_000_000_000_000_000))
    }
}
