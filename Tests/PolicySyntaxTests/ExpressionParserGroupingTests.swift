import TestSupport
import PolicySyntax
import Testing

/// How the parser groups what a policy officer writes, as S-expressions.
@Suite("ExpressionParser grouping")
struct ExpressionParserGroupingTests {
    @Test("logical operators: not binds tighter than and, and tighter than or", arguments: [
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("a or b or c", "(or (or a b) c)"),
        ("a and b and c", "(and (and a b) c)"),
        ("not a == b", "(not (== a b))"),
        ("a and not b", "(and a (not b))"),
        ("not a and b", "(and (not a) b)"),
        ("not a or b", "(or (not a) b)"),
        ("not not a", "(not (not a))"),
        ("a and not(b)", "(and a (not b))"),
        ("not x in list", "(not (in x list))"),
        ("not (a or b)", "(not (or a b))"),
    ])
    func logic(_ text: String, _ expected: String) throws {
        #expect(try ParsedExpression.outline(text) == expected)
    }

    @Test("arithmetic: * / before + -, left to right, unary minus tightest", arguments: [
        ("-x * y", "(* (neg x) y)"),
        ("a + b * c", "(+ a (* b c))"),
        ("a * b + c", "(+ (* a b) c)"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b / c", "(/ (/ a b) c)"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("--x", "(neg (neg x))"),
        ("a - -1", "(- a (neg 1))"),
        ("-a.b", "(neg (. a b))"),
        ("a * b > c + 1", "(> (* a b) (+ c 1))"),
    ])
    func arithmetic(_ text: String, _ expected: String) throws {
        #expect(try ParsedExpression.outline(text) == expected)
    }

    @Test("if-then-else is loosest; its else branch reaches as far right as it can", arguments: [
        ("if a then b else c or d", "(if a b (or c d))"),
        ("if a then b else if c then d else e", "(if a b (if c d e))"),
        ("if if a then b else c then d else e", "(if (if a b c) d e)"),
        ("1 + (if a then 2 else 3)", "(+ 1 (if a 2 3))"),
        ("max(if a then 1 else 2, 3)", "(call max (if a 1 2) 3)"),
        ("[if a then 1 else 2]", "(list (if a 1 2))"),
    ])
    func conditionals(_ text: String, _ expected: String) throws {
        #expect(try ParsedExpression.outline(text) == expected)
    }

    @Test("comparisons and membership, one per operand", arguments: [
        ("age >= 70", "(>= age 70)"),
        ("a in [1, 2]", "(in a (list 1 2))"),
        ("a not in [1, 2]", "(not-in a (list 1 2))"),
        ("(a == b) in c", "(in (== a b) c)"),
        ("(60 <= age) and (age <= 69)", "(and (<= 60 age) (<= age 69))"),
        ("a == b and c != d", "(and (== a b) (!= c d))"),
    ])
    func comparisons(_ text: String, _ expected: String) throws {
        #expect(try ParsedExpression.outline(text) == expected)
    }

    @Test("friendly spellings mean the plain operators", arguments: [
        ("age ≥ 70", "(>= age 70)"),
        ("age ≤ 70", "(<= age 70)"),
        ("a ≠ b", "(!= a b)"),
        ("a = b", "(== a b)"),
        ("3 × 4 ÷ 2", "(/ (* 3 4) 2)"),
        ("max（a，b）", "(call max a b)"),
        ("（a or b） and c", "(and (or a b) c)"),
    ])
    func friendlySpellings(_ text: String, _ expected: String) throws {
        #expect(try ParsedExpression.outline(text) == expected)
    }

    @Test("literals, lists, calls and fields", arguments: [
        ("true", "true"),
        ("false or x", "(or false x)"),
        ("1.50", "1.50"),
        ("\"城镇\"", "\"城镇\""),
        ("“城镇”", "\"城镇\""),
        ("[]", "(list)"),
        ("[1, 2,]", "(list 1 2)"),
        ("[[1], []]", "(list (list 1) (list))"),
        ("f()", "(call f)"),
        ("years_between(birth_date, evaluation_date)", "(call years_between birth_date evaluation_date)"),
        ("meal_split.elder", "(. meal_split elder)"),
        ("a.b.c", "(. (. a b) c)"),
        ("f(x).share", "(. (call f x) share)"),
        ("x.and", "(. x and)"),
        ("年龄 >= 70", "(>= 年龄 70)"),
        ("AND", "AND"),
    ])
    func literals(_ text: String, _ expected: String) throws {
        #expect(try ParsedExpression.outline(text) == expected)
    }

    @Test("a date literal is a call of `date` with the date as text", arguments: [
        ("2026-01-01", "(call date \"2026-01-01\")"),
        ("evaluation_date >= 2026-01-01", "(>= evaluation_date (call date \"2026-01-01\"))"),
        ("days_between(2024-02-28, 2024-03-01)", "(call days_between (call date \"2024-02-28\") (call date \"2024-03-01\"))"),
        ("2026-1-1", "(- (- 2026 1) 1)"),
        ("2026 - 01 - 01", "(- (- 2026 01) 01)"),
    ])
    func dates(_ text: String, _ expected: String) throws {
        #expect(try ParsedExpression.outline(text) == expected)
    }

    @Test("the written text is kept as it is")
    func writtenText() throws {
        let written = try ExpressionParser.parse(ParsedExpression.scalar("age ≥ 70 and  x"))
        #expect(written.text == "age ≥ 70 and  x")
    }
}
