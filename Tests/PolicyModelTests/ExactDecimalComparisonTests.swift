import PolicyModel
import Testing

/// Equality, hashing and ordering compare values, not representations.
@Suite("ExactDecimal comparison")
struct ExactDecimalComparisonTests {
    static func decimal(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

    @Test("equal values at different scales are equal and hash alike", arguments: [
        ("1.5", "1.50"), ("0", "0.000"), ("-2", "-2.0"), ("100", "100.000000000000000"), ("8", "8.00"),
    ])
    func equalAcrossScales(_ a: String, _ b: String) {
        #expect(Self.decimal(a) == Self.decimal(b))
        #expect(Self.decimal(a).hashValue == Self.decimal(b).hashValue)
        #expect(Set([Self.decimal(a), Self.decimal(b)]).count == 1)
    }

    @Test("compare gives -1, 0 or 1", arguments: [
        ("1.5", "1.51", -1),
        ("1.51", "1.5", 1),
        ("1.5", "1.50", 0),
        ("-0.5", "0", -1),
        ("2", "1.999999999999999999", 1),
        ("-1", "-0.999", -1),
    ] as [(String, String, Int)])
    func compares(_ a: String, _ b: String, _ order: Int) {
        #expect(ExactDecimal.compare(Self.decimal(a), Self.decimal(b)) == order)
        #expect((Self.decimal(a) < Self.decimal(b)) == (order < 0))
        #expect((Self.decimal(a) > Self.decimal(b)) == (order > 0))
    }

    @Test("comparing values whose scales cannot be aligned still gives the right order")
    func comparesWithoutAlignment() {
        // Int64.max cannot be written at scale 1: falls back to integer parts.
        #expect(ExactDecimal.compare(ExactDecimal(Int64.max), Self.decimal("0.5")) == 1)
        #expect(ExactDecimal.compare(ExactDecimal(Int64.min), Self.decimal("0.5")) == -1)
        // Same integer part, alignment overflows: falls back to the fractional parts.
        let nearMax = ExactDecimal(mantissa: Int64.max, scale: 18)   // 9.223372036854775807
        #expect(ExactDecimal.compare(nearMax, Self.decimal("9.5")) == -1)
        #expect(ExactDecimal.compare(Self.decimal("9.5"), nearMax) == 1)
        let nearMin = ExactDecimal(mantissa: Int64.min + 1, scale: 18)   // -9.223372036854775807
        #expect(ExactDecimal.compare(nearMin, Self.decimal("-9.5")) == 1)
        #expect(ExactDecimal.compare(nearMin, nearMin) == 0)
    }

    @Test("sorting orders by value")
    func sorts() {
        let values = ["10", "-2", "0.333", "1.5", "0.3331", "-2.01"].map(Self.decimal)
        #expect(values.sorted().map(\.description) == ["-2.01", "-2", "0.333", "0.3331", "1.5", "10"])
        #expect(values.max()?.description == "10")
    }
}
