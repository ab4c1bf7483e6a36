import Foundation
import Testing
import PolicyModel
@testable import PolicySyntax

@Test func zzProbe() {
    let cases = ["not a == b", "a and not b", "not a and b", "not a or b", "a or not b", "a == b in c", "a in b in c", "a in b == c",
                 "a == b == c", "a and not(b)", "1 + if a then b else c", "(if a then b else c)", "2026-01-01", "1.foo", "1.5.x",
                 "[a, b,]", "[]", "f(a,)", "f()", "a ≥ 1 且", "a = 1", "a ≠ 1", "3 × 4 ÷ 2", "f（a，b）", "“x” == ‘y’", "年龄 >= 1",
                 "1x", "1_000", "- - a.b", "x.not", "not", "if", "not not a", "a not in b", "a not b", "true(1)", "   ", ".5", "1.",
                 String(repeating: "(", count: 47) + "x" + String(repeating: ")", count: 47),
                 String(repeating: "(", count: 48) + "x" + String(repeating: ")", count: 48),
                 "a\u{3000}== b", "a.b(c)", "f(x).y", "a and b and c", "if a then b else c or d", "in", "a - -1"]
    for text in cases {
        let scalar = YAMLScalar(text: text, span: SourceSpan(file: "t", line: 1, column: 1), style: .plain)
        do {
            let w = try ExpressionParser.parse(scalar)
            print("OK   \(text.prefix(60)) => \(w.syntax.kind)".prefix(300))
        } catch {
            print("ERR  \(text.prefix(60)) => \(error)".prefix(300))
        }
    }
}
