import PolicyModel
import Testing

/// Interval arithmetic over declared input ranges, constants and operators.
@Suite("NumericRange")
struct NumericRangeTests {
    typealias P = SamplePolicy

    static func range(_ expression: Expression) -> String {
        NumericRange.of(expression, in: P.policy).description
    }

    @Test("bounds read as an interval; a missing bound is infinite")
    func descriptions() {
        #expect(NumericRange.unbounded.description == "[-∞, ∞]")
        #expect(NumericRange(lower: ExactDecimal("-1.5"), upper: nil).description == "[-1.5, ∞]")
        #expect(NumericRange(lower: .zero, upper: ExactDecimal(4)) == NumericRange(lower: ExactDecimal("0.0"), upper: ExactDecimal("4.00")))
    }

    @Test("leaves: constants, declared inputs, parameters and definitions", arguments: [
        (P.integer(5), "[5, 5]"),
        (P.decimal("2.50"), "[2.50, 2.50]"),
        (P.bool(true), "[-∞, ∞]"),
        (P.age, "[0, 120]"),
        (P.income, "[0, ∞]"),
        (P.livesAlone, "[-∞, ∞]"),
        (.parameter(0), "[8.00, 10.00]"),
        (.definition(0), "[0, 240]"),
        (.toDecimal(P.age), "[0, 120]"),
        (.evaluationDate, "[-∞, ∞]"),
    ])
    func leaves(_ expression: Expression, _ expected: String) {
        #expect(Self.range(expression) == expected)
    }

    @Test("addition, subtraction, multiplication and negation", arguments: [
        (Expression.arithmetic(.add, P.age, P.integer(5), .integer), "[5, 125]"),
        (.arithmetic(.subtract, P.integer(5), P.age, .integer), "[-115, 5]"),
        (.arithmetic(.multiply, P.age, P.integer(-2), .integer), "[-240, 0]"),
        (.arithmetic(.multiply, .arithmetic(.subtract, P.age, P.integer(60), .integer), .arithmetic(.subtract, P.age, P.integer(10), .integer), .integer), "[-6600, 6600]"),
        (.negate(P.age, .integer), "[-120, 0]"),
        (.arithmetic(.add, P.age, P.income, .decimal), "[0, ∞]"),
        (.arithmetic(.subtract, P.age, P.income, .decimal), "[-∞, 120]"),
    ])
    func arithmetic(_ expression: Expression, _ expected: String) {
        #expect(Self.range(expression) == expected)
    }

    @Test("products with an unbounded side keep a lower bound only when both sides are non-negative", arguments: [
        (Expression.arithmetic(.multiply, P.income, P.integer(2), .decimal), "[0, ∞]"),
        (.arithmetic(.multiply, .arithmetic(.subtract, P.age, P.integer(200), .integer), P.income, .decimal), "[-∞, ∞]"),
        (.arithmetic(.multiply, P.income, P.income, .decimal), "[0, ∞]"),
    ])
    func unboundedProducts(_ expression: Expression, _ expected: String) {
        #expect(Self.range(expression) == expected)
    }

    @Test("a quotient is non-negative only for a non-negative dividend and positive divisor", arguments: [
        (Expression.arithmetic(.divide, P.age, P.integer(2), .decimal), "[0, ∞]"),
        (.arithmetic(.divide, P.age, P.age, .decimal), "[-∞, ∞]"),
        (.arithmetic(.divide, .arithmetic(.subtract, P.integer(5), P.age, .integer), P.integer(2), .decimal), "[-∞, ∞]"),
    ])
    func division(_ expression: Expression, _ expected: String) {
        #expect(Self.range(expression) == expected)
    }

    @Test("branches, min, max, floor_to and counts", arguments: [
        (Expression.conditional(P.livesAlone, P.age, P.integer(200)), "[0, 200]"),
        (.conditional(P.livesAlone, P.age, P.income), "[0, ∞]"),
        (.call(.min, [P.age, P.integer(60)]), "[0, 60]"),
        (.call(.min, [P.income, P.integer(60)]), "[0, 60]"),
        (.call(.min, [.negate(P.income, .decimal), P.integer(60)]), "[-∞, 0]"),
        (.call(.max, [P.age, P.integer(60)]), "[60, 120]"),
        (.call(.max, [P.age, P.income]), "[0, ∞]"),
        (.call(.floorTo, [P.age, P.decimal("0.5")]), "[-∞, 120]"),
        (.call(.count, [.list([P.age], element: .integer)]), "[0, ∞]"),
        (.call(.sum, [.list([P.age], element: .integer)]), "[-∞, ∞]"),
    ])
    func calls(_ expression: Expression, _ expected: String) {
        #expect(Self.range(expression) == expected)
    }

    @Test("years and days from a date not after the evaluation date are never negative", arguments: [
        (Expression.call(.yearsBetween, [P.birthDate, .evaluationDate]), "[0, ∞]"),
        (.call(.daysBetween, [P.birthDate, .evaluationDate]), "[0, ∞]"),
        (.call(.yearsBetween, [P.startDate, .evaluationDate]), "[-∞, ∞]"),
        (.call(.yearsBetween, [.evaluationDate, P.birthDate]), "[-∞, ∞]"),
    ])
    func dates(_ expression: Expression, _ expected: String) {
        #expect(Self.range(expression) == expected)
    }

    @Test("decisions: a formula's range, a table's union of outputs")
    func decisions() {
        #expect(Self.range(.decision(1)) == "[0, 20]")
        // The tier table outputs enum values, which are not numbers.
        #expect(Self.range(.decision(0)) == "[-∞, ∞]")
    }

    @Test("a bound that would overflow is dropped, not a crash")
    func overflow() {
        #expect(Self.range(.arithmetic(.add, P.integer(.max), P.age, .integer)) == "[9223372036854775807, ∞]")
        #expect(Self.range(.arithmetic(.multiply, P.integer(.max), P.integer(2), .integer)) == "[-∞, ∞]")
        #expect(Self.range(.negate(P.integer(.min), .integer)) == "[-∞, ∞]")
    }

    @Test("beyond 32 levels the range is unbounded")
    func depthLimit() {
        func negated(_ times: Int) -> Expression {
            (0..<times).reduce(P.integer(1)) { inner, _ in .negate(inner, .integer) }
        }
        #expect(Self.range(negated(32)) == "[1, 1]")
        #expect(Self.range(negated(33)) == "[-∞, ∞]")
    }
}
