import Foundation
import Testing
import PolicySimulation
import RecordFormats
import PolicyModel

/// The one JSON string escaper, byte for byte: what it escapes, what it copies, and that
/// a `[UInt8]` and a string get the same text.
@Suite struct JSONStringTests {
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONString.appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        ("", #""""#),
        ("plain", #""plain""#),
        ("a\"b", #""a\"b""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nfeed\rreturn\ttab", #""line\nfeed\rreturn\ttab""#),
        ("\u{00}\u{01}\u{08}\u{0C}\u{1F}", #""\u0000\u0001\u0008\u000c\u001f""#),
        ("\u{7F} del stays", "\"\u{7F} del stays\""),
        ("安庆市 😀", "\"安庆市 😀\""),
        ("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),
        ("\"\"\\\\", #""\"\"\\\\""#),
        ("x\u{1B}[0m", #""x\u001b[0m""#),
    ])
    func escapes(text: String, expected: String) {
        #expect(Self.quoted(text) == expected)
        #expect(JSONText.quote(text) == expected)
    }

    @Test func everyControlCharacterIsEscapedAndReadBack() throws {
        for value in 0..<0x20 {
            let text = "a" + String(UnicodeScalar(UInt8(value))) + "b"
            let quoted = Self.quoted(text)
            #expect(!quoted.utf8.contains { $0 < 0x20 }, "\(value)")
            #expect(try JSONReader.parse(Array(quoted.utf8)) == .string(text))
        }
    }

    /// Long and random texts (the escaper looks at eight bytes at a time) read back as written.
    @Test func randomTextsReadBackUnchanged() throws {
        var generator = SeededGenerator(seed: 7)
        let alphabet: [String] = ["a", "Z", " ", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "老", "人", "😀", "\u{2028}", "/"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(try JSONReader.parse(Array(Self.quoted(text).utf8)) == .string(text), "\(text.debugDescription)")
        }
    }

    @Test func writesCompactAndPrettyText() {
        let node = JSONText.Node.object([("a", .integer(-9_223_372_036_854_775_808)), ("b", .array([.bool(true), .null, .string("x")])),
                                         ("c", .object([])), ("d", .array([]))])
        #expect(JSONText.write(node) == #"{"a":-9223372036854775808,"b":[true,null,"x"],"c":{},"d":[]}"#)
        #expect(JSONText.write(node, pretty: true) == """
            {
              "a": -9223372036854775808,
              "b": [
                true,
                null,
                "x"
              ],
              "c": {},
              "d": []
            }
            """)
    }
}

/// The one CSV field escaper: quoted only when needed, each quote doubled.
@Suite struct CSVEscapeTests {
    @Test(arguments: [
        ("", ""),
        ("plain", "plain"),
        ("安庆, 城区", "\"安庆, 城区\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\r", "\"cr\r\""),
        ("tab\tstays", "tab\tstays"),
        ("a|b", "a|b"),
        // A text cell a spreadsheet would run as a formula gets a leading `'` (OWASP).
        ("=1+2", "'=1+2"),
        ("+cmd", "'+cmd"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
        ("a=b", "a=b"),
        ("安庆-城区", "安庆-城区"),
    ])
    func escapes(text: String, expected: String) {
        var bytes: [UInt8] = []
        CSVLine.appendEscaped(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(CSVLine.escaped(text) == expected)
    }

    /// A file written to be read back (a synthetic population) keeps such a cell as it is.
    @Test func formulasAreKeptWhenAsked() {
        #expect(CSVLine.escaped("=1+2", formulas: .keep) == "=1+2")
        #expect(CSVLine.escaped("-a,b", formulas: .keep) == "\"-a,b\"")
    }

    /// What the escaper writes for a file read back, the CSV reader reads back as one field.
    @Test(arguments: ["a,b", "say \"hi\"", "\"", "\"\"", "x\"", "plain", "=1+2", "-a,b"])
    func readsBack(text: String) {
        var bytes: [UInt8] = []
        CSVLine.appendEscaped(text, to: &bytes, formulas: .keep)
        bytes.withUnsafeBufferPointer { line in
            var fields: [CSVField] = []
            #expect(CSVLine.split(line, into: &fields))
            #expect(fields.count == 1)
            if let field = fields.first { #expect(CSVLine.text(field, in: line) == text) }
        }
    }
}
