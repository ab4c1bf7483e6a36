import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// Written types: names, `list of`, enums with their values, and the mistakes around them.
@Suite("PolicyFileParser: types and inputs")
struct PolicyFileParserTypeTests {
    typealias P = ParsedPolicy

    /// One input `x` declared with `fields` on line 2.
    static func input(_ fields: String) -> String { "inputs:\n  x: {\(fields)}\n" }

    static let typesHelp = "the types are `bool`, `integer`, `decimal`, `string`, `date`, `enum`, and `list of` any of them"

    @Test("type names, plain and as lists", arguments: [
        ("bool", "bool", false), ("integer", "integer", false), ("date", "date", false),
        ("list of string", "string", true), ("list of decimal", "decimal", true),
    ])
    func typeNames(_ written: String, _ base: String, _ isList: Bool) throws {
        let type = try #require(P.parse(Self.input("type: \(written)")).inputs.first?.type)
        #expect(type.base.value == base)
        #expect(type.isList == isList)
        #expect(type.base.span == P.span(2, 13, written.count))
        #expect(type.values == nil)
    }

    @Test("a misspelt type suggests the one meant; a far one lists them all", arguments: [
        ("integr", "did you mean `integer`?"),
        ("list of integr", "did you mean `integer`?"),
        ("Bool", "did you mean `bool`?"),
        ("boolean", typesHelp),
        ("list of list of integer", typesHelp),
        ("number", typesHelp),
    ])
    func unknownTypes(_ written: String, _ help: String) {
        #expect(P.diagnostics(Self.input("type: \(written)")) == [P.error("unknown type `\(written)`", 2, 13, written.count, help: help)])
    }

    @Test("enum values as a list or as a mapping of value to label")
    func enumValues() throws {
        let listed = try #require(P.parse(Self.input("type: enum, values: [urban, rural]")).inputs.first?.type)
        #expect(listed.values?.map(\.name) == ["urban", "rural"])
        #expect(listed.values?.map(\.label) == [nil, nil])
        #expect(listed.values?.map(\.span) == [P.span(2, 28, 5), P.span(2, 35, 5)])
        let labelled = try #require(P.parse("inputs:\n  x:\n    values:\n      urban: 城镇\n      rural: 农村\n").inputs.first?.type)
        #expect(labelled.base.value == "enum")
        #expect(labelled.base.span == P.span(3, 5, 6))
        #expect(labelled.values?.map(\.label) == ["城镇", "农村"])
        #expect(labelled.values?.map(\.span) == [P.span(4, 7, 5), P.span(5, 7, 5)])
        let list = try #require(P.parse(Self.input("type: list of enum, values: [a, b]")).inputs.first?.type)
        #expect(list.isList)
        #expect(list.base.value == "enum")
    }

    @Test("mistakes with enum values", arguments: [
        ("type: enum", [P.error("an enum needs its `values`", 2, 13, 4, help: "list them, e.g. `values: {urban: 城镇, rural: 农村}`")]),
        ("type: integer, values: [a]", [P.error("`values` belongs to an enum, but the type is `integer`", 2, 30)]),
        ("values: [a, b, a]", [P.error("the enum value `a` is listed twice", 2, 22)]),
        ("values: [A-b]", [P.error("`A-b` is not a valid enum value", 2, 16, 3, help: "use lowercase letters, digits and `_`")]),
        ("values: []", [P.error("an enum needs at least one value", 2, 15)]),
        ("values: x", [P.error("`values` must list the enum's values", 2, 15, help: "write `values: [urban, rural]` or a mapping of value to label")]),
        ("values: {a: [x]}", [P.error("the label of `a` must be text", 2, 19), P.error("an enum needs at least one value", 2, 15)]),
        ("values: [[a]]", [P.error("each enum value must be a name", 2, 16), P.error("an enum needs at least one value", 2, 15)]),
    ] as [(String, [ShownDiagnostic])])
    func enumMistakes(_ fields: String, _ expected: [ShownDiagnostic]) {
        #expect(P.diagnostics(Self.input(fields)) == expected)
    }

    @Test("an input's fields")
    func inputFields() throws {
        let input = try #require(P.parse(Self.input("type: decimal, label: 收入, label_en: Income, default: 0, min: 0, max: 99.5, decimals: 2, source: 文件, note: 说明")).inputs.first)
        #expect(input.label == "收入")
        #expect(input.labelEnglish == "Income")
        #expect(input.defaultValue?.text == "0")
        #expect(input.minimum?.text == "0")
        #expect(input.maximum?.text == "99.5")
        #expect(input.maximum?.span == P.span(2, 76, 4))
        #expect(input.decimals?.text == "2")
        #expect(input.notAfter == nil)
        #expect(input.provenance.source == "文件")
        #expect(input.provenance.note == "说明")
    }

    @Test("mistakes in an input")
    func inputMistakes() {
        #expect(P.diagnostics("inputs:\n  x: {label: 某}\n") == [
            P.error("input `x` is missing `type`", 2, 3, help: "say what kind of fact it is, e.g. `type: bool`"),
        ])
        #expect(P.diagnostics("inputs:\n  x: 1\n") == [P.error("input `x` must be a mapping with at least `type` and `label`", 2, 6)])
        #expect(P.diagnostics(Self.input("type: bool, lable: 独居")) == [
            P.error("unknown field `lable` in input `x`", 2, 19, 5, help: "did you mean `label`?"),
        ])
        #expect(P.diagnostics(Self.input("type: bool, label: [a]")) == [
            P.error("`label` in input `x` must be a single value, not a list", 2, 26),
        ])
        #expect(P.diagnostics(Self.input("type: [bool]")) == [P.error("`type` in input `x` must be a single value, not a list", 2, 13)])
    }
}
