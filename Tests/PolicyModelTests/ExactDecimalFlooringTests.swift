import PolicyModel
import Testing

/// `floored(toMultipleOf:)`: round toward negative infinity to a multiple of a unit,
/// as in "80 minutes of service count as 1.0 hour in half-hour steps".
@Suite("ExactDecimal flooring to a multiple")
struct ExactDecimalFlooringTests {
    static func decimal(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

    @Test("80 minutes in half hours is 1.0 hour")
    func eightyMinutes() throws {
        let hours = try ExactDecimal(80).divided(by: ExactDecimal(60))
        #expect(hours.description == "1.333333333333333333")
        let floored = try hours.floored(toMultipleOf: Self.decimal("0.5"))
        #expect(floored == ExactDecimal(1))
        #expect(floored.formatted(places: 1) == "1.0")
    }

    @Test("values are floored and keep the larger scale", arguments: [
        ("1.3333", "0.5", "1.0000"),
        ("1.3", "0.5", "1.0"),
        ("1.5", "0.5", "1.5"),
        ("1.99", "0.5", "1.50"),
        ("0.48", "0.5", "0.00"),
        ("0", "0.5", "0.0"),
        ("7", "2", "6"),
        ("2.99", "1", "2.00"),
        ("90", "30", "90"),
    ])
    func floors(_ value: String, _ unit: String, _ expected: String) throws {
        let result = try Self.decimal(value).floored(toMultipleOf: Self.decimal(unit))
        #expect(result.description == expected)
    }

    @Test("negative values go down, away from zero", arguments: [
        ("-0.3", "0.5", "-0.5"),
        ("-1.5", "0.5", "-1.5"),
        ("-1.3333", "0.5", "-1.5000"),
        ("-0.01", "1", "-1.00"),
        ("-7", "2", "-8"),
        ("-6", "2", "-6"),
    ])
    func floorsNegative(_ value: String, _ unit: String, _ expected: String) throws {
        let result = try Self.decimal(value).floored(toMultipleOf: Self.decimal(unit))
        #expect(result.description == expected)
    }

    @Test("a unit of zero or below is refused", arguments: ["0", "0.00", "-0.5", "-1"])
    func refusesBadUnit(_ unit: String) {
        #expect(throws: ArithmeticFault.divisionByZero) { try Self.decimal("1.3").floored(toMultipleOf: Self.decimal(unit)) }
    }

    @Test("results that do not fit are overflow errors, not crashes")
    func overflow() {
        // Aligning Int64.max to the unit's scale overflows.
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(Int64.max).floored(toMultipleOf: Self.decimal("0.5")) }
        // Int64.min floored to a multiple of 3 is below Int64.min.
        #expect(throws: ArithmeticFault.overflow) { try ExactDecimal(Int64.min).floored(toMultipleOf: ExactDecimal(3)) }
    }
}
