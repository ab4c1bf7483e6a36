import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// YAML read into text scalars, sequences and ordered mappings, each with its place.
@Suite("YAMLReader structure and spans")
struct YAMLReaderTests {
    typealias R = ReadYAML

    static let document = """
        policy:
          id: demo
          tags: [a, b]
        list:
          - x
          - y: 1
        """

    @Test("mappings keep their keys in order, with each key's span")
    func mappings() throws {
        let root = try R.node(Self.document)
        #expect(root.span == R.span(1, 1))
        #expect(root.entries.map(\.key) == ["policy", "list"])
        #expect(root.entries.map(\.keySpan) == [R.span(1, 1, 6), R.span(4, 1, 4)])
        let policy = try #require(root["policy"])
        #expect(policy.span == R.span(2, 3))
        #expect(policy.entries.map(\.keySpan) == [R.span(2, 3, 2), R.span(3, 3, 4)])
    }

    @Test("scalars carry their text and the span of their content")
    func scalars() throws {
        let root = try R.node(Self.document)
        let id = try #require(root["policy"]?["id"]?.scalar)
        #expect(id.text == "demo")
        #expect(id.span == R.span(2, 7, 4))
        #expect(id.style == .plain)
        #expect(id.pieces.isEmpty)
    }

    @Test("sequences, flow and block, with items in place")
    func sequences() throws {
        let root = try R.node(Self.document)
        let tags = try #require(root["policy"]?["tags"])
        #expect(tags.span == R.span(3, 9))
        #expect(tags.items.compactMap(\.scalar?.span) == [R.span(3, 10), R.span(3, 13)])
        let list = try #require(root["list"])
        #expect(list.span == R.span(5, 3))
        #expect(list.items.count == 2)
        #expect(list.items[0].scalar?.span == R.span(5, 5))
        #expect(list.items[1].span == R.span(6, 5))
        #expect(list.items[1].entries.map(\.keySpan) == [R.span(6, 5)])
        #expect(list.items[1]["y"]?.scalar?.span == R.span(6, 8))
    }

    @Test("scalars stay text: nothing is turned into a bool, number, date or null", arguments: [
        ("a: yes", "yes"), ("a: on", "on"), ("a: No", "No"), ("a: 1.50", "1.50"), ("a: 007", "007"),
        ("a: ~", "~"), ("a: null", "null"), ("a: 2026-01-01", "2026-01-01"), ("a: 1e3", "1e3"), ("a:", ""),
    ])
    func scalarsStayText(_ text: String, _ value: String) throws {
        #expect(try R.node(text)["a"]?.scalar?.text == value)
    }

    @Test("a quoted scalar's span starts after the quote", arguments: [
        ("a: \"hi\"", "hi", 5, 2),
        ("a: '城镇'", "城镇", 5, 2),
        ("a: \"\"", "", 5, 1),
    ])
    func quoted(_ text: String, _ value: String, _ column: Int, _ length: Int) throws {
        let scalar = try #require(R.node(text)["a"]?.scalar)
        #expect(scalar.text == value)
        #expect(scalar.span == R.span(1, column, length))
        #expect(scalar.style == .quoted)
    }

    @Test("a block scalar points at its indicator and knows where each line starts")
    func literalBlock() throws {
        let scalar = try #require(R.node("a: |\n  line one\n  line two\nb: 2\n")["a"]?.scalar)
        #expect(scalar.text == "line one\nline two\n")
        #expect(scalar.style == .block)
        #expect(scalar.span == R.span(1, 4))
        #expect(scalar.pieces == [.init(offset: 0, line: 2, column: 3), .init(offset: 9, line: 3, column: 3)])
        #expect(scalar.span(offset: 14, length: 3) == R.span(3, 8, 3))
    }

    @Test("blank lines inside a block scalar keep their place")
    func blankLinesInBlock() throws {
        let scalar = try #require(R.node("a: |\n  x\n\n  y\nb: 1\n")["a"]?.scalar)
        #expect(scalar.text == "x\n\ny\n")
        #expect(scalar.span(offset: 0, length: 1) == R.span(2, 3))
        #expect(scalar.span(offset: 3, length: 1) == R.span(4, 3))
    }

    @Test("a nested block scalar's lines start at their indentation")
    func nestedBlock() throws {
        let scalar = try #require(R.node("d:\n  x:\n    expr: |\n      a and\n      b\n")["d"]?["x"]?["expr"]?.scalar)
        #expect(scalar.span == R.span(3, 11))
        #expect(scalar.span(offset: 0, length: 1) == R.span(4, 7))
        #expect(scalar.span(offset: 6, length: 1) == R.span(5, 7))
    }

    @Test("keys in Chinese are one column per character")
    func chineseKeys() throws {
        let root = try R.node("名字: 值\n")
        #expect(root.entries.first?.keySpan == R.span(1, 1, 2))
        #expect(root["名字"]?.scalar?.span == R.span(1, 5))
    }

    @Test("flow mappings inside sequences")
    func flowMappings() throws {
        let root = try R.node("a: [b, {c: d}]\nt:\n  - {from: 1, value: 2}\n")
        #expect(root["a"]?.items[1].span == R.span(1, 8))
        #expect(root["a"]?.items[1]["c"]?.scalar?.span == R.span(1, 12))
        let period = try #require(root["t"]?.items.first)
        #expect(period.span == R.span(3, 5))
        #expect(period.entries.map(\.keySpan) == [R.span(3, 6, 4), R.span(3, 15, 5)])
    }

    @Test("describing a node for a message")
    func kindDescriptions() throws {
        let root = try R.node("a: x\nb: [1]\nc: {d: 1}\n")
        #expect(root["a"]?.kind == .singleValue)
        #expect(root["b"]?.kind == .list)
        #expect(root["c"]?.kind == .mapping)
    }

    @Test("a file with CRLF line ends gives block scalars their line starts")
    func crlfBlockScalar() throws {
        let scalar = try #require(R.node("a: 1\r\nb: |\r\n  x\r\n  y\r\nc: 2\r\n")["b"]?.scalar)
        #expect(scalar.text == "x\ny\n")
        #expect(scalar.pieces == [.init(offset: 0, line: 3, column: 3), .init(offset: 2, line: 4, column: 3)])
    }
}
