import PolicyModel
import PolicyCompiler

/// Inputs, parameters and definitions that no decision reads, directly or through
/// definitions; a program's eligibility and priority, a ledger's rules and its scheduled
/// events, and a compliance section's requirements and festivals count as readers too.
/// The input `id` names the person and is never unused.
package enum UnusedDeclarations {
    package static func find(in policy: CheckedPolicy) -> [PolicyFinding] {
        var inputs = Set<Int>(), parameters = Set<Int>(), definitions = Set<Int>()
        var pending: [Expression] = policy.decisions.flatMap(\.expressions)
        pending += policy.programs.flatMap { [$0.eligible] + $0.priority.map(\.expression) }
        // A scheduled ledger event is computed from the person's facts and decisions.
        let schedules = policy.ledger?.schedules ?? []
        pending += schedules.flatMap { schedule -> [Expression] in schedule.fields + (schedule.condition.map { [$0] } ?? []) }
        pending += policy.compliance.map(Self.elderExpressions) ?? []
        // A ledger rule's `.input` slots are the event's fields, not the person's facts:
        // only its parameters count.
        for expression in (policy.ledger.map(Self.expressions) ?? []) + (policy.compliance.map(Self.recordExpressions) ?? []) {
            expression.forEach { part in
                if case .parameter(let index) = part { parameters.insert(index) }
            }
        }
        if let compliance = policy.compliance {
            for festival in compliance.festivals { if case .anniversary(let input) = festival.day { inputs.insert(input) } }
            if let grouping = compliance.grouping { inputs.insert(grouping.input) }
        }
        while let expression = pending.popLast() {
            expression.forEach { part in
                switch part {
                case .input(let slot): inputs.insert(slot)
                case .parameter(let index): parameters.insert(index)
                case .definition(let index):
                    if definitions.insert(index).inserted { pending.append(policy.definitions[index].expression) }
                default: break
                }
            }
        }
        var findings: [PolicyFinding] = []
        for (slot, input) in policy.inputs.enumerated() where !inputs.contains(slot) && input.name != "id" {
            findings.append(PolicyFinding(kind: .unusedInput, diagnostic: .finding(.warning, .unused(.input, name: input.name, label: input.label, inPolicies: nil), at: input.span,
                help: .removeOrUse), name: input.name))
        }
        for (index, parameter) in policy.parameters.enumerated() where !parameters.contains(index) {
            findings.append(PolicyFinding(kind: .unusedParameter, diagnostic: .finding(.warning, .unused(.parameter, name: parameter.name, label: parameter.label, inPolicies: nil), at: parameter.span,
                help: .removeOrUse), name: parameter.name))
        }
        for (index, definition) in policy.definitions.enumerated() where !definitions.contains(index) {
            findings.append(PolicyFinding(kind: .unusedDefinition, diagnostic: .finding(.warning, .unused(.definition, name: definition.name, label: definition.label, inPolicies: nil), at: definition.span,
                help: .removeOrUse), name: definition.name))
        }
        return findings
    }

    package static func expressions(of ledger: LedgerDeclaration) -> [Expression] {
        ledger.events.flatMap { event in event.refusals.map(\.condition) + event.effects.flatMap { [$0.key, $0.amount] } }
            + ledger.checks.map(\.atLeast)
    }

    /// The expressions of a compliance section that read an elder.
    package static func elderExpressions(of compliance: ComplianceDeclaration) -> [Expression] {
        compliance.requirements.flatMap { [$0.elders, $0.from].compactMap { $0 } } + compliance.festivals.map(\.daysAround)
    }

    /// The expressions of a compliance section that read a record (only their parameters are the policy's).
    package static func recordExpressions(of compliance: ComplianceDeclaration) -> [Expression] {
        compliance.requirements.flatMap { [$0.counts, $0.atLeastDays].compactMap { $0 } }
    }
}
