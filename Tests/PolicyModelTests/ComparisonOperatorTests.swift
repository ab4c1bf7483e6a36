import PolicyModel
import Testing

@Suite("ComparisonOperator")
struct ComparisonOperatorTests {
    @Test("each operator's spelling, tree symbol, flip and negation", arguments: [
        (ComparisonOperator.equal, "==", "=", ComparisonOperator.equal, ComparisonOperator.notEqual),
        (.notEqual, "!=", "≠", .notEqual, .equal),
        (.less, "<", "<", .greater, .greaterOrEqual),
        (.lessOrEqual, "<=", "≤", .greaterOrEqual, .greater),
        (.greater, ">", ">", .less, .lessOrEqual),
        (.greaterOrEqual, ">=", "≥", .lessOrEqual, .less),
    ])
    func spellings(_ op: ComparisonOperator, _ raw: String, _ symbol: String, _ flipped: ComparisonOperator, _ negated: ComparisonOperator) {
        #expect(op.rawValue == raw)
        #expect(op.symbol == symbol)
        #expect(op.flipped == flipped)
        #expect(op.negated == negated)
    }

    @Test("holds for an ordering result; negated holds exactly when it does not; flipped holds for swapped operands",
          arguments: ComparisonOperator.allCases)
    func holds(_ op: ComparisonOperator) {
        let expected: [Int: Bool]
        switch op {
        case .equal: expected = [-1: false, 0: true, 1: false]
        case .notEqual: expected = [-1: true, 0: false, 1: true]
        case .less: expected = [-1: true, 0: false, 1: false]
        case .lessOrEqual: expected = [-1: true, 0: true, 1: false]
        case .greater: expected = [-1: false, 0: false, 1: true]
        case .greaterOrEqual: expected = [-1: false, 0: true, 1: true]
        }
        for order in [-1, 0, 1] {
            #expect(op.holds(order) == expected[order])
            #expect(op.negated.holds(order) == !op.holds(order))
            #expect(op.flipped.holds(-order) == op.holds(order))
        }
    }
}
