import PolicyModel
import Testing

/// `formatted(places:)`: a fixed number of places, rounding half away from zero (四舍五入).
@Suite("ExactDecimal formatting")
struct ExactDecimalFormattingTests {
    static func decimal(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

    @Test("two places, half away from zero", arguments: [
        ("0.005", "0.01"),
        ("0.015", "0.02"),
        ("0.025", "0.03"),
        ("2.675", "2.68"),
        ("12.345", "12.35"),
        ("-0.005", "-0.01"),
        ("-2.345", "-2.35"),
        ("0.004", "0.00"),
        ("0.0049", "0.00"),
        ("0.0050", "0.01"),
        ("0.00451", "0.00"),
        ("9.995", "10.00"),
        ("1234567.891", "1234567.89"),
    ])
    func twoPlaces(_ text: String, _ expected: String) {
        #expect(Self.decimal(text).formatted(places: 2) == expected)
    }

    @Test("a negative amount that rounds to zero has no minus sign", arguments: ["-0.004", "-0.001", "-0.00"])
    func negativeZero(_ text: String) {
        #expect(Self.decimal(text).formatted(places: 2) == "0.00")
    }

    @Test("missing places are filled with zeros", arguments: [
        ("1.2", 2, "1.20"),
        ("160", 2, "160.00"),
        ("0.1", 2, "0.10"),
        ("1.5", 4, "1.5000"),
        ("-3", 1, "-3.0"),
        ("0", 3, "0.000"),
    ] as [(String, Int, String)])
    func pads(_ text: String, _ places: Int, _ expected: String) {
        #expect(Self.decimal(text).formatted(places: places) == expected)
    }

    @Test("zero places rounds to a whole number", arguments: [
        ("2.5", "3"), ("-2.5", "-3"), ("0.49", "0"), ("7", "7"), ("99.5", "100"),
    ])
    func zeroPlaces(_ text: String, _ expected: String) {
        #expect(Self.decimal(text).formatted(places: 0) == expected)
    }

    @Test("nil places writes the stored digits")
    func storedDigits() {
        #expect(Self.decimal("8.00").formatted(places: nil) == "8.00")
        #expect(ExactDecimal(mantissa: 5, scale: 3).formatted(places: nil) == "0.005")
        #expect(ExactDecimal(mantissa: -5, scale: 3).formatted(places: nil) == "-0.005")
        #expect(ExactDecimal(Int64.min).formatted(places: nil) == "-9223372036854775808")
        #expect(ExactDecimal(mantissa: Int64.min, scale: 18).formatted(places: nil) == "-9.223372036854775808")
    }
}
