import PolicyModel
import Testing

@Suite("ExactDecimal parsing")
struct ExactDecimalParsingTests {
    @Test("text is read into an exact mantissa and scale", arguments: [
        ("12.00", 1200, 2),
        ("-0.5", -5, 1),
        ("+3", 3, 0),
        ("0", 0, 0),
        ("007", 7, 0),
        ("0.25", 25, 2),
        ("160.00", 16000, 2),
        ("-12", -12, 0),
        ("0.000000000000000001", 1, 18),
        ("9223372036854775807", Int64.max, 0),
    ] as [(String, Int64, Int8)])
    func parses(_ text: String, _ mantissa: Int64, _ scale: Int8) throws {
        let value = try #require(ExactDecimal(text))
        #expect(value.mantissa == mantissa)
        #expect(value.scale == scale)
    }

    @Test("anything but plain digits with an optional sign and point is refused", arguments: [
        "1e3", "1E3", "", "-", "+", ".", ".5", "-.5", "5.", "1.2.3", " 1", "1 ", "1,000", "--1", "+-1",
        "0x10", "１２", "12元", "NaN", "inf", "1_000",
    ])
    func refuses(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test("more than 18 fractional digits is refused, even when they are zeros", arguments: [
        "0.0000000000000000001",
        "1.0000000000000000000",
    ])
    func refusesOverlongFraction(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test("a mantissa beyond 64 bits is refused, not wrapped", arguments: [
        "9223372036854775808",
        "99999999999999999999",
        "9.223372036854775808",
        "-9223372036854775809",
    ])
    func refusesOverlongMantissa(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test("parsing works on a substring")
    func parsesSubstring() throws {
        let text = "rate=8.50;"
        let slice = text.dropFirst(5).dropLast()
        let value = try #require(ExactDecimal(slice))
        #expect(value.mantissa == 850)
        #expect(value.scale == 2)
    }

    @Test("the integer initialiser has scale zero")
    func integerInitialiser() {
        let value = ExactDecimal(-42)
        #expect(value.mantissa == -42)
        #expect(value.scale == 0)
        #expect(ExactDecimal.zero.mantissa == 0)
        #expect(ExactDecimal.zero.scale == 0)
    }

    @Test("normalized drops trailing fractional zeros only", arguments: [
        ("8.00", 8, 0),
        ("8.50", 85, 1),
        ("100", 100, 0),
        ("0.000", 0, 0),
        ("-1.10", -11, 1),
    ] as [(String, Int64, Int8)])
    func normalized(_ text: String, _ mantissa: Int64, _ scale: Int8) throws {
        let value = try #require(ExactDecimal(text)).normalized
        #expect(value.mantissa == mantissa)
        #expect(value.scale == scale)
    }

    @Test("isInteger and integerPart (truncated toward zero)", arguments: [
        ("8.00", true, 8),
        ("8.5", false, 8),
        ("-2.7", false, -2),
        ("-3.0", true, -3),
        ("0.99", false, 0),
    ] as [(String, Bool, Int64)])
    func integerParts(_ text: String, _ isInteger: Bool, _ integerPart: Int64) throws {
        let value = try #require(ExactDecimal(text))
        #expect(value.isInteger == isInteger)
        #expect(value.integerPart == integerPart)
    }

    @Test("description keeps the stored digits", arguments: [
        ("12.00", "12.00"),
        ("-0.5", "-0.5"),
        ("0.005", "0.005"),
        ("+7", "7"),
        ("-0.000000000000000001", "-0.000000000000000001"),
    ])
    func description(_ text: String, _ expected: String) throws {
        #expect(try #require(ExactDecimal(text)).description == expected)
    }
}
