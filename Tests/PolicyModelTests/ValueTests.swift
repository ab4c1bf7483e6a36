import PolicyModel
import Testing

@Suite("Value")
struct ValueTests {
    static let tier = EnumType(name: "tier", cases: ["free", "low_cost", "paid"])

    @Test("each accessor reads its own case and nothing else")
    func accessors() {
        #expect(Value.bool(true).boolValue == true)
        #expect(Value.integer(3).boolValue == nil)
        #expect(Value.integer(3).integerValue == 3)
        #expect(Value.decimal(.zero).integerValue == nil)
        #expect(Value.date(CivilDate("2025-01-01")!).dateValue == CivilDate("2025-01-01"))
        #expect(Value.string("2025-01-01").dateValue == nil)
        #expect(Value.enumCase(2).enumIndex == 2)
        #expect(Value.integer(2).enumIndex == nil)
        #expect(Value.list([.integer(1)]).listValue == [.integer(1)])
        #expect(Value.record([.integer(1)]).listValue == nil)
    }

    @Test("integers widen exactly to decimals; other values are not numbers")
    func decimalValue() {
        #expect(Value.integer(-7).decimalValue == ExactDecimal(-7))
        #expect(Value.decimal(ExactDecimal("1.25")!).decimalValue == ExactDecimal("1.25"))
        #expect(Value.string("1").decimalValue == nil)
        #expect(Value.bool(true).decimalValue == nil)
        #expect(Value.enumCase(0).decimalValue == nil)
    }

    @Test("decimal values are equal across scales; an integer is not a decimal")
    func equality() {
        #expect(Value.decimal(ExactDecimal("1.5")!) == .decimal(ExactDecimal("1.50")!))
        #expect(Set([Value.decimal(ExactDecimal("1.5")!), .decimal(ExactDecimal("1.50")!)]).count == 1)
        #expect(Value.integer(1) != .decimal(ExactDecimal(1)))
        #expect(Value.enumCase(1) != .integer(1))
    }

    @Test("display writes values as a policy file does", arguments: [
        (Value.bool(true), ValueType.bool, "true"),
        (.bool(false), .bool, "false"),
        (.integer(-42), .integer, "-42"),
        (.decimal(ExactDecimal(8)), .decimal, "8.00"),
        (.decimal(ExactDecimal("8.5")!), .decimal, "8.50"),
        (.decimal(ExactDecimal("0.125")!), .decimal, "0.125"),
        (.decimal(ExactDecimal("160.000")!), .decimal, "160.00"),
        (.string("城镇"), .string, "\"城镇\""),
        (.date(CivilDate("2026-01-01")!), .date, "2026-01-01"),
        (.enumCase(1), .enumeration(tier), "low_cost"),
        (.enumCase(5), .enumeration(tier), "#5"),
        (.enumCase(1), .integer, "#1"),
        (.list([.enumCase(0), .enumCase(2)]), .list(.enumeration(tier)), "[free, paid]"),
        (.list([]), .list(.integer), "[]"),
        (.list([.integer(1), .integer(2)]), .integer, "[1, 2]"),
        (.record([.integer(1), .bool(true)]), .record(RecordType(fields: [.init(name: "a", type: .integer), .init(name: "b", type: .bool)])), "{a: 1, b: true}"),
        (.record([.integer(1), .string("x")]), .string, "{1, \"x\"}"),
    ])
    func display(_ value: Value, _ type: ValueType, _ text: String) {
        #expect(value.display(as: type) == text)
    }
}
