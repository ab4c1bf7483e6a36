import PolicyModel

extension PolicyFileParser {
    mutating func parseApproval(_ node: YAMLNode) -> ApprovalSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.approval, context: .section("approval"), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.approvalShape, at: node.span))
            return nil
        }
        let title = reader.required("title", diagnostics: &diagnostics, help: .giveApprovalTitle)
        let rejection = reader.required("rejection", diagnostics: &diagnostics, help: .giveRejectionState)
        var steps: [ApprovalSyntax.Step] = []
        for item in sequence(reader.node("steps"), what: "steps") {
            guard let step = try? MappingReader(item, allowed: PolicyFileKeys.approvalStep, context: .approvalStep, diagnostics: &diagnostics) else {
                diagnostics.append(.error(.stepShape, at: item.span))
                continue
            }
            guard let id = step.required("id", diagnostics: &diagnostics) else { continue }
            if !Self.isValidName(id.text) {
                diagnostics.append(.error(.invalidStepID(id.text), at: id.span, help: .lowercaseDigitsUnderscore))
            }
            if step.node("actor") == nil {
                diagnostics.append(.error(.stepMissingActor(id.text), at: step.span, help: .sayActor))
            }
            steps.append(.init(id: Located(id.text, id.span), label: step.text("label", diagnostics: &diagnostics),
                               actor: step.text("actor", diagnostics: &diagnostics), provenance: step.provenance(diagnostics: &diagnostics)))
        }
        if steps.isEmpty {
            diagnostics.append(.error(.approvalNoSteps, at: reader.span, help: .listSteps))
        }
        guard let title, let rejection else { return nil }
        return ApprovalSyntax(title: Located(title.text, title.span), steps: steps, rejection: Located(rejection.text, rejection.span),
                              rejectionLabel: reader.text("rejection_label", diagnostics: &diagnostics),
                              provenance: reader.provenance(diagnostics: &diagnostics), span: reader.span)
    }

    mutating func parseProgram(_ entry: YAMLEntry) -> ProgramSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.program, context: .program(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.programShape(entry.key), at: entry.value.span))
            return nil
        }
        let places = reader.required("places", diagnostics: &diagnostics, help: .givePlaces)
        let eligible = reader.required("eligible", diagnostics: &diagnostics, help: .giveEligible)
            .flatMap { parseExpression($0) }
        var priority: [ProgramSyntax.PriorityKey] = []
        for item in sequence(reader.node("priority"), what: "priority") {
            guard case .mapping(let keys, _) = item, keys.count == 1, let key = keys.first, case .scalar(let order) = key.value,
                  order.text == "descending" || order.text == "ascending" else {
                diagnostics.append(.error(.priorityShape, at: item.span, help: .priorityExample))
                continue
            }
            priority.append(.init(name: Located(key.key, key.keySpan), descending: order.text == "descending"))
        }
        return ProgramSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics),
                             places: places, eligible: eligible, priority: priority, provenance: reader.provenance(diagnostics: &diagnostics))
    }
}
