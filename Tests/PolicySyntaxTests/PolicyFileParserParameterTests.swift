import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// Parameters (a value, or a timeline of values from dates) and definitions.
@Suite("PolicyFileParser: parameters and definitions")
struct PolicyFileParserParameterTests {
    typealias P = ParsedPolicy

    @Test("a single value, with or without a start date")
    func singleValue() throws {
        let parameter = try #require(P.parse("parameters:\n  p: {type: integer, label: 上限, value: 5, from: 2020-01-01, source: 文件}\n").parameters.first)
        #expect(parameter.label == "上限")
        #expect(parameter.periods.count == 1)
        #expect(parameter.periods.first?.value.text == "5")
        #expect(parameter.periods.first?.from?.text == "2020-01-01")
        #expect(parameter.provenance.source == "文件")
    }

    @Test("a parameter has either a value or a timeline")
    func valueOrTimeline() {
        #expect(P.diagnostics("parameters:\n  p:\n    value: 8.00\n    timeline:\n      - {from: 2019-01-01, value: 8.00}\n") == [
            P.error("parameter `p` has both `value` and `timeline`", 2, 3, help: "put every value in the timeline"),
        ])
        #expect(P.diagnostics("parameters:\n  p: {type: integer, from: 2019-01-01}\n") == [
            P.error("parameter `p` has `from` but no `value`", 2, 3),
        ])
        #expect(P.diagnostics("parameters:\n  p: {type: integer, timeline: x}\n") == [
            P.error("`timeline` must be a list of `{from: DATE, value: …}`", 2, 32),
        ])
        #expect(P.diagnostics("parameters:\n  p: 5\n") == [P.error("parameter `p` must be a mapping with `value` or `timeline`", 2, 6)])
    }

    @Test("every faulty timeline entry is reported")
    func timelineEntries() {
        let text = """
            parameters:
              p:
                timeline:
                  - {value: 1}
                  - {from: 2020-01-01}
                  - 5
                  - {from: 2021-01-01, value: 2, sorce: x}
            """
        #expect(P.diagnostics(text) == [
            P.error("a timeline entry of `p` is missing `from`", 4, 9, help: "say from which date the value is in force"),
            P.error("a timeline entry of `p` is missing `value`", 5, 9),
            P.error("each timeline entry must be `{from: DATE, value: …}`", 6, 9),
            P.error("unknown field `sorce` in a timeline entry of `p`", 7, 38, 5, help: "did you mean `source`?"),
        ])
    }

    @Test("a definition needs an expression")
    func definitionShape() {
        #expect(P.diagnostics("definitions:\n  d: {label: 某}\n") == [
            P.error("definition `d` is missing `expr`", 2, 6, help: "write the expression that defines it, e.g. `expr: not children_in_district`"),
        ])
        #expect(P.diagnostics("definitions:\n  d: 5\n") == [P.error("definition `d` must be a mapping with `expr`", 2, 6)])
        #expect(P.diagnostics("definitions:\n  d:\n    expr: [a]\n") == [P.error("`expr` in definition `d` must be a single value, not a list", 3, 11)])
    }

    @Test("a definition's type, label and provenance")
    func definitionFields() throws {
        let definition = try #require(P.parse("definitions:\n  d:\n    type: bool\n    label: 独居\n    expr: not a\n    note: 说明\n").definitions.first)
        #expect(definition.type?.base.value == "bool")
        #expect(definition.label == "独居")
        #expect(definition.provenance.note == "说明")
        #expect(definition.expression.syntax.outline == "(not a)")
        #expect(definition.expression.syntax.span == P.span(5, 11, 5))
    }
}
