import Testing
import RecordFormats
import PolicyModel

/// The one line splitter: `\n` or `\r\n`, 1-based numbers that count blank lines, a last
/// line without a line break.
@Suite struct NumberedLinesTests {
    static func lines(_ text: String, firstLine: Int = 1) -> [(Int, String)] {
        var found: [(Int, String)] = []
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            NumberedLines.forEach(bytes, firstLine: firstLine) { line, number in found.append((number, String(decoding: line, as: UTF8.self))) }
        }
        return found
    }

    @Test(arguments: [
        ("", []),
        ("\n", [(1, "")]),
        ("a", [(1, "a")]),
        ("a\n", [(1, "a")]),
        ("a\nb", [(1, "a"), (2, "b")]),
        ("a\r\nb\r\n", [(1, "a"), (2, "b")]),
        ("a\n\n  \nb", [(1, "a"), (2, ""), (3, "  "), (4, "b")]),
        ("a\rb\n", [(1, "a\rb")]),
        ("\r\n\r\n", [(1, ""), (2, "")]),
        ("安庆\r\n老人", [(1, "安庆"), (2, "老人")]),
    ] as [(String, [(Int, String)])])
    func splits(text: String, expected: [(Int, String)]) {
        let found = Self.lines(text)
        #expect(found.map(\.0) == expected.map(\.0))
        #expect(found.map(\.1) == expected.map(\.1))
        #expect(Array(text.utf8).withUnsafeBufferPointer { NumberedLines.count($0) } == expected.count)
    }

    @Test func numbersCountFromTheChunksFirstLine() {
        #expect(Self.lines("x\ny", firstLine: 41).map(\.0) == [41, 42])
        let chunk = LineChunkReader.Chunk(bytes: Array("x\r\n\ny".utf8), firstLine: 10, lineCount: 3)
        var numbers: [Int] = []
        chunk.forEachLine({ _, number in numbers.append(number) }, tooLong: { _ in Issue.record("no line is over the limit") })
        #expect(numbers == [10, 11, 12])
    }

    @Test func nonBlankLinesKeepTheirNumbers() {
        let found = NumberedLines.nonBlank("{\"a\":1}\r\n\n \t\n{\"a\":2}")
        #expect(found.map(\.line) == [1, 4])
        #expect(found.map(\.text) == ["{\"a\":1}", "{\"a\":2}"])
    }

    @Test(arguments: [("", true), ("  \t", true), (" x ", false), ("\u{3000}", false), ("\r", false)])
    func blankIsSpacesAndTabs(text: String, blank: Bool) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { NumberedLines.isBlank($0) } == blank)
    }
}
