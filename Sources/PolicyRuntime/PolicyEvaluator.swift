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
        /// The trees lowered to straight-line code over typed registers (`FlatProgram`),
        /// the fastest; the trees where the policy has no flat form or on a fault, so the
        /// results and errors are those of `tree`.
        case flat
    }

    public let compiled: CompiledPolicy
    public var policy: CheckedPolicy { compiled.checked }
    let dateChecked: [Int]
    /// One tree evaluator per period of `compiled.epochs`.
    let treeEvaluators: [TreeEvaluator]
    let referenceInterpreter: ReferenceInterpreter
    /// One flat program per period of `compiled.epochs`; nil where the policy has no flat form.
    let flatPrograms: [FlatProgram?]
    /// Why the policy has no flat form in some period (then `tree` evaluates there), or nil.
    public let flatUnsupported: FlatUnsupported?

    public init(_ compiled: CompiledPolicy) {
        self.compiled = compiled
        treeEvaluators = compiled.epochs.map { TreeEvaluator(program: compiled.checked.program, epoch: $0) }
        referenceInterpreter = ReferenceInterpreter(program: compiled.checked.program)
        dateChecked = compiled.checked.inputs.indices.filter { compiled.checked.inputs[$0].notAfterEvaluationDate }
        var unsupported: FlatUnsupported?
        flatPrograms = compiled.epochs.map { epoch -> FlatProgram? in
            do throws(FlatUnsupported) {
                return try FlatCompiler.compile(compiled.checked, epoch: epoch)
            } catch {
                unsupported = unsupported ?? error
                return nil
            }
        }
        flatUnsupported = unsupported
    }

    /// The flat program of the period in force on `date`; nil when the policy has no flat form there.
    public func flatProgram(on date: CivilDate) -> FlatProgram? {
        flatPrograms[compiled.epochIndex(on: date)]
    }

    public func evaluate(_ facts: Facts, on date: CivilDate, engine: Engine = .tree) throws(EvaluationError) -> Evaluation {
        try checkInForce(on: date)
        try checkDates(facts, on: date)
        let frame: EvaluationFrame
        switch engine {
        case .flat:
            if let program = flatProgram(on: date) {
                let machine = FlatMachine(program)
                do throws(FlatFallback) {
                    program.layout.encode(facts.values, into: machine.facts)
                    try machine.run(on: date)
                    return Evaluation(policy: policy.metadata, date: date, personID: facts.id, results: machine.results())
                } catch {
                    // The trees give the located error.
                }
            }
            fallthrough
        case .tree:
            let trees = treeEvaluator(on: date)
            frame = EvaluationFrame(program: policy.program, inputs: facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
        case .reference:
            frame = EvaluationFrame(program: policy.program, inputs: facts.values, parameters: policy.parameterValues(on: date), date: date,
                                    decisions: referenceInterpreter)
        }
        return try evaluateAll(facts, on: date, in: frame)
    }

    /// The tree evaluator of the period in force on `date`.
    func treeEvaluator(on date: CivilDate) -> TreeEvaluator {
        treeEvaluators[compiled.epochIndex(on: date)]
    }

    /// Checks the facts against the date (a birth date may not be later).
    func checkDates(_ facts: Facts, on date: CivilDate) throws(EvaluationError) {
        for slot in dateChecked {
            if case .date(let value) = facts.values[slot], value > date {
                let input = policy.inputs[slot]
                throw .invalidFacts(FactsError(problems: [FactProblem(field: input.name, message: "is \(value), after the evaluation date \(date)", kind: .value)]))
            }
        }
    }

    func evaluateAll(_ facts: Facts, on date: CivilDate, in frame: EvaluationFrame) throws(EvaluationError) -> Evaluation {
        let count = frame.program.decisions.count
        var results: [DecisionResult] = []
        results.reserveCapacity(count)
        do {
            for index in 0..<count {
                let value = try frame.decision(index)
                results.append(DecisionResult(decision: index, value: value, firedRules: frame.firedRules[index]))
            }
        } catch {
            throw .fault(error)
        }
        return Evaluation(policy: policy.metadata, date: date, personID: facts.id, results: results)
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
