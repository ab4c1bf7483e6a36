import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// A whole small policy read into its syntax, every part at its exact place.
@Suite("PolicyFileParser: a whole policy")
struct PolicyFileParserTests {
    static func span(_ line: Int, _ column: Int, _ length: Int = 1) -> SourceSpan { ParsedPolicy.span(line, column, length) }

    static let text = """
        policy:
          id: demo
          title: 演示政策
          version: "2026.1"
          effective_from: 2026-01-01
          sources: [民政发〔2025〕1号, 细则]
        include: shared.yaml
        inputs:
          birth_date: {type: date, label: 出生日期, not_after: evaluation_date}
          residence:
            type: enum
            values: {urban: 城镇, rural: 农村}
            label: 户籍
          needs: {type: list of string, label: 需求}
        parameters:
          rate:
            type: decimal
            label: 标准
            timeline:
              - {from: 2019-01-01, value: 8.00, source: 文件一}
              - {from: 2026-01-01, value: 10.00}
          cap: {type: integer, label: 上限, value: 20}
        definitions:
          age:
            label: 年龄
            expr: years_between(birth_date, evaluation_date)
        decisions:
          tier:
            label: 类别
            values: [free, paid]
            hit: first
            public: true
            rules:
              - id: old
                when: age ≥ 80
                then: free
                reason: 高龄
              - when: [age >= 60, residence == rural]
                then: free
                reason: 农村老人
              - else: paid
                reason: 其他
          hours:
            type: integer
            label: 小时数
            value: if tier == free then cap else 0
          split:
            type: decimal
            apportion:
              total: hours * rate
              payers:
                government: min(hours * rate, 100)
                person: remainder
              reduce_in_order: [government]
            reason: 分摊
        """

    static let parsed = Result { () throws(DiagnosticList) -> PolicyFile in try ParsedPolicy.parse(text) }

    @Test("the file keeps its path and text")
    func pathAndText() throws {
        let file = try Self.parsed.get()
        #expect(file.path == "policy.yaml")
        #expect(file.text == Self.text)
        #expect(file.extends == nil)
        #expect(file.includes.map(\.value) == ["shared.yaml"])
        #expect(file.includes.map(\.span) == [Self.span(7, 10, 11)])
    }

    @Test("the header")
    func header() throws {
        let file = try Self.parsed.get()
        let header = try #require(file.header)
        #expect(header.span == Self.span(2, 3))
        #expect(header.id.value == "demo")
        #expect(header.id.span == Self.span(2, 7, 4))
        #expect(header.title.value == "演示政策")
        #expect(header.title.span == Self.span(3, 10, 4))
        #expect(header.version.value == "2026.1")
        #expect(header.version.span == Self.span(4, 13, 6))
        #expect(header.effectiveFrom?.text == "2026-01-01")
        #expect(header.effectiveFrom?.span == Self.span(5, 19, 10))
        #expect(header.effectiveUntil == nil)
        #expect(header.titleEnglish == nil)
        #expect(header.sources == ["民政发〔2025〕1号", "细则"])
    }

    @Test("inputs, with types, enum values and labels")
    func inputs() throws {
        let file = try Self.parsed.get()
        let inputs = file.inputs
        #expect(inputs.map(\.name.value) == ["birth_date", "residence", "needs"])
        #expect(inputs.map(\.name.span) == [Self.span(9, 3, 10), Self.span(10, 3, 9), Self.span(14, 3, 5)])
        #expect(inputs.map(\.label) == ["出生日期", "户籍", "需求"])

        let birth = inputs[0]
        #expect(birth.type?.base.value == "date")
        #expect(birth.type?.base.span == Self.span(9, 22, 4))
        #expect(birth.notAfter?.text == "evaluation_date")
        #expect(birth.notAfter?.span == Self.span(9, 52, 15))

        let residence = try #require(inputs[1].type)
        #expect(residence.base.value == "enum")
        #expect(residence.base.span == Self.span(11, 11, 4))
        #expect(residence.isList == false)
        #expect(residence.values?.map(\.name) == ["urban", "rural"])
        #expect(residence.values?.map(\.label) == ["城镇", "农村"])
        #expect(residence.values?.map(\.span) == [Self.span(12, 14, 5), Self.span(12, 25, 5)])

        let needs = try #require(inputs[2].type)
        #expect(needs.base.value == "string")
        #expect(needs.isList)
        #expect(needs.base.span == Self.span(14, 17, 14))
    }

    @Test("parameters: a timeline and a single value")
    func parameters() throws {
        let file = try Self.parsed.get()
        let parameters = file.parameters
        #expect(parameters.map(\.name.value) == ["rate", "cap"])
        #expect(parameters.map(\.type?.base.value) == ["decimal", "integer"])
        let rate = parameters[0].periods
        #expect(rate.map(\.from?.text) == ["2019-01-01", "2026-01-01"])
        #expect(rate.map(\.from?.span) == [Self.span(20, 16, 10), Self.span(21, 16, 10)])
        #expect(rate.map(\.value.text) == ["8.00", "10.00"])
        #expect(rate.map(\.value.span) == [Self.span(20, 35, 4), Self.span(21, 35, 5)])
        #expect(rate.map(\.span) == [Self.span(20, 9), Self.span(21, 9)])
        #expect(rate.map(\.provenance.source) == ["文件一", nil])
        let cap = parameters[1].periods
        #expect(cap.count == 1)
        #expect(cap.first?.from == nil)
        #expect(cap.first?.value.text == "20")
        #expect(cap.first?.span == Self.span(22, 42, 2))
    }

    @Test("a definition keeps its expression and text")
    func definitions() throws {
        let file = try Self.parsed.get()
        let age = try #require(file.definitions.first)
        #expect(age.name.value == "age")
        #expect(age.label == "年龄")
        #expect(age.type == nil)
        #expect(age.expression.text == "years_between(birth_date, evaluation_date)")
        #expect(age.expression.syntax.outline == "(call years_between birth_date evaluation_date)")
        #expect(age.expression.syntax.span == Self.span(26, 11, 42))
    }

    @Test("a rule table: ids, conditions, outputs, reasons and places")
    func ruleTable() throws {
        let file = try Self.parsed.get()
        let tier = try #require(file.decisions.first)
        #expect(tier.name.value == "tier")
        #expect(tier.hitPolicy?.value == "first")
        #expect(tier.hitPolicy?.span == Self.span(31, 10, 5))
        #expect(tier.isPublic == true)
        #expect(tier.type?.base.value == "enum")
        #expect(tier.type?.base.span == Self.span(30, 5, 6))
        #expect(tier.type?.values?.map(\.name) == ["free", "paid"])
        #expect(tier.type?.values?.map(\.span) == [Self.span(30, 14, 4), Self.span(30, 20, 4)])

        let rules = try #require(tier.rules)
        #expect(rules.map(\.span) == [Self.span(34, 9), Self.span(38, 9), Self.span(41, 9)])
        #expect(rules.map(\.id?.value) == ["old", nil, nil])
        #expect(rules[0].id?.span == Self.span(34, 13, 3))
        #expect(rules.map(\.isElse) == [false, false, true])
        #expect(rules.map(\.reason) == ["高龄", "农村老人", "其他"])
        #expect(rules.map(\.output.syntax.outline) == ["free", "free", "paid"])
        #expect(rules.map(\.output.syntax.span) == [Self.span(36, 15, 4), Self.span(39, 15, 4), Self.span(41, 15, 4)])

        #expect(rules[0].condition?.syntax.outline == "(>= age 80)")
        #expect(rules[0].condition?.syntax.span == Self.span(35, 15, 8))
        #expect(rules[1].condition?.syntax.outline == "(and (>= age 60) (== residence rural))")
        #expect(rules[1].condition?.text == "(age >= 60) and (residence == rural)")
        #expect(rules[2].condition == nil)
    }

    @Test("a `when` list is the `and` of its items, each at its own place")
    func whenList() throws {
        let file = try Self.parsed.get()
        let condition = try #require(file.decisions.first?.rules?[1].condition?.syntax)
        guard case .binary(.and, let first, let second) = condition.kind else { Issue.record("not an `and`"); return }
        #expect(first.span == Self.span(38, 16, 9))
        #expect(second.span == Self.span(38, 27, 18))
    }

    @Test("a formula decision")
    func formula() throws {
        let file = try Self.parsed.get()
        let hours = try #require(file.decisions.first { $0.name.value == "hours" })
        #expect(hours.rules == nil)
        #expect(hours.hitPolicy == nil)
        #expect(hours.isPublic == nil)
        #expect(hours.formula?.syntax.outline == "(if (== tier free) cap 0)")
        #expect(hours.formula?.syntax.span == Self.span(46, 12, 31))
    }

    @Test("an apportionment: total, payers with shares, the remainder and the reduction order")
    func apportionment() throws {
        let file = try Self.parsed.get()
        let split = try #require(file.decisions.first { $0.name.value == "split" })
        let apportion = try #require(split.apportionment)
        #expect(apportion.span == Self.span(50, 7))
        #expect(apportion.total.syntax.outline == "(* hours rate)")
        #expect(apportion.total.syntax.span == Self.span(50, 14, 12))
        #expect(apportion.payers.map(\.name.value) == ["government", "person"])
        #expect(apportion.payers.map(\.name.span) == [Self.span(52, 9, 10), Self.span(53, 9, 6)])
        #expect(apportion.payers[0].share?.syntax.outline == "(call min (* hours rate) 100)")
        #expect(apportion.payers[0].share?.syntax.span == Self.span(52, 21, 22))
        #expect(apportion.payers[1].share == nil)
        #expect(apportion.reductionOrder.map(\.value) == ["government"])
        #expect(apportion.reductionOrder.map(\.span) == [Self.span(54, 25, 10)])
        #expect(split.reason == "分摊")
    }

    @Test("a fragment without a header parses")
    func fragment() throws {
        let file = try ParsedPolicy.parse("inputs:\n  x: {type: bool, label: 某}\n")
        #expect(file.header == nil)
        #expect(file.inputs.map(\.name.value) == ["x"])
        #expect(file.decisions.isEmpty)
    }

    @Test("a variant names what it extends")
    func variant() throws {
        let file = try ParsedPolicy.parse("policy: {id: v, title: 变体, version: \"1\"}\nextends: base.yaml\n")
        #expect(file.extends?.value == "base.yaml")
        #expect(file.extends?.span == Self.span(2, 10, 9))
    }
}
