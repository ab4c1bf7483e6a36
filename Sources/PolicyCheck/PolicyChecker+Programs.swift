import PolicyModel
import PolicySyntax

extension PolicyChecker {
    func checkApproval(_ syntax: ApprovalSyntax) -> ApprovalDeclaration? {
        var seen: [String: SourceSpan] = [:]
        var steps: [ApprovalDeclaration.Step] = []
        for step in syntax.steps {
            if let previous = seen[step.id.value] {
                diagnostics.append(.error(.stepTwice(step.id.value, at: previous), at: step.id.span))
                continue
            }
            seen[step.id.value] = step.id.span
            guard let actor = step.actor else { continue }
            steps.append(.init(id: step.id.value, label: step.label ?? step.id.value, actor: actor, provenance: Provenance(step.provenance)))
        }
        if let previous = seen[syntax.rejection.value] {
            diagnostics.append(.error(.rejectionIsStep(syntax.rejection.value, at: previous), at: syntax.rejection.span, help: .nameRejectionApart))
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
            diagnostics.append(.error(.notPlaces(placesScalar.text), at: placesScalar.span, help: .givePlacesNumber))
            return nil
        }
        guard let eligibleSyntax = syntax.eligible, let eligible = checkBool(eligibleSyntax.syntax, role: .programEligible(name)) else { return nil }
        var priority: [ProgramDeclaration.PriorityKey] = []
        for key in syntax.priority {
            guard let (expression, type) = checkName(key.name.value, span: key.name.span, expected: nil) else { continue }
            guard type.isOrdered else {
                diagnostics.append(.error(.priorityNotOrdered(key.name.value, type), at: key.name.span, help: .rankByNumberOrDate))
                continue
            }
            priority.append(.init(name: key.name.value, expression: expression, type: type, descending: key.descending))
        }
        guard priority.count == syntax.priority.count else { return nil }
        return ProgramDeclaration(name: name, label: syntax.label ?? name, places: places, eligible: eligible, eligibleText: eligibleSyntax.text,
                                  priority: priority, provenance: Provenance(syntax.provenance), span: syntax.name.span)
    }
}
