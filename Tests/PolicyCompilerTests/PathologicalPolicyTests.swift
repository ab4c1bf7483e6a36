import CarePolicy
import Foundation
import PolicyModel
import Testing
import TestSupport

/// Checking a policy (load: parse, type-check, compile the trees and the flat programs;
/// then the analysis `check` prints) takes time polynomial in its size: 200-term
/// conjunctions and disjunctions, 200-item `when:` lists and 200 distinct tests each
/// check in a small multiple of the time `policies/anqing.yaml` takes in the same run.
/// What is genuinely exponential, or too deep for the passes that recurse, is refused
/// just as fast, at the line that causes it.
@Suite("Pathological policies", .serialized)
struct PathologicalPolicyTests {
    /// How many times the check of anqing a generated policy may take.
    static let budget = 10.0

    static func policy(inputs: [String] = [], rules: String, hit: String = "first", type: String = "bool", otherwise: String? = "false") -> String {
        var text = "policy: {id: generated, title: 生成, version: \"1\", effective_from: 2019-01-01}\ninclude:\n  - common/person.yaml\n"
        if !inputs.isEmpty { text += "inputs:\n" + inputs.map { "  \($0): {type: bool, label: \($0)}\n" }.joined() }
        text += "parameters:\n  minimum_age: {value: 60, label: 最低年龄}\n"
        text += "decisions:\n  d:\n    label: 测试\n    type: \(type)\n    hit: \(hit)\n    rules:\n" + rules
        if let otherwise { text += "      - else: \(otherwise)\n        reason: 其他\n" }
        return text
    }

    static func rule(_ id: String, when: String, then: String = "true") -> String {
        "      - id: \(id)\n        when: \(when)\n        then: \(then)\n        reason: 测试\n"
    }

    static func names(_ count: Int) -> [String] { (0..<count).map { "b\($0)" } }

    /// Seconds to load and analyse `path`, the best of `runs`; the error when it is refused.
    static func check(_ path: String, runs: Int = 2) -> (seconds: Double, error: PolicyLoadError?) {
        var best = Double.infinity
        var refusal: PolicyLoadError?
        for _ in 0..<runs {
            let start = ContinuousClock.now
            do {
                _ = try LoadedPolicy.load(path: path).findings()
            } catch {
                refusal = error
            }
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return (best, refusal)
    }

    static let anqing = check(FixturePaths.packageRoot + "/policies/anqing.yaml", runs: 3).seconds

    static let accepted: [(String, String)] = [
        ("conjunction of 26", policy(rules: rule("r", when: Array(repeating: "age < minimum_age", count: 26).joined(separator: " and ")))),
        ("conjunction of 200", policy(rules: rule("r", when: Array(repeating: "age < minimum_age", count: 200).joined(separator: " and ")))),
        ("disjunction of 200", policy(rules: rule("r", when: Array(repeating: "age < minimum_age", count: 200).joined(separator: " or ")))),
        ("when list of 200", policy(rules: "      - id: r\n        when:\n" + String(repeating: "          - age < minimum_age\n", count: 200) + "        then: true\n        reason: 测试\n")),
        ("200 distinct facts joined by and", policy(inputs: names(200), rules: rule("r", when: names(200).joined(separator: " and ")))),
        ("200 distinct facts joined by or", policy(inputs: names(200), rules: rule("r", when: names(200).joined(separator: " or ")))),
        ("200 distinct comparisons", policy(rules: rule("r", when: (0..<200).map { "age != \($0)" }.joined(separator: " and ")))),
        ("200 rules of distinct facts", policy(inputs: names(200), rules: names(200).map { rule("r_\($0)", when: $0) }.joined())),
    ]

    @Test("accepted, in a small multiple of anqing's time", arguments: 0..<8)
    func polynomial(_ index: Int) throws {
        let (name, text) = Self.accepted[index]
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let (seconds, error) = Self.check(try folder.write("generated.yaml", text))
        #expect(error == nil, "\(name): \(error?.description ?? "")")
        #expect(seconds < Self.budget * Self.anqing, "\(name): \(seconds) s, anqing \(Self.anqing) s")
    }

    /// The refusal of `text`, checked to be as fast as the accepted cases.
    static func refusal(_ name: String, _ text: String, in folder: PolicyFolder) throws -> (error: PolicyLoadError, path: String) {
        let path = try folder.write("generated.yaml", text)
        let (seconds, error) = check(path)
        #expect(seconds < budget * anqing, "\(name): \(seconds) s, anqing \(anqing) s")
        return (try #require(error, "\(name) was accepted"), path)
    }

    @Test("a 16 000-term `+ 0` chain is refused where it passes 256 levels")
    func longChain() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let when = "age" + String(repeating: " + 0", count: 16_000) + " < minimum_age"
        let (error, path) = try Self.refusal("+ 0 chain", Self.policy(rules: Self.rule("r", when: when)), in: folder)
        // The expression starts at column 15 of line 13 (`        when: age`); the 256th
        // `+` (the 255th after the first term) is 4 × 255 + 4 characters in.
        #expect(error.diagnostics.en == [.error("the expression is too long: more than 256 operations one inside the other",
                                                  at: SourceSpan(file: path, line: 13, column: 15 + 4 * 255 + 4, length: 1),
                                                  help: "split it into named `definitions` (`a and b and …` over many lines is better written as a `when:` list of definitions)")])
    }

    @Test("a collect table of 20 independent rules (2^20 cases) is refused at the rule where the tree grows too large")
    func exponentialTree() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let text = Self.policy(inputs: Self.names(20), rules: Self.names(20).map { Self.rule("r_\($0)", when: $0, then: "\($0.dropFirst())") }.joined(),
                               hit: "collect", type: "list of integer", otherwise: nil)
        let (error, path) = try Self.refusal("collect of 20", text, in: folder)
        let diagnostic = try #require(error.diagnostics.all.first)
        #expect(error.diagnostics.all.count == 1)
        #expect(diagnostic.text(.en).hasPrefix("rule `r_b") && diagnostic.text(.en).contains("` of `d` makes the decision tree too large to build (over 5000 nodes or 4000000 steps)"))
        #expect(diagnostic.helpText(.en) == "split `d` into smaller decisions that each test a few of these conditions, and combine their values in a formula (`value:`)")
        let span = try #require(diagnostic.span)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(span.file == path && span.column == 9 && lines[span.line - 1].hasPrefix("      - id: r_b"))
    }

    @Test("a chain of 300 definitions, each reading the one before, is refused where it passes 256 levels")
    func definitionChain() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        var text = Self.policy(rules: Self.rule("r", when: "x299 > 5"))
        text = text.replacingOccurrences(of: "decisions:\n", with: "definitions:\n  x0: {expr: ability_level, label: x}\n"
                                         + (1..<300).map { "  x\($0): {expr: x\($0 - 1) + 1, label: x}\n" }.joined() + "decisions:\n")
        let (error, path) = try Self.refusal("definition chain", text, in: folder)
        let diagnostic = try #require(error.diagnostics.all.first)
        #expect(diagnostic.text(.en).hasPrefix("reading `x") && diagnostic.text(.en).hasSuffix("` here goes too deep: with the definitions and decisions it reads, more than 256 operations one inside the other"))
        #expect(diagnostic.span?.file == path)
    }
}
