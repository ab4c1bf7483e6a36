import PolicyModel

/// A small checked policy built by hand, for tests that need names, labels, ranges,
/// parameters, definitions and decisions.
///
/// inputs:      0 age (integer 0…120)  1 birth_date (not after evaluation date)  2 residence (enum)
///              3 lives_alone (bool)   4 income (decimal ≥ 0)                    5 start_date (date)
/// parameters:  0 rate (8.00 from 2019-01-01, 10.00 from 2026-01-01)  1 future_cap (5 from 2030-01-01)
/// definitions: 0 double_age = age × 2    1 broken = 1 / 0
/// decisions:   0 tier (table: age ≥ 80 → free, else paid)   1 hours (formula: if lives_alone then 20 else 0)
enum SamplePolicy {
    static let file = "sample.yaml"
    static let residence = EnumType(name: "residence", cases: ["urban", "rural"], labels: ["城镇", "农村"])
    static let tierType = EnumType(name: "tier", cases: ["free", "paid"], labels: ["免费", "付费"])

    static func span(_ line: Int, _ column: Int = 3, length: Int = 1) -> SourceSpan {
        SourceSpan(file: file, line: line, column: column, length: length)
    }

    static func integer(_ value: Int64) -> Expression { .constant(.integer(value), .integer) }
    static func decimal(_ text: String) -> Expression { .constant(.decimal(ExactDecimal(text)!), .decimal) }
    static func bool(_ value: Bool) -> Expression { .constant(.bool(value), .bool) }
    static func date(_ text: String) -> Expression { .constant(.date(CivilDate(text)!), .date) }
    static func string(_ text: String) -> Expression { .constant(.string(text), .string) }
    static func residence(_ name: String) -> Expression { .constant(.enumCase(residence.index(of: name)!), .enumeration(residence)) }
    static func tier(_ name: String) -> Expression { .constant(.enumCase(tierType.index(of: name)!), .enumeration(tierType)) }

    static let age = Expression.input(0), birthDate = Expression.input(1), residenceInput = Expression.input(2)
    static let livesAlone = Expression.input(3), income = Expression.input(4), startDate = Expression.input(5)

    static func input(_ name: String, _ type: ValueType, _ label: String, line: Int, minimum: Value? = nil, maximum: Value? = nil,
                      notAfterEvaluationDate: Bool = false) -> InputDeclaration {
        InputDeclaration(name: name, type: type, label: label, labelEnglish: nil, defaultValue: nil, minimum: minimum, maximum: maximum,
                         notAfterEvaluationDate: notAfterEvaluationDate, provenance: Provenance(), span: span(line, length: name.count))
    }

    static func rule(_ id: String, _ condition: Expression?, _ output: Expression, line: Int) -> Rule {
        Rule(id: id, condition: condition, conditionText: nil, output: output, outputText: "", reason: "理由", provenance: Provenance(), span: span(line, 9))
    }

    static let policy: CheckedPolicy = {
        let inputs = [
            input("age", .integer, "年龄", line: 2, minimum: .integer(0), maximum: .integer(120)),
            input("birth_date", .date, "出生日期", line: 3, notAfterEvaluationDate: true),
            input("residence", .enumeration(residence), "户籍", line: 4),
            input("lives_alone", .bool, "独居", line: 5),
            input("income", .decimal, "收入", line: 6, minimum: .decimal(.zero)),
            input("start_date", .date, "开始日期", line: 7),
        ]
        let parameters = [
            ParameterDeclaration(name: "rate", type: .decimal, label: "每小时标准", timeline: [
                .init(from: CivilDate("2026-01-01")!, value: .decimal(ExactDecimal("10.00")!), provenance: Provenance(), span: span(11, 7)),
                .init(from: CivilDate("2019-01-01")!, value: .decimal(ExactDecimal("8.00")!), provenance: Provenance(), span: span(10, 7)),
            ], provenance: Provenance(source: "文件一"), span: span(9, length: 4)),
            ParameterDeclaration(name: "future_cap", type: .integer, label: "上限", timeline: [
                .init(from: CivilDate("2030-01-01")!, value: .integer(5), provenance: Provenance(), span: span(13, 7)),
            ], provenance: Provenance(), span: span(12, length: 10)),
        ]
        let definitions = [
            DefinitionDeclaration(name: "double_age", type: .integer, label: "双倍年龄", expression: .arithmetic(.multiply, age, integer(2), .integer),
                                  text: "age * 2", provenance: Provenance(), span: span(15, length: 10)),
            DefinitionDeclaration(name: "broken", type: .decimal, label: "坏", expression: .arithmetic(.divide, decimal("1"), decimal("0"), .decimal),
                                  text: "1 / 0", provenance: Provenance(), span: span(16, length: 6)),
        ]
        let decisions = [
            DecisionDeclaration(name: "tier", type: .enumeration(tierType), label: "类别", isPublic: true, body: .table(RuleTable(
                hitPolicy: .first,
                rules: [rule("old", .compare(.greaterOrEqual, age, integer(80), .integer), tier("free"), line: 19)],
                otherwise: rule("else", nil, tier("paid"), line: 20))), provenance: Provenance(), span: span(18, length: 4)),
            DecisionDeclaration(name: "hours", type: .integer, label: "小时数", isPublic: false,
                                body: .formula(rule("hours", nil, .conditional(livesAlone, integer(20), integer(0)), line: 22)),
                                provenance: Provenance(), span: span(21, length: 5)),
        ]
        let metadata = PolicyMetadata(id: "sample", title: "样例", titleEnglish: nil, version: "1", effectiveFrom: CivilDate("2019-01-01"),
                                      effectiveUntil: nil, sources: [], extends: nil, file: file, contentHash: "")
        return CheckedPolicy(metadata: metadata, inputs: inputs, parameters: parameters, definitions: definitions, decisions: decisions)
    }()

    /// Facts of one person: 72, born 1953-05-01, rural, living alone, income 1234.50, started 2025-01-01.
    static let inputs: [Value] = [
        .integer(72), .date(CivilDate("1953-05-01")!), .enumCase(1), .bool(true), .decimal(ExactDecimal("1234.50")!), .date(CivilDate("2025-01-01")!),
    ]

    /// A frame for evaluating on `date` (2025-06-01 unless told), decisions given by `decisions`.
    static func frame(on date: String = "2025-06-01", inputs: [Value] = inputs, decisions: any DecisionEvaluating = FixedDecisions()) -> EvaluationFrame {
        let day = CivilDate(date)!
        return EvaluationFrame(program: policy.program, inputs: inputs, parameters: policy.parameterValues(on: day), date: day, decisions: decisions)
    }
}

/// Gives each decision a fixed value and reports rule 0 as fired, counting the calls.
final class FixedDecisions: DecisionEvaluating, @unchecked Sendable {
    let values: [Value]
    private(set) var calls = 0

    init(_ values: [Value] = [.enumCase(0), .integer(20)]) { self.values = values }

    func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        calls += 1
        return (values[index], [0])
    }
}
