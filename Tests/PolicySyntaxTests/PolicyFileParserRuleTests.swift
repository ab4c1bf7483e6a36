import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// Decisions: rule tables (conditions, outputs, else rows), formulas and apportionments.
@Suite("PolicyFileParser: decisions and rules")
struct PolicyFileParserRuleTests {
    typealias P = ParsedPolicy

    /// Decision `d` with one rule written `{fields}` on line 4, the rule's mapping at column 9.
    static func rule(_ fields: String) -> String { "decisions:\n  d:\n    rules:\n      - {\(fields)}\n" }

    static func decision(_ body: String) -> String { "decisions:\n  d:\n\(body)" }

    static func rules(_ text: String) throws -> [RuleSyntax] {
        try #require(try P.parse(text).decisions.first?.rules)
    }

    @Test("mistakes in a rule's shape", arguments: [
        ("when: a, else: b", P.error("a rule has both `when` and `else`", 4, 9, help: "an `else` row applies when no rule matches; it has no condition")),
        ("else: b, then: c", P.error("an `else` row gives its value in `else`, not `then`", 4, 9, help: "write `- else: VALUE`")),
        ("then: b", P.error("a rule of `d` is missing `when`", 4, 9, help: "give its condition, or write an `else` row")),
        ("when: a", P.error("a rule of `d` is missing `then`", 4, 9, help: "say what the decision is when the rule matches")),
        ("id: R1, when: a, then: b", P.error("`R1` is not a valid rule id", 4, 14, 2, help: "use lowercase letters, digits and `_`")),
        ("when: a, then: b, reson: r", P.error("unknown field `reson` in a rule of `d`", 4, 28, 5, help: "did you mean `reason`?")),
        ("when: {some: [a]}, then: b", P.error("a condition mapping must be `all: [...]` or `any: [...]`", 4, 16,
                                              help: "write the condition as an expression, a list (all must hold), `all:` or `any:`")),
        ("when: {all: a}, then: b", P.error("`all` must be a list of conditions", 4, 22)),
        ("when: [], then: b", P.error("an empty list of conditions", 4, 16, help: "give at least one condition")),
        ("when: a, then: {x: 1}", P.error("a rule's value must be an expression or a list", 4, 25)),
        ("when: a, then: [x, {y: 1}]", P.error("each item of a list value must be a single value", 4, 29)),
    ] as [(String, ShownDiagnostic)])
    func ruleMistakes(_ fields: String, _ expected: ShownDiagnostic) {
        #expect(P.diagnostics(Self.rule(fields)) == [expected])
    }

    @Test("mistakes in a decision's shape")
    func decisionMistakes() {
        #expect(P.diagnostics(Self.decision("    rules: x\n")) == [P.error("`rules` must be a list, each rule starting with `- `", 3, 12)])
        #expect(P.diagnostics(Self.decision("    rules: [x]\n")) == [
            P.error("each rule of `d` must be a mapping with `when` and `then` (or `else`)", 3, 13),
        ])
        #expect(P.diagnostics(Self.decision("    public: yes\n")) == [P.error("`public` must be `true` or `false`, not `yes`", 3, 13, 3)])
        #expect(P.diagnostics("decisions:\n  d: 5\n") == [P.error("decision `d` must be a mapping with `rules`, `value` or `apportion`", 2, 6)])
    }

    @Test("`any` joins with or, `all` and a list with and; each part in parentheses in the text", arguments: [
        ("when: {any: [a, b]}, then: x", "(or a b)", "(a) or (b)"),
        ("when: {all: [a, b, c]}, then: x", "(and (and a b) c)", "(a) and (b) and (c)"),
        ("when: [a or b, c], then: x", "(and (or a b) c)", "(a or b) and (c)"),
        ("when: [a], then: x", "a", "a"),
        ("when: {any: [a]}, then: x", "a", "a"),
    ])
    func conditionGroups(_ fields: String, _ outline: String, _ text: String) throws {
        let condition = try #require(try Self.rules(Self.rule(fields)).first?.condition)
        #expect(condition.syntax.outline == outline)
        #expect(condition.text == text)
    }

    @Test("condition groups nest")
    func nestedGroups() throws {
        let text = Self.decision("""
                rules:
                  - when:
                      all:
                        - a
                        - any: [b, c]
                    then: x
            """ + "\n")
        let condition = try #require(try Self.rules(text).first?.condition)
        #expect(condition.syntax.outline == "(and a (or b c))")
        #expect(condition.text == "(a) and ((b) or (c))")
        #expect(condition.syntax.span == P.span(6, 15))
    }

    @Test("a list output is a list value")
    func listOutput() throws {
        let output = try #require(try Self.rules(Self.rule("when: a, then: [x, '\"y z\"']")).first?.output)
        #expect(output.syntax.outline == "(list x \"y z\")")
        #expect(output.text == "[x, \"y z\"]")
        #expect(output.syntax.span == P.span(4, 25))
    }

    @Test("a rule's id, reason, provenance and placement")
    func ruleFields() throws {
        let rule = try #require(try Self.rules(Self.rule("id: r2, when: a, then: b, reason: 理由, source: 文件, note: 说明, before: r1, after: r0")).first)
        #expect(rule.id?.value == "r2")
        #expect(rule.reason == "理由")
        #expect(rule.provenance.source == "文件")
        #expect(rule.provenance.note == "说明")
        #expect(rule.placeBefore?.value == "r1")
        #expect(rule.placeAfter?.value == "r0")
        #expect(rule.isElse == false)
    }

    @Test("an else row with a list value")
    func elseList() throws {
        let rule = try #require(try Self.rules(Self.decision("    rules:\n      - else:\n          - a\n          - b\n")).first)
        #expect(rule.isElse)
        #expect(rule.condition == nil)
        #expect(rule.output.syntax.outline == "(list a b)")
        #expect(rule.output.text == "[a, b]")
    }

    @Test("a variant removes rules by id")
    func removeRules() throws {
        let decision = try #require(try P.parse(Self.decision("    remove_rules: [old, young]\n")).decisions.first)
        #expect(decision.removeRules.map(\.value) == ["old", "young"])
        #expect(decision.removeRules.map(\.span) == [P.span(3, 20, 3), P.span(3, 25, 5)])
        #expect(decision.rules == nil)
        #expect(decision.formula == nil)
        #expect(decision.apportionment == nil)
    }

    @Test("mistakes in an apportionment")
    func apportionMistakes() {
        #expect(P.diagnostics(Self.decision("    apportion: 5\n")) == [
            P.error("`apportion` must be a mapping with `total`, `payers` and `reduce_in_order`", 3, 16),
        ])
        #expect(P.diagnostics(Self.decision("    apportion: {payers: {a: remainder}}\n")) == [
            P.error("`apportion` of `d` is missing `total`", 3, 16, help: "say which amount is split, e.g. `total: meal_price`"),
        ])
        #expect(P.diagnostics(Self.decision("    apportion: {total: t}\n")) == [
            P.error("`apportion` needs `payers`: a mapping of each payer to its share, one of them `remainder`", 3, 16),
        ])
        #expect(P.diagnostics(Self.decision("    apportion: {total: t, payers: {a: [x], b: remainder}}\n")) == [
            P.error("the share of `a` must be an expression or `remainder`", 3, 39),
        ])
        #expect(P.diagnostics(Self.decision("    apportion: {total: t, payers: {b: remainder}, reduce: [a]}\n")) == [
            P.error("unknown field `reduce` in `apportion` of `d`", 3, 51, 6, help: "the fields here are: `total`, `payers`, `reduce_in_order`"),
        ])
    }
}
