import Testing
import PolicySimulation
import RecordFormats
import PolicyModel

/// The one integer, decimal and date reader (`DigitReader`), and how the JSON reader and
/// the in-place JSON scan build on it.
@Suite struct DigitReaderTests {
    static func read<T>(_ text: String, _ reader: (UnsafeBufferPointer<UInt8>, Int, Int) -> T?) -> T? {
        Array(text.utf8).withUnsafeBufferPointer { reader($0, 0, $0.count) }
    }

    @Test(arguments: [
        ("0", 0), ("7", 7), ("007", 7), ("-0", 0), ("+5", 5), ("-42", -42),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
        ("0000000000000000000000000001", 1), ("1234567890123456789", 1_234_567_890_123_456_789),
    ] as [(String, Int64)])
    func readsIntegers(text: String, value: Int64) {
        #expect(Self.read(text, DigitReader.integer) == value)
    }

    @Test(arguments: ["", "-", "+", "1.0", "1e2", " 1", "1 ", "12a", "--1", "9223372036854775808", "-9223372036854775809",
                      "99999999999999999999", "18446744073709551616", "٣"])
    func refusesIntegers(text: String) {
        #expect(Self.read(text, DigitReader.integer) == nil)
    }

    @Test(arguments: [
        ("12.50", 1250, 2), ("12", 12, 0), ("-0.5", -5, 1), ("+1.5", 15, 1), ("007.10", 710, 2),
        ("0.000000000000000001", 1, 18), ("9223372036854775807", Int64.max, 0), ("-92233720368547758.07", -Int64.max, 2),
    ] as [(String, Int64, Int8)])
    func readsDecimalsWithTheirScale(text: String, mantissa: Int64, scale: Int8) {
        let value = Self.read(text, DigitReader.decimal)
        #expect(value?.mantissa == mantissa)
        #expect(value?.scale == scale)
        #expect(ExactDecimal(text) == value)
    }

    @Test(arguments: ["", ".", "1.", ".5", "-", "-.5", "1.2.3", "1,5", "1e2", "0.0000000000000000001", "9223372036854775808",
                      "922337203685477580.8", "-9223372036854775808", "1 ", "¥1"])
    func refusesDecimals(text: String) {
        #expect(Self.read(text, DigitReader.decimal) == nil)
        #expect(ExactDecimal(text) == nil)
    }

    @Test(arguments: [("2024-02-29", 20240229), ("2000-02-29", 20000229), ("0001-01-01", 10101), ("9999-12-31", 99991231), ("2025-04-30", 20250430)]
          as [(String, Int32)])
    func readsDates(text: String, packed: Int32) {
        #expect(Self.read(text, DigitReader.date) == packed)
        #expect(CivilDate(text)?.packed == packed)
    }

    @Test(arguments: ["2025-02-29", "2025-02-30", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "0000-01-01",
                      "2025-1-01", "2025/01/01", "2025-01-01 ", "20250101", "", "2025-01-0x", "+025-01-01"])
    func refusesImpossibleOrMisspelledDates(text: String) {
        #expect(Self.read(text, DigitReader.date) == nil)
        #expect(CivilDate(text) == nil)
    }

    /// JSON's own number rules come first: no `+`, no leading zero; then the shared reader.
    @Test(arguments: [
        ("0", 0), ("-0", 0), ("42", 42), ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ] as [(String, Int64)])
    func aJSONWholeNumberIsAnInteger(text: String, value: Int64) throws {
        #expect(try JSONReader.parse(Array(text.utf8)) == .integer(value))
        #expect(Self.scanWhole(text) == value)
    }

    @Test(arguments: ["007", "+1", "1.0", "1e2", "-", "9223372036854775808", "1.", "--1"])
    func theInPlaceScanLeavesOtherNumbersToTheReader(text: String) {
        #expect(Self.scanWhole(text) == nil)
    }

    static func scanWhole(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            var index = 0
            guard let value = JSONScan.wholeNumber(bytes, &index), index == bytes.count else { return nil }
            return value
        }
    }

    @Test(arguments: [
        ("12.50", "12.5"), ("1e2", "100"), ("1.5E+3", "1500"), ("-1.5e-3", "-0.0015"), ("0.10000000000000000000", "0.1"), ("-0.0", "0"),
        ("9223372036854775808", "9223372036854775808"), ("1e400", "1e400"), ("0.1234567890123456789", "0.1234567890123456789"),
    ])
    func aJSONNumberKeepsItsExactValueOrItsText(text: String, described: String) throws {
        guard case .number(let number) = try JSONReader.parse(Array(text.utf8)) else {
            Issue.record("\(text) is not read as a number")
            return
        }
        #expect(number.description == described)
        #expect(number.text == text)
        #expect((number.exact != nil) == !["9223372036854775808", "1e400", "0.1234567890123456789"].contains(text))
    }

    @Test func numbersEqualByValue() throws {
        #expect(try JSONReader.parse(Array("12.50".utf8)) == JSONReader.parse(Array("1.25e1".utf8)))
        #expect(try JSONReader.parse(Array("1e400".utf8)) != JSONReader.parse(Array("1e401".utf8)))
    }
}

/// The number writers every output shares.
@Suite struct ByteWritingTests {
    @Test(arguments: [0, 7, 10, -1, -10, 1234567, Int64.max, Int64.min] as [Int64])
    func writesIntegers(value: Int64) {
        var bytes: [UInt8] = []
        bytes.appendInteger(value)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }

    /// Two places, rounded half away from zero: what `formatted(places: 2)` gives.
    @Test func writesMoneyAsFormattedDoes() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<5_000 {
            let mantissa = Int64.random(in: -10_000_000_000...10_000_000_000, using: &generator)
            let value = ExactDecimal(mantissa: mantissa, scale: Int8.random(in: 0...6, using: &generator))
            var bytes: [UInt8] = []
            bytes.appendMoney(value)
            #expect(String(decoding: bytes, as: UTF8.self) == value.formatted(places: 2), "\(value)")
        }
        var bytes: [UInt8] = []
        bytes.appendMoney(ExactDecimal(mantissa: Int64.max, scale: 0))
        #expect(String(decoding: bytes, as: UTF8.self) == ExactDecimal(mantissa: Int64.max, scale: 0).formatted(places: 2))
    }
}
