import Foundation
import PolicyModel
import PolicyRuntime
import PolicySyntax
import PolicyCheck
import PolicyCompiler
import PolicyAnalysis
import RecordFormats

/// Runs a policy test file: each case's facts through the policy, compared with what
/// the case expects; and which rules the cases made fire.
public struct PolicyTestReport: Sendable {
    /// A case whose decisions differ from what it expects.
    public struct Failure: Sendable {
        public let name: String
        public let location: SourceSpan
        /// One line per difference: `service_tier: expected free, got low_cost (rule …)`.
        public let differences: [String]
    }

    public let file: String
    public let policyID: String
    public var passed = 0
    public var failures: [Failure] = []
    /// Every rule as `decision.rule`, with whether some case fired it.
    public var coverage: [(rule: String, hit: Bool)] = []

    public var uncovered: [String] { coverage.filter { !$0.hit }.map(\.rule) }
}

public enum PolicyTestRunner {
    public static func run(_ file: PolicyTestFile, policy: LoadedPolicy) -> PolicyTestReport {
        let checked = policy.checked
        var report = PolicyTestReport(file: file.path, policyID: checked.metadata.id)
        var hits = checked.decisions.map { Array(repeating: false, count: $0.rules.count) }
        for testCase in file.cases {
            var facts: [(String, JSONValue)] = []
            for entry in file.base + testCase.facts {
                facts.removeAll { $0.0 == entry.key }
                facts.append((entry.key, json(entry.value, for: checked.inputIndex(named: entry.key).map { checked.inputs[$0].type })))
            }
            let object = JSONValue.object(Dictionary(facts, uniquingKeysWith: { _, last in last }))
            var differences: [String] = []
            switch policy.decoder.decode(object) {
            case .failure(let error):
                if let expected = testCase.expectError {
                    if !error.problems.contains(where: { $0.field == expected }) {
                        differences.append("expected an error naming `\(expected)`, got: \(error)")
                    }
                } else {
                    differences.append("the facts are invalid: \(error)")
                }
            case .success(let decoded):
                do {
                    let evaluation = try policy.evaluator.evaluate(decoded, on: testCase.asOf)
                    if let expected = testCase.expectError {
                        differences.append("expected an error naming `\(expected)`, but the evaluation succeeded")
                    }
                    for result in evaluation.results {
                        for rule in result.firedRules where rule < hits[result.decision].count { hits[result.decision][rule] = true }
                    }
                    for expectation in testCase.expect {
                        guard let index = checked.decisionIndex(named: expectation.key) else {
                            differences.append("`\(expectation.key)` is not a decision of `\(checked.metadata.id)`"
                                               + (NameSuggestion.closest(to: expectation.key, in: checked.decisions.map(\.name)).map { "; did you mean `\($0)`?" } ?? ""))
                            continue
                        }
                        let decision = checked.decisions[index]
                        let result = evaluation.results[index]
                        if !matches(expectation.value, result.value, type: decision.type) {
                            let rules = result.firedRules.compactMap { $0 < decision.rules.count ? decision.rules[$0].id : nil }.joined(separator: ", ")
                            differences.append("\(decision.name): expected \(describe(expectation.value)), got \(result.value.display(as: decision.type)) (rule \(rules))")
                        }
                    }
                } catch {
                    if case .invalidFacts(let facts) = error, let expected = testCase.expectError, facts.problems.contains(where: { $0.field == expected }) {
                        break
                    }
                    if case .fault(let fault) = error, let expected = testCase.expectError, fault.kind.rawValue == expected { break }
                    differences.append("evaluation failed: \(error)")
                }
            }
            if differences.isEmpty {
                report.passed += 1
            } else {
                report.failures.append(.init(name: testCase.name, location: testCase.span, differences: differences))
            }
        }
        for (index, decision) in checked.decisions.enumerated() {
            for (position, rule) in decision.rules.enumerated() {
                report.coverage.append(("\(decision.name).\(rule.id)", hits[index][position]))
            }
        }
        return report
    }

    /// A YAML fact typed by the input's declared type, so `001` stays text for a string id.
    package static func json(_ node: YAMLNode, for type: ValueType?) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            let text = scalar.text
            switch type {
            case .bool?: return text == "true" ? .bool(true) : (text == "false" ? .bool(false) : .string(text))
            case .integer?: return Int64(text).map(JSONValue.integer) ?? .string(text)
            case .list(let element)?: return .array([json(node, for: element)])
            case nil: return text == "true" ? .bool(true) : (text == "false" ? .bool(false) : (Int64(text).map(JSONValue.integer) ?? .string(text)))
            default: return scalar.style == .quoted || type != nil ? .string(text) : .string(text)
            }
        case .sequence(let items, _):
            if case .list(let element)? = type { return .array(items.map { json($0, for: element) }) }
            return .array(items.map { json($0, for: nil) })
        case .mapping(let entries, _):
            return .object(Dictionary(entries.map { ($0.key, json($0.value, for: nil)) }, uniquingKeysWith: { _, last in last }))
        }
    }

    package static func matches(_ expected: YAMLNode, _ actual: Value, type: ValueType) -> Bool {
        switch (expected, actual, type) {
        case (.scalar(let scalar), .decimal(let value), _):
            return ExactDecimal(scalar.text) == value
        case (.scalar(let scalar), _, _):
            if case .list = type { return scalar.text == "[]" && actual == .list([]) }
            return JSONText.write(JSONText.value(actual, type: type)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) == scalar.text
        case (.sequence(let items, _), .list(let values), .list(let element)):
            return items.count == values.count && zip(items, values).allSatisfy { matches($0, $1, type: element) }
        case (.mapping(let entries, _), .record(let values), .record(let record)):
            return entries.count == record.fields.count && entries.allSatisfy { entry in
                guard let index = record.index(of: entry.key) else { return false }
                return matches(entry.value, values[index], type: record.fields[index].type)
            }
        default:
            return false
        }
    }

    package static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar): return scalar.text
        case .sequence(let items, _): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let entries, _): return "{" + entries.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
