import Foundation
import TestSupport
import Testing
import RecordFormats
import PolicyModel

@Suite("JSONReader")
struct JSONReaderTests {
    @Test(arguments: [
        #"{"a": 1, "b": [true, false, null], "c": "x\"y\\z\n\u00e9\ud83d\ude00", "d": -0, "e": 12.50, "g": -9223372036854775808}"#,
        #"[]"#, #"{}"#, #""安庆""#, #"123456789012345678901234567890"#, #"-1.5E-3"#, "  [ 1 , {\"k\" : [ ] } ]  ",
    ])
    func agreesWithFoundation(text: String) throws {
        #expect(try JSONReader.parse(Array(text.utf8)) == JSONValue.parse(Data(text.utf8)))
    }

    @Test func anExponentIsAlwaysADecimal() throws {
        #expect(try JSONReader.parse(Array("1e2".utf8)) == .number(JSONNumber(exact: ExactDecimal(100), text: "100")))
        #expect(try JSONReader.parse(Array("12.50".utf8)) == .number(JSONNumber(exact: ExactDecimal("12.5"), text: "12.5")))
    }

    @Test func agreesOnEveryExamplePerson() throws {
        let lines = try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/persons.jsonl", encoding: .utf8).split(separator: "\n")
        for line in lines {
            #expect(try JSONReader.parse(Array(line.utf8)) == JSONValue.parse(Data(line.utf8)))
        }
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "expected a key in double quotes", 1, 9),
        ("{\n  \"a\": tru\n}", "expected a value (an object, array, string, number, true, false or null)", 2, 8),
        ("[1 2]", "expected `,` or `]` in an array", 1, 4),
        ("{\"a\": 1, \"a\": 2}", "the key \"a\" is given twice", 1, 10),
        ("01", "a number may not start with 0", 1, 2),
        ("\"abc", "a string that is not closed with `\"`", 1, 5),
        ("{} x", "unexpected text after the JSON value", 1, 4),
        ("\"\\ud800\"", "a \\u escape of a lone surrogate", 1, 8),
        ("\"a\tb\"", "a control character inside a string; write it as an escape such as \\n", 1, 3),
        ("\"安\" x", "unexpected text after the JSON value", 1, 5),
    ])
    func reportsWhereAndWhat(text: String, message: String, line: Int, column: Int) {
        #expect(throws: JSONSyntaxError(message: message, line: line, column: column)) {
            try JSONReader.parse(Array(text.utf8))
        }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse([0x22, 0xFF, 0xFE, 0x22]) }
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONSyntaxError(message: "nesting deeper than 64 levels", line: 1, column: 65)) {
            try JSONReader.parse(Array(deep.utf8))
        }
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? JSONReader.parse(Array(allowed.utf8))) != nil)
    }
}
