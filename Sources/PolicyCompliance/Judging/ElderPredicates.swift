import PolicyModel
import PolicyCompiler
import PolicyRuntime

/// Whether each requirement judges an elder in a window starting on a given day: the
/// policy is in force that day, the elder's dates allow it (born by then), `from` is on or
/// before the day and `elders` holds — both evaluated as the decisions are, with the day
/// as the evaluation date. Each day is evaluated once per elder, for every requirement at
/// once, on one frame reused from day to day. One per thread.
///
/// ```swift
/// let predicates = ElderPredicates(evaluator: evaluator, requirements: compliance.requirements, days: period.dayCount)
/// predicates.start(elder)
/// try predicates.judges(requirement: 0, on: CivilDate("2025-03-01")!, offset: 59)   // true
/// ```
package final class ElderPredicates {
    let evaluator: PolicyEvaluator
    let requirements: [Requirement]
    /// Per day offset: one bit per requirement that judges the elder, once evaluated.
    var states: [UInt64]
    var evaluated: [Bool]
    var elder: ElderRoster.Elder?
    var frame: EvaluationFrame?

    package init(evaluator: PolicyEvaluator, requirements: [Requirement], days: Int) {
        self.evaluator = evaluator
        self.requirements = requirements
        states = Array(repeating: 0, count: days)
        evaluated = Array(repeating: false, count: days)
    }

    /// Forgets the previous elder's days.
    package func start(_ elder: ElderRoster.Elder) {
        self.elder = elder
        for index in evaluated.indices { evaluated[index] = false }
    }

    /// Whether `requirement` judges the current elder in a window starting on `date` (at `offset` in the period).
    package func judges(requirement: Int, on date: CivilDate, offset: Int) throws(ComplianceError) -> Bool {
        if !evaluated[offset] {
            states[offset] = try evaluate(on: date)
            evaluated[offset] = true
        }
        return states[offset] & (UInt64(1) << UInt64(requirement)) != 0
    }

    func evaluate(on date: CivilDate) throws(ComplianceError) -> UInt64 {
        guard let elder else { return 0 }
        do {
            try evaluator.checkInForce(on: date)
            try evaluator.checkDates(elder.facts, on: date)
        } catch {
            return 0
        }
        let trees = evaluator.treeEvaluator(on: date)
        let frame: EvaluationFrame
        if let existing = self.frame {
            existing.reset(inputs: elder.facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
            frame = existing
        } else {
            frame = EvaluationFrame(program: evaluator.policy.program, inputs: elder.facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
            self.frame = frame
        }
        var state: UInt64 = 0
        for (index, requirement) in requirements.enumerated() {
            do {
                if let from = requirement.from, case .date(let first) = try from.evaluate(in: frame), first > date { continue }
                if let condition = requirement.elders, !(try condition.evaluateBool(in: frame)) { continue }
            } catch {
                throw ComplianceError("elder `\(elder.id)` (line \(elder.line)): requirement `\(requirement.name)` cannot be judged on \(date): \(error.message)")
            }
            state |= UInt64(1) << UInt64(index)
        }
        return state
    }
}
