import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// Mistakes in the file's top level and `policy:` header, reported all at once.
@Suite("PolicyFileParser: top level and header")
struct PolicyFileParserHeaderTests {
    typealias P = ParsedPolicy

    static let header = "policy: {id: x, title: 标题, version: \"1\"}\n"

    @Test("an unknown header field suggests the one meant")
    func unknownHeaderField() {
        #expect(P.diagnostics("policy: {id: x, title: t, version: \"1\", efective_from: 2019-01-01}") == [
            P.error("unknown field `efective_from` in `policy`", 1, 41, 13, help: "did you mean `effective_from`?"),
        ])
    }

    @Test("unknown top-level keys suggest the ones meant, each reported")
    func unknownTopLevelKeys() {
        #expect(P.diagnostics("polcy: {id: x}\ninput: {}\n") == [
            P.error("unknown field `polcy` in the policy file", 1, 1, 5, help: "did you mean `policy`?"),
            P.error("unknown field `input` in the policy file", 2, 1, 5, help: "did you mean `inputs`?"),
        ])
    }

    @Test("a key far from every known one lists the known keys")
    func unknownKeyListsKeys() {
        #expect(P.diagnostics(Self.header + "colour: red\n") == [
            P.error("unknown field `colour` in the policy file", 2, 1, 6,
                    help: "the fields here are: `policy`, `extends`, `include`, `inputs`, `parameters`, `definitions`, `decisions`, `ledger`, `approval`, `programs`, `compliance`"),
        ])
    }

    @Test("the file must be a mapping")
    func fileNotMapping() {
        #expect(P.diagnostics("- a\n- b\n") == [P.error("the policy file must be a mapping (key: value lines), not a list", 1, 1)])
        #expect(P.diagnostics("just text\n") == [P.error("the policy file must be a mapping (key: value lines), not a single value", 1, 1, 9)])
    }

    @Test("the header must be a mapping with id, title and version")
    func headerShape() {
        #expect(P.diagnostics("policy: x\n") == [P.error("`policy` must be a mapping with `id`, `title` and `version`", 1, 9)])
        #expect(P.diagnostics("policy: {id: x}\n") == [
            P.error("`policy` is missing `title`", 1, 9, help: "give the policy's Chinese title"),
            P.error("`policy` is missing `version`", 1, 9, help: "give a version such as `\"2026.1\"`"),
        ])
        #expect(P.diagnostics("policy:\n  title: t\n  version: \"1\"\n") == [
            P.error("`policy` is missing `id`", 2, 3, help: "give the policy a short id such as `anqing`"),
        ])
    }

    @Test("a header field must be a single value")
    func headerFieldNotScalar() {
        #expect(P.diagnostics("policy: {id: [x], title: t, version: \"1\"}\n") == [
            P.error("`id` in `policy` must be a single value, not a list", 1, 14),
        ])
    }

    @Test("policy ids are lowercase letters, digits, `-` and `_`, at most 64", arguments: [
        ("anqing", true), ("rural-pilot", true), ("a_b-c9", true), ("Anqing", false), ("9lives", false), ("-x", false),
        ("安庆", false), ("", false), ("a" + String(repeating: "b", count: 63), true), ("a" + String(repeating: "b", count: 64), false),
    ])
    func policyIDs(_ id: String, _ valid: Bool) {
        #expect(PolicyFileParser.isValidPolicyID(id) == valid)
    }

    @Test("an invalid policy id is reported at the id")
    func invalidPolicyID() {
        #expect(P.diagnostics("policy: {id: Anqing, title: t, version: \"1\"}\n") == [
            P.error("`Anqing` is not a valid policy id", 1, 14, 6, help: "use lowercase letters, digits and `-`, like `rural-pilot`"),
        ])
    }

    @Test("header extras: English title, end date, sources as one value or a list")
    func headerExtras() throws {
        let file = try P.parse("policy:\n  id: x\n  title: 标题\n  title_en: Title\n  version: \"1\"\n  effective_until: 2030-12-31\n  sources: 一号文\n")
        #expect(file.header?.titleEnglish == "Title")
        #expect(file.header?.effectiveUntil?.text == "2030-12-31")
        #expect(file.header?.effectiveUntil?.span == P.span(6, 20, 10))
        #expect(file.header?.sources == ["一号文"])
    }

    @Test("sections must be mappings of names to declarations", arguments: ["inputs", "parameters", "definitions", "decisions"])
    func sectionNotMapping(_ section: String) {
        #expect(P.diagnostics(Self.header + "\(section): [a, b]\n") == [
            P.error("`\(section)` must be a mapping of names to declarations, not a list", 2, section.count + 3,
                    help: "write each as `name:` followed by its fields, indented"),
        ])
    }

    @Test("declared names are lowercase ASCII")
    func invalidNames() {
        let help = "names use lowercase letters, digits and `_`, and start with a letter, like `monthly_hours`"
        #expect(P.diagnostics("inputs:\n  Age: {type: integer}\n  年龄: {type: integer}\n  _x: {type: bool}\n  ok_1: {type: bool}\n") == [
            P.error("`Age` is not a valid name", 2, 3, 3, help: help),
            P.error("`年龄` is not a valid name", 3, 3, 2, help: help),
            P.error("`_x` is not a valid name", 4, 3, 2, help: help),
        ])
    }

    @Test("extends is one value; include is one value or a list of them")
    func extendsAndInclude() throws {
        #expect(P.diagnostics("extends: [a]\n") == [P.error("`extends` in the policy file must be a single value, not a list", 1, 10)])
        #expect(P.diagnostics("include: [a.yaml, {b: c}]\n") == [P.error("each item of `include` must be a single value", 1, 19)])
        #expect(P.diagnostics("include: {a: b}\n") == [P.error("`include` must be a list, not a mapping (key: value lines)", 1, 10)])
        let file = try P.parse("include: [a.yaml, b.yaml]\n")
        #expect(file.includes.map(\.value) == ["a.yaml", "b.yaml"])
        #expect(file.includes.map(\.span) == [P.span(1, 11, 6), P.span(1, 19, 6)])
    }

    @Test("every mistake is reported, in file order, not just the first")
    func collectsEverything() {
        let text = """
            policy: {id: broken, title: 错误, version: "1", efective_from: 2019-01-01}
            inputs:
              lives_alone: {type: bool, lable: 独居}
            decisions:
              alone:
                type: boolean
                value: lives_alone
            """
        #expect(P.diagnostics(text) == [
            P.error("unknown field `efective_from` in `policy`", 1, 47, 13, help: "did you mean `effective_from`?"),
            P.error("unknown field `lable` in input `lives_alone`", 3, 29, 5, help: "did you mean `label`?"),
            P.error("unknown type `boolean`", 6, 11, 7,
                    help: "the types are `bool`, `integer`, `decimal`, `string`, `date`, `enum`, and `list of` any of them"),
        ])
    }

    @Test("YAML errors come through as they are")
    func yamlErrors() {
        #expect(P.diagnostics("a: &x 1\n")?.map(\.message) == ["anchors and aliases (`&name`, `*name`) are not allowed in policy files"])
        #expect(P.diagnostics("")?.map(\.message) == ["the file is empty"])
    }
}
