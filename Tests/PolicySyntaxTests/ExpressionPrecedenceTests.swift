import TestSupport
import Testing
import PolicyModel
@testable import PolicySyntax

/// How the parser groups what a policy officer writes, and how it refuses what it cannot read.
@Suite struct ExpressionPrecedenceTests {
    static func shape(_ s: ExpressionSyntax) -> String {
        switch s.kind {
        case .name(let n): return n
        case .integer(let t), .decimal(let t): return t
        case .string(let t): return "'\(t)'"
        case .bool(let b): return "\(b)"
        case .list(let items): return "[" + items.map(shape).joined(separator: " ") + "]"
        case .negate(let e): return "(- \(shape(e)))"
        case .not(let e): return "(not \(shape(e)))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(shape(l)) \(shape(r)))"
        case .membership(let l, let r, let negated): return "(\(negated ? "not in" : "in") \(shape(l)) \(shape(r)))"
        case .call(let n, let a): return "\(n)(" + a.map(shape).joined(separator: " ") + ")"
        case .conditional(let c, let t, let e): return "(if \(shape(c)) \(shape(t)) \(shape(e)))"
        case .field(let b, let f): return "\(shape(b)).\(f)"
        }
    }

    func parse(_ text: String) throws(Diagnostic) -> String {
        let scalar = YAMLScalar(text: text, span: SourceSpan(file: "p.yaml", line: 3, column: 11, length: text.unicodeScalars.count), style: .plain)
        return Self.shape(try ExpressionParser.parse(scalar).syntax)
    }

    func error(_ text: String) -> ShownDiagnostic? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.en
        }
    }

    @Test(arguments: [
        ("a or b and c", "(or a (and b c))"),
        ("not a == b", "(not (== a b))"),
        ("a and not b", "(and a (not b))"),
        ("not a and b", "(and (not a) b)"),
        ("-x * y", "(* (- x) y)"),
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("if a then b else c or d", "(if a b (or c d))"),
        ("x not in [a, b]", "(not in x [a b])"),
        ("age ≥ 70", "(>= age 70)"),
        ("age = 70", "(== age 70)"),
        ("a ≠ b", "(!= a b)"),
        ("3 × 4 ÷ 2", "(/ (* 3 4) 2)"),
        ("max（a，b）", "max(a b)"),
        ("evaluation_date >= 2026-01-01", "(>= evaluation_date date('2026-01-01'))"),
        ("meal_split.elder", "meal_split.elder"),
        ("“城镇”", "'城镇'"),
    ])
    func grouping(text: String, expected: String) throws {
        #expect(try parse(text) == expected)
    }

    @Test func chainedComparisonsAreRefused() {
        let found = error("60 <= age <= 69")
        #expect(found?.message == "comparisons cannot be chained")
        #expect(found?.span?.column == 21)
        #expect(error("a == b in c")?.message == "comparisons cannot be chained")
    }

    @Test func anIfInsideALargerExpressionAsksForParentheses() throws {
        #expect(error("1 + if a then 2 else 3")?.message == "`if` cannot stand here inside a larger expression")
        #expect(try parse("1 + (if a then 2 else 3)") == "(+ 1 (if a 2 3))")
    }

    @Test func aNumberRunningIntoANameIsRefused() {
        let found = error("age >= 70岁")
        #expect(found?.message == "a number cannot run into a name here")
        #expect(found?.span?.column == 18)
    }

    @Test func emptyAndUnclosedAreRefused() {
        #expect(error("   ")?.message == "the expression is empty")
        #expect(error("\"abc")?.message == "this text has no closing quote")
        #expect(error("a and")?.message == "the expression ends too early")
        #expect(error("2026-1-1 > a") == nil)   // not a date: 2026 - 1 - 1
    }

    @Test func nestingIsLimited() {
        let ok = String(repeating: "(", count: 47) + "x" + String(repeating: ")", count: 47)
        let deep = String(repeating: "(", count: 48) + "x" + String(repeating: ")", count: 48)
        #expect(error(ok) == nil)
        #expect(error(deep)?.message == "the expression nests too deeply")
        #expect(error(String(repeating: "not ", count: 200) + "x")?.message == "the expression nests too deeply")
    }
}
