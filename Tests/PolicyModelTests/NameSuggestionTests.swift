@testable import PolicyModel
import Testing

/// did-you-mean help for misspelt names.
@Suite("NameSuggestion")
struct NameSuggestionTests {
    static let types = ["bool", "integer", "decimal", "string", "date", "enum"]

    @Test("the closest name within a small edit distance is suggested", arguments: [
        ("abilty_level", ["ability_level", "age", "tier"], "ability_level"),
        ("Age", ["age", "tier"], "age"),
        ("integr", types, "integer"),
        ("tie", ["tier", "age"], "tier"),
        ("residense_tipe", ["residence_type", "residence"], "residence_type"),
        ("年令", ["年龄", "户籍"], "年龄"),
        ("cat", ["bat", "cut"], "bat"),
    ] as [(String, [String], String)])
    func suggests(_ name: String, _ candidates: [String], _ expected: String) {
        #expect(NameSuggestion.closest(to: name, in: candidates) == expected)
    }

    @Test("nothing is suggested when every name is too far", arguments: [
        ("boolean", types),
        ("monthly_income", ["age", "tier", "residence"]),
        ("age", []),
    ] as [(String, [String])])
    func noSuggestion(_ name: String, _ candidates: [String]) {
        #expect(NameSuggestion.closest(to: name, in: candidates) == nil)
    }

    @Test("help names the match, else lists up to 12 candidates")
    func help() {
        func text(_ suggestion: Suggestion?, _ language: Language = .en) -> String? { suggestion.map { Message.common(.suggestion($0)).text(language) } }
        #expect(text(NameSuggestion.help(for: "lable", in: ["type", "label"], kind: .fieldsHere)) == "did you mean `label`?")
        #expect(text(NameSuggestion.help(for: "lable", in: ["type", "label"], kind: .fieldsHere), .zhCN) == "您是不是要写 `label`？")
        #expect(text(NameSuggestion.help(for: "colour", in: ["type", "label"], kind: .fieldsHere)) == "the fields here are: `type`, `label`")
        #expect(text(NameSuggestion.help(for: "colour", in: ["type", "label"], kind: .fieldsHere), .zhCN) == "这里可以写的字段有：`type`、`label`")
        #expect(NameSuggestion.help(for: "colour", in: [], kind: .fieldsHere) == nil)
        let many = (1...13).map { "field_number_\($0)" }
        #expect(NameSuggestion.help(for: "colour", in: many, kind: .fields) == nil)
        #expect(text(NameSuggestion.help(for: "colour", in: Array(many.prefix(12)), kind: .fields))?.hasPrefix("the fields are: `field_number_1`, ") == true)
    }

    @Test("edit distance counts insertions, deletions and substitutions", arguments: [
        ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "", 3), ("same", "same", 0), ("年龄", "年令", 1), ("flaw", "lawn", 2),
    ])
    func editDistance(_ a: String, _ b: String, _ distance: Int) {
        #expect(NameSuggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == distance)
    }
}
