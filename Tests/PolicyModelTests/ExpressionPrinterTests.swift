import PolicyModel
import Testing

/// Checked expressions written back as text, with names or with Chinese labels,
/// with parentheses exactly where precedence needs them.
@Suite("ExpressionPrinter")
struct ExpressionPrinterTests {
    typealias P = SamplePolicy
    static let names = ExpressionPrinter(policy: P.policy)
    static let labels = ExpressionPrinter(policy: P.policy, useLabels: true)

    static let old = Expression.compare(.greaterOrEqual, P.age, P.integer(70), .integer)
    static let rural = Expression.compare(.equal, P.residenceInput, P.residence("rural"), .enumeration)

    @Test("names for engineers, labels for policy officers", arguments: [
        (old, "age ≥ 70", "年龄 ≥ 70"),
        (rural, "residence = rural", "户籍 = 农村"),
        (.parameter(0), "rate", "每小时标准"),
        (.definition(0), "double_age", "双倍年龄"),
        (.decision(1), "hours", "小时数"),
        (.evaluationDate, "evaluation_date", "评估日期"),
        (.and(P.livesAlone, old), "lives_alone and age ≥ 70", "独居 且 年龄 ≥ 70"),
        (.or(P.livesAlone, old), "lives_alone or age ≥ 70", "独居 或 年龄 ≥ 70"),
        (.not(P.livesAlone), "not lives_alone", "非 独居"),
        (.call(.yearsBetween, [P.birthDate, .evaluationDate]), "years_between(birth_date, evaluation_date)", "years_between(出生日期, 评估日期)"),
    ])
    func namesAndLabels(_ expression: Expression, _ named: String, _ labelled: String) {
        #expect(Self.names.print(expression) == named)
        #expect(Self.labels.print(expression) == labelled)
    }

    @Test("membership and its negation")
    func membership() {
        let places = Expression.list([P.residence("urban"), P.residence("rural")], element: .enumeration(P.residence))
        #expect(Self.names.print(.member(P.residenceInput, places)) == "residence in [urban, rural]")
        #expect(Self.labels.print(.member(P.residenceInput, places)) == "户籍 属于 [城镇, 农村]")
        #expect(Self.names.print(.not(.member(P.residenceInput, places))) == "residence not in [urban, rural]")
        #expect(Self.labels.print(.not(.member(P.residenceInput, places))) == "户籍 不属于 [城镇, 农村]")
    }

    @Test("constants as a policy writes them")
    func constants() {
        #expect(Self.names.print(P.decimal("8")) == "8.00")
        #expect(Self.names.print(P.decimal("0.125")) == "0.125")
        #expect(Self.names.print(P.string("安庆")) == "\"安庆\"")
        #expect(Self.names.print(P.date("2026-01-01")) == "2026-01-01")
        #expect(Self.names.print(P.bool(false)) == "false")
        #expect(Self.names.print(.constant(.list([.enumCase(0)]), .list(.enumeration(P.residence)))) == "[urban]")
    }

    @Test("parentheses where precedence needs them, none where it does not", arguments: [
        (Expression.or(P.livesAlone, .and(old, rural)), "lives_alone or age ≥ 70 and residence = rural"),
        (.and(.or(P.livesAlone, old), rural), "(lives_alone or age ≥ 70) and residence = rural"),
        (.or(.or(P.livesAlone, old), rural), "lives_alone or age ≥ 70 or residence = rural"),
        (.or(P.livesAlone, .or(old, rural)), "lives_alone or (age ≥ 70 or residence = rural)"),
        (.and(.not(P.livesAlone), old), "not lives_alone and age ≥ 70"),
        (.not(.and(P.livesAlone, old)), "not (lives_alone and age ≥ 70)"),
        (.not(old), "not age ≥ 70"),
        (.not(.not(P.livesAlone)), "not (not lives_alone)"),
        (.compare(.equal, old, P.bool(true), .bool), "(age ≥ 70) = true"),
    ])
    func logicalPrecedence(_ expression: Expression, _ text: String) {
        #expect(Self.names.print(expression) == text)
    }

    @Test("arithmetic precedence and associativity", arguments: [
        (Expression.arithmetic(.subtract, .arithmetic(.subtract, P.age, P.integer(1), .integer), P.integer(2), .integer), "age - 1 - 2"),
        (.arithmetic(.subtract, P.age, .arithmetic(.subtract, P.integer(1), P.integer(2), .integer), .integer), "age - (1 - 2)"),
        (.arithmetic(.add, P.age, .arithmetic(.multiply, P.integer(2), P.integer(3), .integer), .integer), "age + 2 × 3"),
        (.arithmetic(.multiply, .arithmetic(.add, P.age, P.integer(1), .integer), P.integer(2), .integer), "(age + 1) × 2"),
        (.arithmetic(.multiply, .toDecimal(.arithmetic(.add, P.age, P.integer(1), .integer)), P.decimal("0.5"), .decimal), "(age + 1) × 0.50"),
        (.arithmetic(.divide, P.income, .arithmetic(.divide, P.integer(2), P.integer(4), .decimal), .decimal), "income ÷ (2 ÷ 4)"),
        (.negate(P.age, .integer), "-age"),
        (.negate(.arithmetic(.add, P.age, P.integer(1), .integer), .integer), "-(age + 1)"),
        (.arithmetic(.multiply, .negate(P.age, .integer), P.integer(2), .integer), "-age × 2"),
        (.arithmetic(.subtract, P.age, .negate(P.income, .decimal), .decimal), "age - -income"),
    ])
    func arithmeticPrecedence(_ expression: Expression, _ text: String) {
        #expect(Self.names.print(expression) == text)
    }

    @Test("a conditional is parenthesised inside any operator, bare at the top and in branches")
    func conditionals() {
        let choice = Expression.conditional(P.livesAlone, P.integer(2), P.integer(3))
        #expect(Self.names.print(choice) == "if lives_alone then 2 else 3")
        #expect(Self.names.print(.arithmetic(.add, P.integer(1), choice, .integer)) == "1 + (if lives_alone then 2 else 3)")
        #expect(Self.names.print(.conditional(P.livesAlone, P.integer(1), .conditional(Self.old, P.integer(2), P.integer(3))))
                == "if lives_alone then 1 else if age ≥ 70 then 2 else 3")
        #expect(Self.names.print(.call(.max, [choice, P.integer(0)])) == "max(if lives_alone then 2 else 3, 0)")
    }

    @Test("records and fields")
    func records() {
        let record = RecordType(fields: [.init(name: "a", type: .integer), .init(name: "b", type: .integer)])
        let value = Expression.record([P.age, P.integer(1)], record)
        #expect(Self.names.print(value) == "{age, 1}")
        #expect(Self.names.print(.field(value, 1)) == "{age, 1}.#1")
        #expect(Self.names.print(.field(.decision(0), 0)) == "tier.#0")
    }
}
