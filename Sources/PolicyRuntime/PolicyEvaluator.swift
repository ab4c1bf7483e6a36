import PolicyModel
import PolicyCompiler
import RecordFormats

/// A compiled policy made ready to evaluate, with its engine fixed: the tree evaluators and
/// (for `.flat`) the flat programs of each period, shared by every thread. Evaluations go
/// through an `EvaluationSession`, which owns "flat machine, else trees".
///
/// ```swift
/// let evaluator = PolicyEvaluator(compiled, engine: .flat)
/// let session = EvaluationSession(evaluator)
/// let evaluation = try session.evaluate(facts, on: CivilDate("2025-11-24")!)
/// ```
package struct PolicyEvaluator: Sendable {
    package let compiled: CompiledPolicy
    package let engine: EvaluationEngine
    package var policy: CheckedPolicy { compiled.checked }
    /// Inputs whose date may not be after the evaluation date.
    package let dateChecked: [Int]
    /// One tree evaluator per period of `compiled.epochs`.
    package let treeEvaluators: [TreeEvaluator]
    package let referenceInterpreter: ReferenceInterpreter
    /// One flat program per period of `compiled.epochs`; nil where the policy has no flat
    /// form, and empty unless the engine is `.flat`.
    package let flatPrograms: [FlatProgram?]
    /// Why the policy has no flat form in some period (the trees evaluate there), or nil.
    package let flatUnsupported: FlatUnsupported?
    /// Sessions kept for one-off calls of `evaluate`.
    let pool = EvaluationSessionPool()

    package init(_ compiled: CompiledPolicy, engine: EvaluationEngine = .flat) {
        self.compiled = compiled
        self.engine = engine
        treeEvaluators = compiled.epochs.map { TreeEvaluator(program: compiled.checked.program, epoch: $0) }
        referenceInterpreter = ReferenceInterpreter(program: compiled.checked.program)
        dateChecked = compiled.checked.inputs.indices.filter { compiled.checked.inputs[$0].notAfterEvaluationDate }
        var unsupported: FlatUnsupported?
        let epochs = compiled.epochs
        flatPrograms = engine != .flat ? [] : epochs.indices.map { index -> FlatProgram? in
            let lastDay = index + 1 < epochs.count ? CivilDate(dayNumber: epochs[index + 1].from.dayNumber - 1) : nil
            do throws(FlatUnsupported) {
                return try FlatCompiler.compile(compiled.checked, epoch: epochs[index], lastDay: lastDay)
            } catch {
                unsupported = unsupported ?? error
                return nil
            }
        }
        flatUnsupported = unsupported
    }

    /// The flat program in force on `date`; nil when the engine is not `.flat` or the policy
    /// has no flat form there.
    package func flatProgram(on date: CivilDate) -> FlatProgram? {
        flatPrograms.isEmpty ? nil : flatPrograms[compiled.epochIndex(on: date)]
    }

    /// One person on one date, through a session kept for such calls (safe from any thread).
    /// A caller evaluating many persons keeps one `EvaluationSession` per thread instead.
    package func evaluate(_ facts: Facts, on date: CivilDate) throws(EvaluationError) -> Evaluation {
        try pool.evaluate(facts, on: date, with: self)
    }

    /// The tree evaluator of the period in force on `date`.
    package func treeEvaluator(on date: CivilDate) -> TreeEvaluator {
        treeEvaluators[compiled.epochIndex(on: date)]
    }

    /// Refuses a date outside the policy's effective dates.
    package func checkInForce(on date: CivilDate) throws(EvaluationError) {
        let metadata = policy.metadata
        if let from = metadata.effectiveFrom, date < from {
            throw .notInForce("policy `\(metadata.id)` is in force from \(from); \(date) is before it")
        }
        if let until = metadata.effectiveUntil, date > until {
            throw .notInForce("policy `\(metadata.id)` was in force until \(until); \(date) is after it")
        }
    }

    /// Refuses facts with a date after the evaluation date (a birth date may not be later).
    package func checkDates(_ facts: Facts, on date: CivilDate) throws(EvaluationError) {
        for slot in dateChecked {
            if case .date(let value) = facts.values[slot], value > date {
                let input = policy.inputs[slot]
                throw .invalidFacts(FactsError(problems: [FactProblem(field: input.name, message: "is \(value), after the evaluation date \(date)", kind: .value)]))
            }
        }
    }
}
