/// Computes one decision's value and the rules that gave it, when an expression first
/// needs it. The decision-tree evaluator and the reference interpreter each provide one.
package protocol DecisionEvaluating: AnyObject, Sendable {
    func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int])
}

/// The state of one evaluation of one person on one date: the facts, the parameters in
/// force, and each definition and decision computed at most once.
package final class EvaluationFrame {
    package let program: EvaluationProgram
    // Read for every test; a frame belongs to one thread, so the dynamic exclusivity
    // checks of class properties are turned off here.
    @exclusivity(unchecked) package private(set) var inputs: [Value]
    @exclusivity(unchecked) package private(set) var parameters: [Value?]
    @exclusivity(unchecked) package private(set) var date: CivilDate
    /// Called for every decision without retaining; `owner` keeps it alive.
    @exclusivity(unchecked) unowned(unsafe) var decisions: any DecisionEvaluating
    @exclusivity(unchecked) var owner: any DecisionEvaluating
    /// Definitions first, then decisions.
    @exclusivity(unchecked) var memo: [Value?]
    let decisionOffset: Int
    /// The rules that fired for each decision computed so far.
    @exclusivity(unchecked) package private(set) var firedRules: [[Int]]

    package init(program: EvaluationProgram, inputs: [Value], parameters: [Value?], date: CivilDate, decisions: any DecisionEvaluating) {
        self.program = program
        self.inputs = inputs
        self.parameters = parameters
        self.date = date
        self.decisions = decisions
        owner = decisions
        decisionOffset = program.definitions.count
        memo = Array(repeating: nil, count: program.definitions.count + program.decisions.count)
        firedRules = Array(repeating: [], count: program.decisions.count)
    }

    /// Starts a new evaluation in the same memory: another person, date or evaluator.
    /// Cheaper than a new frame when many persons are evaluated one after another.
    package func reset(inputs: [Value], parameters: [Value?], date: CivilDate, decisions: any DecisionEvaluating) {
        self.inputs = inputs
        self.parameters = parameters
        self.date = date
        if decisions !== owner {
            self.decisions = decisions
            owner = decisions
        }
        memo.withUnsafeMutableBufferPointer { slots in
            for index in slots.indices { slots[index] = nil }
        }
        firedRules.withUnsafeMutableBufferPointer { slots in
            for index in slots.indices { slots[index] = [] }
        }
    }

    /// Sets one input of the evaluation under way. A definition already computed keeps its
    /// value, so set only inputs nothing computed so far has read (a synthetic person's
    /// facts, drawn one after another, each condition reading only those drawn before it).
    package func setInput(_ slot: Int, to value: Value) {
        inputs[slot] = value
    }

    package func definition(_ index: Int) throws(EvaluationFault) -> Value {
        if let value = memo[index] { return value }
        let value: Value
        do {
            value = try program.definitions[index].evaluate(in: self)
        } catch {
            throw error.located(at: program.definitionSpans[index])
        }
        memo[index] = value
        return value
    }

    package func decision(_ index: Int) throws(EvaluationFault) -> Value {
        if let value = memo[decisionOffset + index] { return value }
        let (value, fired) = try decisions.evaluateDecision(index, in: self)
        memo[decisionOffset + index] = value
        firedRules[index] = fired
        return value
    }

    /// A decision's value if it has been computed already.
    package func memoizedDecision(_ index: Int) -> Value? { memo[decisionOffset + index] }
}
