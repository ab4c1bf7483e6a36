import PolicyModel
import PolicyCompiler
import RecordFormats

/// How the persons of a session were evaluated.
package struct EvaluationCounts: Sendable, Equatable {
    /// Read in place into the flat machine by a fast reader and evaluated there.
    package var fast = 0
    /// Given as decoded facts (the general way).
    package var general = 0
    /// Of `general`, those the trees (or the reference interpreter) evaluated: the engine is
    /// not `.flat`, the policy has no flat form on the date, or the flat machine met a fault.
    package var trees = 0

    package init(fast: Int = 0, general: Int = 0, trees: Int = 0) {
        self.fast = fast
        self.general = general
        self.trees = trees
    }

    package static func - (left: EvaluationCounts, right: EvaluationCounts) -> EvaluationCounts {
        EvaluationCounts(fast: left.fast - right.fast, general: left.general - right.general, trees: left.trees - right.trees)
    }

    package static func + (left: EvaluationCounts, right: EvaluationCounts) -> EvaluationCounts {
        EvaluationCounts(fast: left.fast + right.fast, general: left.general + right.general, trees: left.trees + right.trees)
    }
}

/// The one way through the engine. Evaluates persons one after another for one policy,
/// reusing its working memory: each person runs on the flat machine of the date's period
/// when the engine is `.flat` and the policy has a flat form there, and on the decision
/// trees otherwise or when the machine meets a fault (the trees then give the located
/// error). The in-force and date checks are made here, once for every caller. Not
/// `Sendable`: one session per thread, all sharing one `PolicyEvaluator`.
///
/// ```swift
/// let session = EvaluationSession(evaluator)
/// for facts in population { results.append(try session.evaluate(facts, on: date)) }
/// // A fast reader writes a person's facts straight into the machine:
/// if let machine = session.evaluateInPlace(on: date, reading: { reader.read(line, into: $0.facts) }) { … }
/// ```
package final class EvaluationSession {
    package let evaluator: PolicyEvaluator
    /// How each person so far was evaluated.
    package var counts: EvaluationCounts { tally }
    // The stored state below is internal, not `package`: a stored property of a class that
    // other modules can see keeps a dynamic exclusivity check (swift_beginAccess) on every
    // access, which whole-module optimisation can only remove when the module sees every
    // access. That cost 3x on the flat path (docs/performance.md, issue 12).
    var tally = EvaluationCounts()
    var frame: EvaluationFrame?
    /// One machine per period with a flat program, made when first needed.
    var machines: [FlatMachine?]
    /// The machine of the last `evaluate`, when it ran there (nil: on the trees' frame).
    var lastFlat: FlatMachine?
    /// The last person and date, for a definition asked after a flat run.
    var last: (facts: Facts, date: CivilDate)?

    package init(_ evaluator: PolicyEvaluator) {
        self.evaluator = evaluator
        machines = Array(repeating: nil, count: evaluator.flatPrograms.count)
    }

    /// The flat machine of the period in force on `date`; nil when there is none (the
    /// engine is not `.flat`, or the policy has no flat form on that date).
    package func flatMachine(on date: CivilDate) -> FlatMachine? {
        guard !machines.isEmpty else { return nil }
        let epoch = evaluator.compiled.epochIndex(on: date)
        if let machine = machines[epoch] { return machine }
        guard let program = evaluator.flatPrograms[epoch] else { return nil }
        let machine = FlatMachine(program)
        machines[epoch] = machine
        return machine
    }

    /// The fast way: `read` writes one person's facts straight into the machine's registers
    /// (answering false when it cannot take them), then the machine runs. Returns the machine,
    /// holding the results, or nil when the person must go the general way — the reader gave
    /// up, there is no flat machine on `date`, the date is outside the program's period, or
    /// the machine met a fault. Then call `evaluate(_:on:)` with the decoded facts.
    @inline(__always)
    package func evaluateInPlace(on date: CivilDate, reading read: (FlatMachine) -> Bool) -> FlatMachine? {
        guard let machine = flatMachine(on: date), read(machine) else { return nil }
        do {
            try machine.run(on: date)
        } catch {
            return nil
        }
        tally.fast += 1
        return machine
    }

    /// The general way: every decision for decoded facts on `date`, on the flat machine where
    /// it can, else on the trees (or the reference interpreter, when that is the engine).
    package func evaluate(_ facts: Facts, on date: CivilDate) throws(EvaluationError) -> Evaluation {
        tally.general += 1
        try evaluator.checkInForce(on: date)
        if let machine = flatMachine(on: date) {
            machine.program.layout.encode(facts.values, into: machine.facts)
            do throws(FlatFallback) {
                try machine.run(on: date)
                lastFlat = machine
                last = (facts, date)
                return Evaluation(policy: evaluator.policy.metadata, date: date, personID: facts.id, results: machine.results())
            } catch {
                // The trees locate the fault.
            }
        }
        tally.trees += 1
        lastFlat = nil
        try evaluator.checkDates(facts, on: date)
        let policy = evaluator.policy
        if evaluator.engine == .reference {
            let reference = EvaluationFrame(program: policy.program, inputs: facts.values, parameters: policy.parameterValues(on: date), date: date,
                                            decisions: evaluator.referenceInterpreter)
            frame = nil
            return try evaluateAll(facts, on: date, in: reference)
        }
        let trees = evaluator.treeEvaluator(on: date)
        if let frame {
            frame.reset(inputs: facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
        } else {
            frame = EvaluationFrame(program: policy.program, inputs: facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
        }
        return try evaluateAll(facts, on: date, in: frame!)
    }

    package func evaluateAll(_ facts: Facts, on date: CivilDate, in frame: EvaluationFrame) throws(EvaluationError) -> Evaluation {
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
        return Evaluation(policy: evaluator.policy.metadata, date: date, personID: facts.id, results: results)
    }
}
