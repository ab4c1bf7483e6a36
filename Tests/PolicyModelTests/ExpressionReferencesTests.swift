import PolicyModel
import Testing

/// Walking an expression: every node once, and the definitions and decisions it reads.
@Suite("Expression references")
struct ExpressionReferencesTests {
    typealias P = SamplePolicy

    static let expression = Expression.conditional(
        .and(.compare(.greaterOrEqual, .definition(0), P.integer(140), .integer), .not(.member(.decision(0), .list([P.tier("free")], element: .enumeration(P.tierType))))),
        .call(.max, [.decision(1), .negate(.definition(1), .decimal), .field(.record([.definition(0)], RecordType(fields: [.init(name: "a", type: .integer)])), 0)]),
        .toDecimal(.arithmetic(.add, .parameter(0), .decision(1), .decimal)))

    @Test("references are the definitions and decisions read, each once")
    func references() {
        let (definitions, decisions) = Self.expression.references
        #expect(definitions == [0, 1])
        #expect(decisions == [0, 1])
        #expect(P.age.references.definitions.isEmpty)
        #expect(P.age.references.decisions.isEmpty)
    }

    @Test("forEach visits every node, parents before children")
    func forEach() {
        var count = 0
        var first: Expression?
        Self.expression.forEach { node in
            if first == nil { first = node }
            count += 1
        }
        #expect(count == 21)
        #expect(first == Self.expression)
    }
}
