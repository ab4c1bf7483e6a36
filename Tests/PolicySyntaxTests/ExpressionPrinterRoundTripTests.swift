import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// What `ExpressionPrinter` writes, the parser reads back with the same grouping:
/// its parentheses and operator spellings agree with the grammar.
@Suite("ExpressionPrinter round trips through ExpressionParser")
struct ExpressionPrinterRoundTripTests {
    static let residence = EnumType(name: "residence", cases: ["urban", "rural"])

    static let policy: CheckedPolicy = {
        func input(_ name: String, _ type: ValueType) -> InputDeclaration {
            InputDeclaration(name: name, type: type, label: name, labelEnglish: nil, defaultValue: nil, minimum: nil, maximum: nil,
                             notAfterEvaluationDate: false, provenance: Provenance(), span: SourceSpan(file: "p.yaml", line: 1, column: 1))
        }
        let metadata = PolicyMetadata(id: "p", title: "p", titleEnglish: nil, version: "1", effectiveFrom: nil, effectiveUntil: nil,
                                      sources: [], extends: nil, file: "p.yaml", contentHash: "")
        return CheckedPolicy(metadata: metadata, inputs: [
            input("age", .integer), input("lives_alone", .bool), input("residence", .enumeration(residence)),
            input("income", .decimal), input("birth_date", .date),
        ], parameters: [], definitions: [], decisions: [])
    }()

    static let age = Expression.input(0), alone = Expression.input(1), place = Expression.input(2), income = Expression.input(3)
    static func int(_ value: Int64) -> Expression { .constant(.integer(value), .integer) }
    static let old = Expression.compare(.greaterOrEqual, age, int(70), .integer)
    static let rural = Expression.compare(.equal, place, .constant(.enumCase(1), .enumeration(residence)), .enumeration)

    @Test("printed text parses back to the same grouping", arguments: [
        (Expression.or(.and(alone, old), rural), "lives_alone and age ≥ 70 or residence = rural",
         "(or (and lives_alone (>= age 70)) (== residence rural))"),
        (.and(.or(alone, old), .not(rural)), "(lives_alone or age ≥ 70) and not residence = rural",
         "(and (or lives_alone (>= age 70)) (not (== residence rural)))"),
        (.or(alone, .or(old, rural)), "lives_alone or (age ≥ 70 or residence = rural)",
         "(or lives_alone (or (>= age 70) (== residence rural)))"),
        (.not(.and(alone, old)), "not (lives_alone and age ≥ 70)", "(not (and lives_alone (>= age 70)))"),
        (.arithmetic(.subtract, age, .arithmetic(.subtract, int(1), int(2), .integer), .integer), "age - (1 - 2)", "(- age (- 1 2))"),
        (.arithmetic(.multiply, .arithmetic(.add, age, int(1), .integer), int(2), .integer), "(age + 1) × 2", "(* (+ age 1) 2)"),
        (.arithmetic(.divide, income, .constant(.decimal(ExactDecimal("2.5")!), .decimal), .decimal), "income ÷ 2.50", "(/ income 2.50)"),
        (.negate(.arithmetic(.add, age, int(1), .integer), .integer), "-(age + 1)", "(neg (+ age 1))"),
        (.arithmetic(.add, int(1), .conditional(alone, int(2), int(3)), .integer), "1 + (if lives_alone then 2 else 3)",
         "(+ 1 (if lives_alone 2 3))"),
        (.conditional(alone, int(1), .conditional(old, int(2), int(3))), "if lives_alone then 1 else if age ≥ 70 then 2 else 3",
         "(if lives_alone 1 (if (>= age 70) 2 3))"),
        (.not(.member(place, .list([.constant(.enumCase(0), .enumeration(residence)), .constant(.enumCase(1), .enumeration(residence))], element: .enumeration(residence)))),
         "residence not in [urban, rural]", "(not-in residence (list urban rural))"),
        (.compare(.less, .input(4), .constant(.date(CivilDate("2000-01-01")!), .date), .date), "birth_date < 2000-01-01",
         "(< birth_date (call date \"2000-01-01\"))"),
        (.compare(.greaterOrEqual, .call(.yearsBetween, [.input(4), .evaluationDate]), int(80), .integer),
         "years_between(birth_date, evaluation_date) ≥ 80", "(>= (call years_between birth_date evaluation_date) 80)"),
        (.compare(.notEqual, .constant(.string("安庆"), .string), .constant(.string("x"), .string), .string), "\"安庆\" ≠ \"x\"",
         "(!= \"安庆\" \"x\")"),
        (.compare(.equal, old, .constant(.bool(true), .bool), .bool), "(age ≥ 70) = true", "(== (>= age 70) true)"),
    ])
    func roundTrip(_ expression: Expression, _ printed: String, _ outline: String) throws {
        let text = ExpressionPrinter(policy: Self.policy).print(expression)
        #expect(text == printed)
        #expect(try ParsedExpression.outline(text) == outline)
    }
}
