import PolicyModel
import Testing

/// Faults met at run time are errors with a kind and a message, never crashes.
@Suite("Evaluation faults")
struct EvaluationFaultTests {
    typealias P = SamplePolicy

    static let divisionByZero = EvaluationFault(.divisionByZero, "division by zero")
    static let overflow = EvaluationFault(.overflow, "a number is too large to compute exactly")

    static func evaluate(_ expression: Expression) throws(EvaluationFault) -> Value {
        try expression.evaluate(in: P.frame())
    }

    @Test("division by zero", arguments: [
        Expression.arithmetic(.divide, P.integer(1), P.integer(0), .integer),
        .arithmetic(.divide, P.decimal("1"), P.decimal("0.00"), .decimal),
        .arithmetic(.divide, P.age, P.integer(0), .decimal),
    ])
    func divisionByZero(_ expression: Expression) {
        #expect(throws: Self.divisionByZero) { try Self.evaluate(expression) }
    }

    @Test("numbers too large to compute", arguments: [
        Expression.arithmetic(.add, P.integer(.max), P.integer(1), .integer),
        .arithmetic(.subtract, P.integer(.min), P.integer(1), .integer),
        .arithmetic(.multiply, P.integer(.max), P.integer(2), .integer),
        .arithmetic(.divide, P.integer(.min), P.integer(-1), .integer),
        .arithmetic(.add, .constant(.decimal(ExactDecimal(Int64.max)), .decimal), P.decimal("0.5"), .decimal),
        .arithmetic(.multiply, .constant(.decimal(ExactDecimal(Int64.max)), .decimal), P.decimal("2"), .decimal),
        .negate(P.integer(.min), .integer),
        .negate(.constant(.decimal(ExactDecimal(mantissa: .min, scale: 2)), .decimal), .decimal),
        .call(.sum, [.list([P.integer(.max), P.integer(1)], element: .integer)]),
    ])
    func overflow(_ expression: Expression) {
        #expect(throws: Self.overflow) { try Self.evaluate(expression) }
    }

    @Test("floor_to with a unit of zero or below")
    func floorToBadUnit() {
        let fault = EvaluationFault(.divisionByZero, "`floor_to` needs a unit greater than zero")
        #expect(throws: fault) { try Self.evaluate(.call(.floorTo, [P.decimal("1.3"), P.decimal("0")])) }
        #expect(throws: fault) { try Self.evaluate(.call(.floorTo, [P.decimal("1.3"), P.decimal("-0.5")])) }
    }

    @Test("floor_to that overflows reports an overflow, not a bad unit")
    func floorToOverflow() {
        #expect(throws: Self.overflow) {
            try Self.evaluate(.call(.floorTo, [.constant(.decimal(ExactDecimal(Int64.max)), .decimal), P.decimal("0.5")]))
        }
    }

    @Test("a fault takes a place only if it has none")
    func located() {
        let first = SourceSpan(file: "a.yaml", line: 1, column: 1)
        let second = SourceSpan(file: "a.yaml", line: 9, column: 9)
        let placed = Self.divisionByZero.located(at: first)
        #expect(placed.span == first)
        #expect(placed.located(at: second).span == first)
        #expect(placed.description == "a.yaml:1:1: division by zero")
        #expect(Self.divisionByZero.description == "division by zero")
    }

    @Test("kinds are named for the JSON output")
    func kindNames() {
        let kinds: [EvaluationFault.Kind] = [.divisionByZero, .overflow, .noRuleMatched, .conflictingRules, .negativeTotal, .parameterNotInForce]
        #expect(kinds.map(\.rawValue) == ["division_by_zero", "overflow", "no_rule_matched", "conflicting_rules", "negative_total", "parameter_not_in_force"])
    }
}
