import Foundation
import PolicyModel
import PolicySimulation
import PolicySyntax
import Testing
import TestSupport

/// Seeded fuzzing of the policy file reader (bytes → text → YAML → policy syntax) and of
/// the expression parser: thousands of inputs made from real policies and expressions by
/// deterministic mutations. Every input must give a value or errors that each point
/// at a line and column of the input; a crash fails the whole run. The seeds are fixed,
/// so a failure replays.
@Suite("Syntax fuzzing")
struct SyntaxFuzzTests {
    static let seeds: [String] = {
        let files = ["policies/anqing.yaml", "policies/dongxihu.yaml", "policies/common/person.yaml", "policies/variants/anqing-hourly-rate-10.yaml",
                     "Tests/Fixtures/tree_shapes/policy.yaml", "Tests/Fixtures/errors_ledger/policy.yaml"]
        return files.compactMap { try? String(contentsOfFile: FixturePaths.packageRoot + "/" + $0, encoding: .utf8) }
    }()

    static let mutator = FuzzMutator(dictionary: [
        "\n", ": ", "- ", "[", "]", "{", "}", ",", "\"", "'", "#", "&a ", "*a", "!!str ", "|\n", ">\n", "? ", "---\n", "...\n", "%YAML 1.2\n",
        "when: ", "then: ", "rules:\n", "  - ", "include: ", "extends: ", "value: ", "9223372036854775808", "1e999", "0.0000000000000000001",
        String(repeating: "[", count: 70), String(repeating: "  ", count: 40), "安庆", "（", "≥",
    ])

    /// Whether every diagnostic points into `file`, within its lines.
    static func located(_ diagnostics: [ShownDiagnostic], in file: String, lastLine: Int) -> Bool {
        diagnostics.allSatisfy { diagnostic in
            guard let span = diagnostic.span else { return diagnostic.severity != .error }
            return span.file == file && (1...lastLine).contains(span.line) && span.column >= 1
        }
    }

    @Test("2 000 mutated policy files: a policy or located errors, never a crash")
    func policyFiles() {
        var generator = SeededGenerator(seed: 18)
        var parsed = 0, refused = 0
        for round in 0..<2_000 {
            let seed = Array(Self.seeds[round % Self.seeds.count].utf8)
            let other = Array(Self.seeds[(round * 7 + 3) % Self.seeds.count].utf8)
            let bytes = Self.mutator.mutate(seed, splicing: other, using: &generator)
            let diagnostics: [ShownDiagnostic]
            do {
                let text = try PolicyText.decode(bytes, file: "fuzz.yaml")
                _ = try PolicyFileParser.parse(text, path: "fuzz.yaml")
                parsed += 1
                continue
            } catch {
                diagnostics = error.en
            }
            refused += 1
            #expect(!diagnostics.isEmpty && Self.located(diagnostics, in: "fuzz.yaml", lastLine: FuzzMutator.lastLine(of: bytes)),
                    "round \(round): \(diagnostics)")
        }
        #expect(parsed > 0 && refused > 0)
    }

    static let tokens = ["age", "birth_date", "subsistence", "dibao", "and", "or", "not", "in", "if", "then", "else", "true", "false",
                         "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "(", ")", "[", "]", ",", ".", "≥", "（", "）", "，",
                         "70", "8.00", "2026-01-01", "9223372036854775808", "\"text\"", "'", "“", "min", "max", "years_between", "安", "\u{0}", " "]

    @Test("3 000 random and mutated expressions: a syntax tree inside the text or a located error")
    func expressions() {
        var generator = SeededGenerator(seed: 1818)
        let written = ["age >= 70 and residence == urban", "subsistence in [dibao, marginal]", "if a then min(b, 2) else -c.d",
                       "not (x or y) and z != 3", "floor_to(amount * 0.5, 0.01)", "years_between(birth_date, evaluation_date) >= 60"]
        for round in 0..<3_000 {
            let text: String
            if round.isMultiple(of: 2) {
                text = (0..<Int.random(in: 1...60, using: &generator)).map { _ in Self.tokens.randomElement(using: &generator)! }.joined(separator: " ")
            } else {
                let seed = Array(written[round % written.count].utf8)
                text = String(decoding: Self.mutator.mutate(seed, splicing: seed, using: &generator), as: UTF8.self)
            }
            let length = text.unicodeScalars.count
            let scalar = YAMLScalar(text: text, span: SourceSpan(file: "fuzz.yaml", line: 4, column: 11, length: length), style: .plain)
            do {
                let syntax = try ExpressionParser.parse(scalar).syntax
                #expect(syntax.span.line == 4 && syntax.span.column >= 11 && syntax.span.column + syntax.span.length <= 11 + length + 1,
                        "round \(round): `\(text)` parsed to \(syntax.span)")
            } catch {
                #expect(error.span?.line == 4 && (11...(11 + length + 1)).contains(error.span?.column ?? 0), "round \(round): `\(text)`: \(error)")
            }
        }
    }
}
