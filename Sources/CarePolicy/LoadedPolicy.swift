import Foundation
@_exported import PolicyCompiler
@_exported import PolicyModel
@_exported import PolicyRuntime

/// A policy file read, checked and compiled: everything needed to evaluate it.
/// Immutable and `Sendable`; share one across threads.
///
/// ```swift
/// let policy = try LoadedPolicy.load(path: "policies/anqing.yaml")
/// let evaluation = try policy.evaluate(json: #"{"birth_date": "1950-03-01", …}"#, on: CivilDate("2025-11-24")!)
/// ```
public struct LoadedPolicy: Sendable {
    public let compiled: CompiledPolicy
    public let evaluator: PolicyEvaluator
    public let decoder: FactsDecoder
    /// Warnings found while checking.
    public let warnings: [Diagnostic]
    /// The text of every file the policy was read from, for rendering diagnostics.
    public let sources: [String: String]

    public var checked: CheckedPolicy { compiled.checked }
    public var metadata: PolicyMetadata { compiled.checked.metadata }

    init(compiled: CompiledPolicy, warnings: [Diagnostic], sources: [String: String]) {
        self.compiled = compiled
        evaluator = PolicyEvaluator(compiled)
        decoder = FactsDecoder(policy: compiled.checked)
        self.warnings = warnings
        self.sources = sources
    }

    /// Decodes facts from JSON text and evaluates every decision.
    public func evaluate(json: String, on date: CivilDate, engine: PolicyEvaluator.Engine = .tree) throws(EvaluationError) -> Evaluation {
        let facts = try decodeFacts(json: json)
        return try evaluator.evaluate(facts, on: date, engine: engine)
    }

    public func decodeFacts(json: String) throws(EvaluationError) -> Facts {
        let value: JSONValue
        do {
            value = try JSONValue.parse(Data(json.utf8))
        } catch {
            throw .invalidFacts(FactsError(problems: [FactProblem(field: "(facts)", message: "not valid JSON: \(LoadedPolicy.describe(error))")]))
        }
        switch decoder.decode(value) {
        case .success(let facts): return facts
        case .failure(let error): throw .invalidFacts(error)
        }
    }

    static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        }
        return "\(error)"
    }
}
