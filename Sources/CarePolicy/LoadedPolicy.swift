import Foundation
import PolicyModel
import PolicyCompiler
import RecordFormats
import PolicyRuntime

/// A policy file read, checked and compiled, with its evaluation engine fixed: everything
/// needed to evaluate it. Immutable and `Sendable`; share one across threads.
///
/// ```swift
/// let policy = try LoadedPolicy.load(path: "policies/anqing.yaml")
/// let evaluation = try policy.evaluate(json: #"{"birth_date": "1950-03-01", …}"#, on: CivilDate("2025-11-24")!)
/// evaluation.value(of: "service_tier")   // .enumValue("free")
/// ```
public struct LoadedPolicy: Sendable {
    package let compiled: CompiledPolicy
    package let evaluator: PolicyEvaluator
    package let decoder: FactsDecoder
    /// Warnings found while checking.
    public let warnings: [Diagnostic]
    /// The text of every file the policy was read from, for rendering diagnostics.
    public let sources: [String: String]

    package var checked: CheckedPolicy { compiled.checked }
    /// The policy's id, version, title, effective dates and file.
    public var metadata: PolicyMetadata { compiled.checked.metadata }
    /// How every evaluation of this policy runs, fixed when it was loaded.
    public var engine: EvaluationEngine { evaluator.engine }

    package init(compiled: CompiledPolicy, warnings: [Diagnostic], sources: [String: String], engine: EvaluationEngine = .flat) {
        self.compiled = compiled
        evaluator = PolicyEvaluator(compiled, engine: engine)
        decoder = FactsDecoder(policy: compiled.checked)
        self.warnings = warnings
        self.sources = sources
    }

    /// The same policy evaluated by another engine (for checking one against another).
    package func with(engine: EvaluationEngine) -> LoadedPolicy {
        LoadedPolicy(compiled: compiled, warnings: warnings, sources: sources, engine: engine)
    }

    /// Every decision for decoded facts on `date`.
    public func evaluate(_ facts: Facts, on date: CivilDate) throws(EvaluationError) -> Evaluation {
        try evaluator.evaluate(facts, on: date)
    }

    /// Reads facts from JSON text (an object keyed by the policy's input names) and
    /// evaluates every decision on `date`.
    public func evaluate(json: String, on date: CivilDate) throws(EvaluationError) -> Evaluation {
        try evaluate(try decodeFacts(json: json), on: date)
    }

    /// Facts from JSON text: malformed JSON is named with its line and column, a wrong,
    /// missing or unknown field by its name.
    public func decodeFacts(json: String) throws(EvaluationError) -> Facts {
        try decodeFacts(json: Array(json.utf8))
    }

    /// Facts from JSON bytes (see `decodeFacts(json:)`).
    public func decodeFacts(json bytes: [UInt8]) throws(EvaluationError) -> Facts {
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            throw .invalidFacts(FactsError(problems: [FactProblem(json: error)]))
        }
        return try decodeFacts(value)
    }

    /// Facts from an already-parsed JSON value.
    package func decodeFacts(_ value: JSONValue) throws(EvaluationError) -> Facts {
        switch decoder.decode(value) {
        case .success(let facts): return facts
        case .failure(let error): throw .invalidFacts(error)
        }
    }

    /// Why each decision of `evaluation` has its value: the rules that fired, with their
    /// reasons and citations, and the facts they read.
    public func trace(_ evaluation: Evaluation, facts: Facts) -> [DecisionTrace] {
        evaluator.trace(evaluation, facts: facts)
    }

    /// A session for evaluating many persons one after another on one thread, reusing its
    /// working memory.
    public func session() -> PolicySession { PolicySession(EvaluationSession(evaluator)) }
}

extension FactProblem {
    /// The problem of facts that are not JSON: where the text stops being JSON, and why.
    package init(json error: JSONSyntaxError) {
        self.init(field: "(facts)", message: "not valid JSON at line \(error.line), column \(error.column): \(error.message)")
    }
}
