import PolicyModel
import PolicySyntax

extension PolicyChecker {
    func checkApproval(_ syntax: ApprovalSyntax) -> ApprovalDeclaration? {
        var seen: [String: SourceSpan] = [:]
        var steps: [ApprovalDeclaration.Step] = []
        for step in syntax.steps {
            if let previous = seen[step.id.value] {
                diagnostics.append(.error("the step `\(step.id.value)` is listed twice (first at \(previous))", at: step.id.span))
                continue
            }
            seen[step.id.value] = step.id.span
            guard let actor = step.actor else { continue }
            steps.append(.init(id: step.id.value, label: step.label ?? step.id.value, actor: actor, provenance: Provenance(step.provenance)))
        }
        if let previous = seen[syntax.rejection.value] {
            diagnostics.append(.error("the rejection state `\(syntax.rejection.value)` is also a step (at \(previous))", at: syntax.rejection.span,
                                      help: "name the rejection apart from the steps, e.g. `rejection: rejected`"))
            return nil
        }
        guard steps.count == syntax.steps.count, !steps.isEmpty else { return nil }
        return ApprovalDeclaration(title: syntax.title.value, steps: steps, rejection: syntax.rejection.value,
                                   rejectionLabel: syntax.rejectionLabel ?? syntax.rejection.value, provenance: Provenance(syntax.provenance))
    }

    func checkProgram(_ syntax: ProgramSyntax) -> ProgramDeclaration? {
        let name = syntax.name.value
        guard let placesScalar = syntax.places else { return nil }
        guard let places = Int(placesScalar.text), places >= 0 else {
            diagnostics.append(.error("`\(placesScalar.text)` is not a number of places", at: placesScalar.span, help: "give a whole number, e.g. `places: 200`"))
            return nil
        }
        guard let eligibleSyntax = syntax.eligible, let eligible = checkBool(eligibleSyntax.syntax, role: "`eligible` of program `\(name)`") else { return nil }
        var priority: [ProgramDeclaration.PriorityKey] = []
        for key in syntax.priority {
            guard let (expression, type) = checkName(key.name.value, span: key.name.span, expected: nil) else { continue }
            guard type.isOrdered else {
                diagnostics.append(.error("`\(key.name.value)` is \(type), which has no order to rank by", at: key.name.span,
                                          help: "rank by a number or a date, such as `ability_level` or `age`"))
                continue
            }
            priority.append(.init(name: key.name.value, expression: expression, type: type, descending: key.descending))
        }
        guard priority.count == syntax.priority.count else { return nil }
        return ProgramDeclaration(name: name, label: syntax.label ?? name, places: places, eligible: eligible, eligibleText: eligibleSyntax.text,
                                  priority: priority, provenance: Provenance(syntax.provenance), span: syntax.name.span)
    }
}
