import PolicyCompiler
import PolicyModel

/// Evaluates a compiled policy for one person on one date: every decision, with the
/// rules that fired. `Sendable`, so one evaluator serves every thread.
///
/// ```swift
/// let evaluator = PolicyEvaluator(compiled)
/// let evaluation = try evaluator.evaluate(facts, on: CivilDate("2025-11-24")!)
/// ```
public struct PolicyEvaluator: Sendable {
    /// Which evaluator computes the decisions.
    public enum Engine: String, Sendable, CaseIterable {
        /// The compiled decision trees (the default).
        case tree
        /// The plain rule-by-rule reference interpreter.
        case reference
    }

    public let compiled: CompiledPolicy
    public var policy: CheckedPolicy { compiled.checked }
    let dateChecked: [Int]

    public init(_ compiled: CompiledPolicy) {
        self.compiled = compiled
        dateChecked = compiled.checked.inputs.indices.filter { compiled.checked.inputs[$0].notAfterEvaluationDate }
    }

    public func evaluate(_ facts: Facts, on date: CivilDate, engine: Engine = .tree) throws(EvaluationError) -> Evaluation {
        try checkInForce(on: date)
        for slot in dateChecked {
            if case .date(let value) = facts.values[slot], value > date {
                let input = policy.inputs[slot]
                throw .invalidFacts(FactsError(problems: [FactProblem(field: input.name, message: "is \(value), after the evaluation date \(date)")]))
            }
        }
        let epoch = compiled.epoch(on: date)
        switch engine {
        case .tree:
            let evaluator = TreeEvaluator(policy: policy, epoch: epoch)
            let frame = EvaluationFrame(policy: policy, inputs: facts.values, parameters: epoch.parameters, date: date, decisions: evaluator)
            let values = try evaluateAll(in: frame)
            return Evaluation(policy: policy.metadata, date: date, personID: facts.id,
                              results: values.indices.map { DecisionResult(decision: $0, value: values[$0], firedRules: evaluator.fired[$0]) })
        case .reference:
            let evaluator = ReferenceInterpreter(policy: policy)
            let parameters = policy.parameterValues(on: date)
            let frame = EvaluationFrame(policy: policy, inputs: facts.values, parameters: parameters, date: date, decisions: evaluator)
            let values = try evaluateAll(in: frame)
            return Evaluation(policy: policy.metadata, date: date, personID: facts.id,
                              results: values.indices.map { DecisionResult(decision: $0, value: values[$0], firedRules: evaluator.fired[$0]) })
        }
    }

    func evaluateAll(in frame: EvaluationFrame) throws(EvaluationError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(policy.decisions.count)
        do {
            for index in policy.decisions.indices { values.append(try frame.decision(index)) }
        } catch {
            throw .fault(error)
        }
        return values
    }

    func checkInForce(on date: CivilDate) throws(EvaluationError) {
        let metadata = policy.metadata
        if let from = metadata.effectiveFrom, date < from {
            throw .notInForce("policy `\(metadata.id)` is in force from \(from); \(date) is before it")
        }
        if let until = metadata.effectiveUntil, date > until {
            throw .notInForce("policy `\(metadata.id)` was in force until \(until); \(date) is after it")
        }
    }
}
