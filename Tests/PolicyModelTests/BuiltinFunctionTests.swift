import PolicyModel
import Testing

/// min, max, floor_to, years_between, days_between, sum and count.
@Suite("Built-in functions")
struct BuiltinFunctionTests {
    typealias P = SamplePolicy

    static func call(_ function: BuiltinFunction, _ arguments: [Expression], on date: String = "2025-06-01") throws(EvaluationFault) -> Value {
        try Expression.call(function, arguments).evaluate(in: P.frame(on: date))
    }

    static func list(_ items: [Expression]) -> Expression { .list(items, element: .decimal) }

    @Test("min and max return the chosen argument as it is")
    func minMax() throws {
        #expect(try Self.call(.min, [P.integer(3), P.decimal("1.5"), P.integer(2)]) == .decimal(ExactDecimal("1.5")!))
        #expect(try Self.call(.max, [P.integer(3), P.decimal("2.5")]) == .integer(3))
        #expect(try Self.call(.max, [P.age, P.integer(80)]) == .integer(80))
        #expect(try Self.call(.min, [P.integer(7)]) == .integer(7))
        // Equal values: the first is kept.
        #expect(try Self.call(.min, [P.decimal("2.0"), P.integer(2)]) == .decimal(ExactDecimal(2)))
    }

    @Test("floor_to rounds down to a multiple of the unit", arguments: [
        (Expression.arithmetic(.divide, P.integer(80), P.integer(60), .decimal), "0.5", "1.0"),
        (P.decimal("1.5"), "0.5", "1.5"),
        (P.decimal("0.48"), "0.5", "0"),
        (P.decimal("-0.3"), "0.5", "-0.5"),
        (P.integer(7), "2", "6"),
    ])
    func floorTo(_ value: Expression, _ unit: String, _ expected: String) throws {
        #expect(try Self.call(.floorTo, [value, P.decimal(unit)]) == .decimal(ExactDecimal(expected)!))
    }

    @Test("years_between counts full years (周岁)", arguments: [
        ("1955-11-24", "2025-11-23", 69),
        ("1955-11-24", "2025-11-24", 70),
        ("2000-02-29", "2025-02-28", 24),
        ("2000-02-29", "2025-03-01", 25),
    ] as [(String, String, Int64)])
    func yearsBetween(_ born: String, _ on: String, _ years: Int64) throws {
        #expect(try Self.call(.yearsBetween, [P.date(born), P.date(on)]) == .integer(years))
        // The same through the evaluation date.
        #expect(try Self.call(.yearsBetween, [P.date(born), .evaluationDate], on: on) == .integer(years))
    }

    @Test("age from the birth date on the evaluation date")
    func ageOfPerson() throws {
        #expect(try Self.call(.yearsBetween, [P.birthDate, .evaluationDate], on: "2025-04-30") == .integer(71))
        #expect(try Self.call(.yearsBetween, [P.birthDate, .evaluationDate], on: "2025-05-01") == .integer(72))
    }

    @Test("days_between counts days, negative backwards")
    func daysBetween() throws {
        #expect(try Self.call(.daysBetween, [P.date("2024-02-28"), P.date("2024-03-01")]) == .integer(2))
        #expect(try Self.call(.daysBetween, [P.date("2025-01-01"), P.date("2024-01-01")]) == .integer(-366))
        #expect(try Self.call(.daysBetween, [P.startDate, .evaluationDate]) == .integer(151))
    }

    @Test("sum adds a list exactly; integers stay integers")
    func sum() throws {
        #expect(try Self.call(.sum, [.list([P.integer(1), P.integer(2), P.integer(3)], element: .integer)]) == .integer(6))
        #expect(try Self.call(.sum, [Self.list([P.integer(1), P.decimal("0.5")])]) == .decimal(ExactDecimal("1.5")!))
        #expect(try Self.call(.sum, [Self.list([P.decimal("0.1"), P.decimal("0.2"), P.decimal("0.3")])]) == .decimal(ExactDecimal("0.6")!))
        #expect(try Self.call(.sum, [.list([], element: .integer)]) == .integer(0))
    }

    @Test("count counts the items")
    func count() throws {
        #expect(try Self.call(.count, [.list([P.age, P.age, P.age], element: .integer)]) == .integer(3))
        #expect(try Self.call(.count, [.list([], element: .integer)]) == .integer(0))
    }

    @Test("every built-in is named as in the policy language")
    func names() {
        #expect(BuiltinFunction.allCases.map(\.rawValue) == ["min", "max", "floor_to", "years_between", "days_between", "sum", "count", "date"])
    }
}
