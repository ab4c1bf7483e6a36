import PolicyModel

extension PolicyFileParser {
    mutating func parseApproval(_ node: YAMLNode) -> ApprovalSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.approval, context: "`approval`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("`approval` must be a mapping with `title`, `steps` and `rejection`", at: node.span))
            return nil
        }
        let title = reader.required("title", diagnostics: &diagnostics, help: "give the path's Chinese title")
        let rejection = reader.required("rejection", diagnostics: &diagnostics, help: "name the state an application ends in when refused, e.g. `rejection: rejected`")
        var steps: [ApprovalSyntax.Step] = []
        for item in sequence(reader.node("steps"), what: "steps") {
            guard let step = try? MappingReader(item, allowed: PolicyFileKeys.approvalStep, context: "an approval step", diagnostics: &diagnostics) else {
                diagnostics.append(.error("each step must be a mapping with `id`, `label` and `actor`", at: item.span))
                continue
            }
            guard let id = step.required("id", diagnostics: &diagnostics) else { continue }
            if !Self.isValidName(id.text) {
                diagnostics.append(.error("`\(id.text)` is not a valid step id", at: id.span, help: "use lowercase letters, digits and `_`"))
            }
            if step.node("actor") == nil {
                diagnostics.append(.error("step `\(id.text)` is missing `actor`", at: step.span, help: "say who takes this step, e.g. `actor: 社区居委会`"))
            }
            steps.append(.init(id: Located(id.text, id.span), label: step.text("label", diagnostics: &diagnostics),
                               actor: step.text("actor", diagnostics: &diagnostics), provenance: step.provenance(diagnostics: &diagnostics)))
        }
        if steps.isEmpty {
            diagnostics.append(.error("`approval` has no steps", at: reader.span, help: "list the steps in order under `steps:`"))
        }
        guard let title, let rejection else { return nil }
        return ApprovalSyntax(title: Located(title.text, title.span), steps: steps, rejection: Located(rejection.text, rejection.span),
                              rejectionLabel: reader.text("rejection_label", diagnostics: &diagnostics),
                              provenance: reader.provenance(diagnostics: &diagnostics), span: reader.span)
    }

    mutating func parseProgram(_ entry: YAMLEntry) -> ProgramSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.program, context: "program `\(entry.key)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("program `\(entry.key)` must be a mapping with `places`, `eligible` and `priority`", at: entry.value.span))
            return nil
        }
        let places = reader.required("places", diagnostics: &diagnostics, help: "give the number of places, e.g. `places: 200`")
        let eligible = reader.required("eligible", diagnostics: &diagnostics, help: "give who may get a place, e.g. `eligible: smart_bracelet_eligible`")
            .flatMap { parseExpression($0) }
        var priority: [ProgramSyntax.PriorityKey] = []
        for item in sequence(reader.node("priority"), what: "priority") {
            guard case .mapping(let keys, _) = item, keys.count == 1, let key = keys.first, case .scalar(let order) = key.value,
                  order.text == "descending" || order.text == "ascending" else {
                diagnostics.append(.error("each priority key is `NAME: descending` or `NAME: ascending`", at: item.span,
                                          help: "e.g. `- ability_level: descending` puts the highest level first"))
                continue
            }
            priority.append(.init(name: Located(key.key, key.keySpan), descending: order.text == "descending"))
        }
        return ProgramSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics),
                             places: places, eligible: eligible, priority: priority, provenance: reader.provenance(diagnostics: &diagnostics))
    }
}
