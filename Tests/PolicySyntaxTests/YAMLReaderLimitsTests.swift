import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// What a hostile file could abuse is refused before it costs anything:
/// anchors and aliases, size, nesting depth and node count.
@Suite("YAMLReader limits")
struct YAMLReaderLimitsTests {
    typealias R = ReadYAML

    static let anchorMessage = "anchors and aliases (`&name`, `*name`) are not allowed in policy files"
    static let anchorHelp = "write the value out in full; to share declarations between policies use `include`"
    static let deepMessage = "the document nests more than 64 levels deep"
    static let deepHelp = "a policy never needs this much nesting; flatten the structure"

    @Test("an anchor is refused where it is written", arguments: [
        ("a: &x 1\nb: *x\n", 1, 4),
        ("&k a: 1\n", 1, 1),
        ("a: &s [1]\n", 1, 4),
        ("a: &m\n  b: 1\n", 1, 4),
        ("a:\n  - 1\n  - &i 2\n", 3, 5),
    ])
    func anchors(_ text: String, _ line: Int, _ column: Int) {
        #expect(R.diagnostics(text) == [.error(Self.anchorMessage, at: R.span(line, column), help: Self.anchorHelp)])
    }

    @Test("an alias bomb is refused at its first anchor, with one diagnostic")
    func aliasBomb() {
        var text = "policy: {id: bomb, title: 炸弹, version: \"1\"}\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        #expect(R.diagnostics(text) == [.error(Self.anchorMessage, at: R.span(2, 4), help: Self.anchorHelp)])
    }

    @Test("an alias with no anchor is invalid YAML")
    func undefinedAlias() {
        #expect(R.diagnostics("a: *x\n") == [.error("the file is not valid YAML: found undefined alias", at: R.span(1, 4))])
    }

    @Test("a file over the size limit is refused by its size in bytes")
    func sizeLimit() {
        var limits = YAMLReader.Limits()
        limits.maximumBytes = 16
        // 17 bytes in UTF-8, 9 characters.
        #expect(R.diagnostics("名字: 值值值", limits: limits) == [
            .error("the file is 17 bytes; a policy file may be at most 16 bytes", at: R.span(1, 1),
                   help: "split the policy into a base file and `include`d parts"),
        ])
        limits.maximumBytes = 17
        #expect(R.diagnostics("名字: 值值值", limits: limits) == nil)
    }

    @Test("the default size limit is 4 MiB")
    func defaultSizeLimit() {
        #expect(YAMLReader.Limits().maximumBytes == 4_194_304)
        let text = "# " + String(repeating: "x", count: 4_194_303)
        #expect(R.diagnostics(text)?.map(\.message) == ["the file is 4194305 bytes; a policy file may be at most 4194304 bytes"])
    }

    @Test("flow brackets nested 63 deep are read; 64 are refused at the bracket too deep")
    func flowDepth() throws {
        let fits = "a: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        var node = try #require(R.node(fits)["a"])
        var depth = 1
        while let inner = node.items.first { node = inner; depth += 1 }
        #expect(depth == 63)
        let deep = "a: " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(R.diagnostics(deep) == [.error(Self.deepMessage, at: R.span(1, 67), help: Self.deepHelp)])
    }

    @Test("brackets in quotes or comments do not count")
    func bracketsInTextDoNotCount() throws {
        let brackets = String(repeating: "[", count: 100)
        #expect(try R.node("a: \"\(brackets)\"\n")["a"]?.scalar?.text == brackets)
        #expect(try R.node("a: '\(brackets)'\n")["a"]?.scalar?.text == brackets)
        #expect(try R.node("# \(brackets)\na: 1 # \(brackets)\n")["a"]?.scalar?.text == "1")
    }

    @Test("`- - -` runs nest without indentation and count too")
    func dashRuns() {
        #expect(R.diagnostics(String(repeating: "- ", count: 63) + "x") == nil)
        #expect(R.diagnostics(String(repeating: "- ", count: 64) + "x") == [.error(Self.deepMessage, at: R.span(1, 127), help: Self.deepHelp)])
    }

    @Test("growing indentation counts: 64 levels are read, 65 refused")
    func indentationDepth() {
        func nested(_ levels: Int) -> String {
            (0..<levels).map { String(repeating: " ", count: $0) + "k\($0):" + ($0 == levels - 1 ? " x" : "") }.joined(separator: "\n")
        }
        #expect(R.diagnostics(nested(64)) == nil)
        #expect(R.diagnostics(nested(65)) == [.error(Self.deepMessage, at: R.span(65, 65), help: Self.deepHelp)])
    }

    @Test("a document with more values than the limit is refused at the first value over it")
    func nodeLimit() {
        var limits = YAMLReader.Limits()
        limits.maximumNodes = 3
        #expect(R.diagnostics("a: [1, 2, 3]", limits: limits) == [
            .error("the document has more than 3 values", at: R.span(1, 5),
                   help: "a policy file this large is not meant to be edited by hand; split it"),
        ])
        limits.maximumNodes = 6
        #expect(R.diagnostics("a: [1, 2, 3]", limits: limits) == nil)
    }

    static let tagHelp = "remove the tag: every value is read as text, and the policy's declarations give its type"

    @Test("a tag is refused where it is written", arguments: [
        ("a: !!python/name:os.system x\n", "!!python/name:os.system", 1, 4),
        ("a: !foo x\n", "!foo", 1, 4),
        ("a: !!str \"x\"\n", "!!str", 1, 4),
        ("a: !!int 1\n", "!!int", 1, 4),
        ("a: ! x\n", "!", 1, 4),
        ("a: !!str\n", "!!str", 1, 4),
        ("a: !!binary |\n  aGk=\n", "!!binary", 1, 4),
        ("a: [1, !!str 2]\n", "!!str", 1, 8),
        ("a: !!map\n  b: 1\n", "!!map", 1, 4),
        ("a: !!seq [1]\n", "!!seq", 1, 4),
        ("a:\n  - !x 1\n", "!x", 2, 5),
        ("!!str k: 1\n", "!!str", 1, 1),
        ("a: {!!str k: 1}\n", "!!str", 1, 5),
        ("--- !policy\na: 1\n", "!policy", 1, 5),
        ("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n", "!e!x", 3, 4),
    ])
    func tags(_ text: String, _ tag: String, _ line: Int, _ column: Int) {
        #expect(R.diagnostics(text) == [
            .error("the YAML tag `\(tag)` is not allowed in policy files", at: R.span(line, column, tag.count), help: Self.tagHelp),
        ])
    }

    @Test("a `!` inside a value is text, not a tag")
    func exclamationInText() throws {
        #expect(try R.node("a: x!\nb: \"!x\"\nc: '!'\nd: |\n  !x\n")["b"]?.scalar?.text == "!x")
        #expect(try R.node("a: 不！\n")["a"]?.scalar?.text == "不！")
    }

    @Test("the nesting scan also guards a file with CRLF line ends that starts with a comment")
    func crlfNestingScan() {
        let text = "# policy\r\na: " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "\r\n"
        // Refused either way; but the scan, which splits lines on the Character "\n", sees one
        // line starting with `#`, skips the whole file, and leaves the limit to the converter.
        #expect(R.diagnostics(text) == [.error(Self.deepMessage, at: R.span(2, 67), help: Self.deepHelp)])
    }
}
