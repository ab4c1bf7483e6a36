import PolicyModel
import Testing

/// Evaluating operators on the facts of one person (age 72, rural, living alone, income 1234.50).
@Suite("Expression evaluation")
struct ExpressionEvaluationTests {
    typealias P = SamplePolicy

    static func evaluate(_ expression: Expression, on date: String = "2025-06-01") throws(EvaluationFault) -> Value {
        try expression.evaluate(in: P.frame(on: date))
    }

    /// `1 / 0 == 0`: faults when evaluated.
    static let faulting = Expression.compare(.equal, .arithmetic(.divide, P.integer(1), P.integer(0), .integer), P.integer(0), .integer)

    @Test("inputs, constants and the evaluation date")
    func leaves() throws {
        #expect(try Self.evaluate(P.age) == .integer(72))
        #expect(try Self.evaluate(P.residenceInput) == .enumCase(1))
        #expect(try Self.evaluate(P.decimal("2.50")) == .decimal(ExactDecimal("2.5")!))
        #expect(try Self.evaluate(.evaluationDate, on: "2026-01-01") == .date(CivilDate("2026-01-01")!))
    }

    @Test("comparisons of each kind", arguments: [
        (Expression.compare(.greaterOrEqual, P.age, P.integer(70), .integer), true),
        (.compare(.less, P.age, P.integer(72), .integer), false),
        (.compare(.equal, P.decimal("1.5"), P.decimal("1.50"), .decimal), true),
        (.compare(.less, .toDecimal(P.integer(1)), P.decimal("1.5"), .decimal), true),
        (.compare(.greater, P.income, P.decimal("1234.49"), .decimal), true),
        (.compare(.less, P.birthDate, P.date("1953-05-02"), .date), true),
        (.compare(.equal, P.residenceInput, P.residence("rural"), .enumeration), true),
        (.compare(.notEqual, P.residenceInput, P.residence("urban"), .enumeration), true),
        (.compare(.less, P.string("apple"), P.string("banana"), .string), true),
        (.compare(.less, P.bool(false), P.bool(true), .bool), true),
        (.compare(.equal, P.livesAlone, P.bool(true), .bool), true),
    ])
    func comparisons(_ expression: Expression, _ expected: Bool) throws {
        #expect(try Self.evaluate(expression) == .bool(expected))
        #expect(try expression.evaluateBool(in: P.frame()) == expected)
    }

    @Test("order compares integers with decimals by value")
    func mixedOrder() {
        #expect(Expression.order(.integer(2), .decimal(ExactDecimal("1.5")!), .decimal) == 1)
        #expect(Expression.order(.integer(2), .decimal(ExactDecimal("2.00")!), .decimal) == 0)
        #expect(Expression.order(.list([.integer(1)]), .list([.integer(1)]), .list) == 0)
        #expect(Expression.order(.list([.integer(1)]), .list([.integer(2)]), .list) == 1)
    }

    @Test("not, and, or")
    func logic() throws {
        #expect(try Self.evaluate(.not(P.livesAlone)) == .bool(false))
        #expect(try Self.evaluate(.and(P.livesAlone, P.bool(true))) == .bool(true))
        #expect(try Self.evaluate(.and(P.livesAlone, P.bool(false))) == .bool(false))
        #expect(try Self.evaluate(.or(P.bool(false), P.bool(false))) == .bool(false))
        #expect(try Self.evaluate(.or(P.bool(false), P.livesAlone)) == .bool(true))
    }

    @Test("and and or do not evaluate a right side they do not need")
    func shortCircuit() throws {
        #expect(try Self.evaluate(.or(P.bool(true), Self.faulting)) == .bool(true))
        #expect(try Self.evaluate(.and(P.bool(false), Self.faulting)) == .bool(false))
        #expect(throws: EvaluationFault(.divisionByZero, "division by zero")) { try Self.evaluate(.and(P.bool(true), Self.faulting)) }
    }

    @Test("integer arithmetic is exact", arguments: [
        (ArithmeticOperator.add, 72, 8, 80),
        (.subtract, 7, 10, -3),
        (.multiply, -6, 7, -42),
        (.add, Int64.max - 1, 1, Int64.max),
    ] as [(ArithmeticOperator, Int64, Int64, Int64)])
    func integerArithmetic(_ op: ArithmeticOperator, _ a: Int64, _ b: Int64, _ result: Int64) throws {
        #expect(try Self.evaluate(.arithmetic(op, P.integer(a), P.integer(b), .integer)) == .integer(result))
    }

    @Test("decimal arithmetic is exact and widens integers", arguments: [
        (Expression.arithmetic(.add, P.decimal("0.1"), P.decimal("0.2"), .decimal), "0.3"),
        (.arithmetic(.multiply, P.decimal("8.00"), P.integer(20), .decimal), "160"),
        (.arithmetic(.subtract, P.income, P.decimal("0.50"), .decimal), "1234"),
        (.arithmetic(.divide, P.integer(80), P.integer(60), .decimal), "1.333333333333333333"),
        (.arithmetic(.divide, P.decimal("1"), P.decimal("8"), .decimal), "0.125"),
    ])
    func decimalArithmetic(_ expression: Expression, _ expected: String) throws {
        #expect(try Self.evaluate(expression) == .decimal(ExactDecimal(expected)!))
    }

    @Test("negation, widening and membership")
    func unary() throws {
        #expect(try Self.evaluate(.negate(P.age, .integer)) == .integer(-72))
        #expect(try Self.evaluate(.negate(P.decimal("2.5"), .decimal)) == .decimal(ExactDecimal("-2.5")!))
        #expect(try Self.evaluate(.toDecimal(P.age)) == .decimal(ExactDecimal(72)))
        #expect(try Self.evaluate(.toDecimal(P.decimal("1.5"))) == .decimal(ExactDecimal("1.5")!))
        let places = Expression.list([P.residence("urban"), P.residence("rural")], element: .enumeration(P.residence))
        #expect(try Self.evaluate(.member(P.residenceInput, places)) == .bool(true))
        #expect(try Self.evaluate(.member(P.integer(3), .list([P.integer(1), P.integer(2)], element: .integer))) == .bool(false))
        #expect(try Self.evaluate(.member(P.decimal("1.5"), .list([P.decimal("1.50")], element: .decimal))) == .bool(true))
    }

    @Test("a conditional evaluates only the branch it takes")
    func conditional() throws {
        let broken = Expression.arithmetic(.divide, P.integer(1), P.integer(0), .integer)
        #expect(try Self.evaluate(.conditional(P.livesAlone, P.integer(20), broken)) == .integer(20))
        #expect(try Self.evaluate(.conditional(.not(P.livesAlone), broken, P.integer(0))) == .integer(0))
    }

    @Test("lists, records and fields")
    func structures() throws {
        #expect(try Self.evaluate(.list([P.age, P.integer(1)], element: .integer)) == .list([.integer(72), .integer(1)]))
        let record = RecordType(fields: [.init(name: "a", type: .integer), .init(name: "b", type: .bool)])
        let value = Expression.record([P.age, P.livesAlone], record)
        #expect(try Self.evaluate(value) == .record([.integer(72), .bool(true)]))
        #expect(try Self.evaluate(.field(value, 1)) == .bool(true))
        #expect(try Self.evaluate(.field(value, 0)) == .integer(72))
    }
}
