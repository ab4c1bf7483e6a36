import PolicyModel
import PolicyCompiler
import RecordFormats

/// Why a decision came out as it did: the rules that fired with their reasons and
/// citations, and the values of the facts and intermediate results they read.
public struct DecisionTrace: Sendable {
    /// One fired rule.
    public struct FiredRule: Sendable {
        public let id: String
        public let reason: String
        public let source: String?
        public let note: String?
        public let location: SourceSpan
    }

    /// One value the decision read.
    public struct ReadValue: Sendable {
        public let name: String
        public let label: String
        public let value: Value
        public let type: ValueType
    }

    public let decision: String
    public let label: String
    public let value: Value
    public let type: ValueType
    public let rules: [FiredRule]
    public let read: [ReadValue]
}

extension PolicyEvaluator {
    /// The trace of each decision in an evaluation.
    public func trace(_ evaluation: Evaluation, facts: Facts) -> [DecisionTrace] {
        let policy = self.policy
        let parameters = policy.parameterValues(on: evaluation.date)
        // Definitions are pure: recompute those the trace shows with a reference frame.
        let frame = EvaluationFrame(program: policy.program, inputs: facts.values, parameters: parameters, date: evaluation.date,
                                    decisions: referenceInterpreter)
        var decisionValues: [Int: Value] = [:]
        for result in evaluation.results { decisionValues[result.decision] = result.value }
        return evaluation.results.map { result in
            let decision = policy.decisions[result.decision]
            let rules = decision.rules
            let fired = result.firedRules.filter { $0 < rules.count }.map { index in
                let rule = rules[index]
                return DecisionTrace.FiredRule(id: rule.id, reason: rule.reason, source: rule.provenance.source, note: rule.provenance.note, location: rule.span)
            }
            var read: [DecisionTrace.ReadValue] = []
            let reads = ReadSet.of(decision, fired: result.firedRules, in: policy)
            for slot in reads.inputs {
                let input = policy.inputs[slot]
                read.append(.init(name: input.name, label: input.label, value: facts.values[slot], type: input.type))
            }
            for index in reads.definitions {
                let definition = policy.definitions[index]
                if let value = try? frame.definition(index) {
                    read.append(.init(name: definition.name, label: definition.label, value: value, type: definition.type))
                }
            }
            for index in reads.decisions {
                let other = policy.decisions[index]
                if let value = decisionValues[index] {
                    read.append(.init(name: other.name, label: other.label, value: value, type: other.type))
                }
            }
            for index in reads.parameters {
                let parameter = policy.parameters[index]
                if let value = parameters[index] {
                    read.append(.init(name: parameter.name, label: parameter.label, value: value, type: parameter.type))
                }
            }
            return DecisionTrace(decision: decision.name, label: decision.label, value: result.value, type: decision.type, rules: fired, read: read)
        }
    }
}

/// The facts, definitions, decisions and parameters a decision reads to reach a result:
/// for a `first` table the conditions of the rules before the one that fired and that
/// rule's condition and output; for other tables every condition.
package struct ReadSet {
    package var inputs: [Int] = []
    package var definitions: [Int] = []
    package var decisions: [Int] = []
    package var parameters: [Int] = []

    package static func of(_ decision: DecisionDeclaration, fired: [Int], in policy: CheckedPolicy) -> ReadSet {
        var expressions: [Expression] = []
        switch decision.body {
        case .table(let table):
            let all = table.rules + (table.otherwise.map { [$0] } ?? [])
            let last = table.hitPolicy == .first ? (fired.first ?? all.count - 1) : all.count - 1
            for (index, rule) in all.enumerated() where index <= last {
                if let condition = rule.condition { expressions.append(condition) }
                if fired.contains(index) { expressions.append(rule.output) }
            }
        default:
            expressions = decision.expressions
        }
        var set = ReadSet()
        var seenDefinitions = Set<Int>()
        func visit(_ expression: Expression) {
            expression.forEach { node in
                switch node {
                case .input(let slot): if !set.inputs.contains(slot) { set.inputs.append(slot) }
                case .decision(let index): if !set.decisions.contains(index) { set.decisions.append(index) }
                case .parameter(let index): if !set.parameters.contains(index) { set.parameters.append(index) }
                case .definition(let index):
                    if seenDefinitions.insert(index).inserted {
                        set.definitions.append(index)
                        visit(policy.definitions[index].expression)
                    }
                default: break
                }
            }
        }
        for expression in expressions { visit(expression) }
        return set
    }
}
