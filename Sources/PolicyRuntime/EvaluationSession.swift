import PolicyCompiler
import PolicyModel

/// Evaluates many persons one after another with the decision trees, reusing its
/// working memory between them: what a batch run or a request handler keeps per thread.
/// Not `Sendable` — give each task its own session; they all share one evaluator.
///
/// ```swift
/// let session = EvaluationSession(evaluator)
/// for facts in population { results.append(try session.evaluate(facts, on: date)) }
/// ```
public final class EvaluationSession {
    public let evaluator: PolicyEvaluator
    var frame: EvaluationFrame?
    /// One machine per period with a flat program, made when first needed.
    var machines: [FlatMachine?]
    /// Whether the last `evaluate` ran on a flat machine (false: on the trees' frame).
    var lastFlat: FlatMachine?
    /// The last person and date, for a definition asked after a flat run.
    var last: (facts: Facts, date: CivilDate)?

    /// A session that runs the flat machine where the policy has one (`flat`, the default),
    /// or always the decision trees.
    public init(_ evaluator: PolicyEvaluator, flat: Bool = true) {
        self.evaluator = evaluator
        machines = Array(repeating: nil, count: flat ? evaluator.flatPrograms.count : 0)
    }

    /// The flat machine of the period in force on `date`, nil when it has no flat form.
    public func flatMachine(on date: CivilDate) -> FlatMachine? {
        guard !machines.isEmpty else { return nil }
        let epoch = evaluator.compiled.epochIndex(on: date)
        if let machine = machines[epoch] { return machine }
        guard let program = evaluator.flatPrograms[epoch] else { return nil }
        let machine = FlatMachine(program)
        machines[epoch] = machine
        return machine
    }

    /// The same result as `evaluator.evaluate(facts, on: date)`.
    /// Runs on the flat machine when the policy has a flat form, and on the decision trees
    /// otherwise or when the flat machine meets a fault (the trees then give the error).
    public func evaluate(_ facts: Facts, on date: CivilDate) throws(EvaluationError) -> Evaluation {
        try evaluator.checkInForce(on: date)
        if let machine = flatMachine(on: date) {
            machine.program.layout.encode(facts.values, into: machine.facts)
            do throws(FlatFallback) {
                try machine.run(on: date)
                lastFlat = machine
                last = (facts, date)
                return Evaluation(policy: evaluator.policy.metadata, date: date, personID: facts.id, results: machine.results())
            } catch {
                // Fall through to the trees, which locate the fault.
            }
        }
        lastFlat = nil
        try evaluator.checkDates(facts, on: date)
        let trees = evaluator.treeEvaluator(on: date)
        if let frame {
            frame.reset(inputs: facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
        } else {
            frame = EvaluationFrame(program: evaluator.policy.program, inputs: facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
        }
        return try evaluator.evaluateAll(facts, on: date, in: frame!)
    }
}
