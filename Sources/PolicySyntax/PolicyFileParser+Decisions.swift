import PolicyModel

extension PolicyFileParser {
    mutating func parseDecision(_ entry: YAMLEntry) -> DecisionSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.decision, context: .decision(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.decisionShape(entry.key), at: entry.value.span))
            return nil
        }
        var rules: [RuleSyntax]?
        if let node = reader.node("rules") {
            if case .sequence(let items, _) = node {
                rules = items.compactMap { parseRule($0, decision: entry.key) }
            } else {
                diagnostics.append(.error(.rulesNotList, at: node.span))
            }
        }
        let formula = reader.scalar("value", diagnostics: &diagnostics).flatMap { parseExpression($0) }
        let apportionment = reader.node("apportion").flatMap { parseApportionment($0, decision: entry.key) }
        let hit = reader.scalar("hit", diagnostics: &diagnostics).map { Located($0.text, $0.span) }
        let removeRules = reader.list("remove_rules", diagnostics: &diagnostics).map { Located($0.text, $0.span) }
        return DecisionSyntax(name: Located(entry.key, entry.keySpan), type: parseType(reader),
                              label: reader.text("label", diagnostics: &diagnostics),
                              isPublic: reader.bool("public", diagnostics: &diagnostics), hitPolicy: hit, rules: rules,
                              formula: formula, apportionment: apportionment, removeRules: removeRules,
                              reason: reader.text("reason", diagnostics: &diagnostics),
                              provenance: reader.provenance(diagnostics: &diagnostics))
    }

    mutating func parseRule(_ node: YAMLNode, decision: String) -> RuleSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.rule, context: .rule(of: decision), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.ruleShape(decision: decision), at: node.span))
            return nil
        }
        let id = reader.scalar("id", diagnostics: &diagnostics).map { Located($0.text, $0.span) }
        if let id, !Self.isValidName(id.value) {
            diagnostics.append(.error(.invalidRuleID(id.value), at: id.span, help: .lowercaseDigitsUnderscore))
        }
        let whenNode = reader.node("when")
        let elseNode = reader.node("else")
        let thenNode = reader.node("then")
        var condition: WrittenExpression?
        var output: WrittenExpression?
        if let elseNode {
            if whenNode != nil {
                diagnostics.append(.error(.ruleWhenAndElse, at: reader.span, help: .elseHasNoCondition))
            }
            if thenNode != nil {
                diagnostics.append(.error(.elseWithThen, at: reader.span, help: .writeElseValue))
            }
            output = parseOutput(elseNode)
        } else {
            guard let whenNode else {
                diagnostics.append(.error(.ruleMissingWhen(decision: decision), at: reader.span, help: .giveConditionOrElse))
                return nil
            }
            condition = parseCondition(whenNode)
            guard let thenNode else {
                diagnostics.append(.error(.ruleMissingThen(decision: decision), at: reader.span, help: .sayValueWhenRuleMatches))
                return nil
            }
            output = parseOutput(thenNode)
        }
        guard let output, elseNode != nil || condition != nil else { return nil }
        return RuleSyntax(id: id, condition: condition, isElse: elseNode != nil, output: output,
                          reason: reader.text("reason", diagnostics: &diagnostics),
                          provenance: reader.provenance(diagnostics: &diagnostics),
                          placeBefore: reader.scalar("before", diagnostics: &diagnostics).map { Located($0.text, $0.span) },
                          placeAfter: reader.scalar("after", diagnostics: &diagnostics).map { Located($0.text, $0.span) },
                          span: reader.span)
    }

    /// `when:` is an expression, a list of expressions that must all hold, or `{all: […]}` / `{any: […]}`.
    mutating func parseCondition(_ node: YAMLNode) -> WrittenExpression? {
        switch node {
        case .scalar(let scalar):
            return parseExpression(scalar)
        case .sequence(let items, let span):
            return combine(items, with: .and, at: span)
        case .mapping(let entries, let span):
            guard entries.count == 1, let entry = entries.first, PolicyFileKeys.condition.contains(entry.key) else {
                diagnostics.append(.error(.conditionMappingShape, at: span, help: .conditionForms))
                return nil
            }
            guard case .sequence(let items, let listSpan) = entry.value else {
                diagnostics.append(.error(.conditionsNotList(entry.key), at: entry.value.span))
                return nil
            }
            return combine(items, with: entry.key == "all" ? .and : .or, at: listSpan)
        }
    }

    mutating func combine(_ items: [YAMLNode], with op: BinaryOperator, at span: SourceSpan) -> WrittenExpression? {
        var parts: [WrittenExpression] = []
        for item in items {
            guard let part = parseCondition(item) else { return nil }
            parts.append(part)
        }
        guard var combined = parts.first else {
            diagnostics.append(.error(.emptyConditions, at: span, help: .giveOneCondition))
            return nil
        }
        let joiner = op == .and ? " and " : " or "
        var text = parts.count > 1 ? "(\(combined.text))" : combined.text
        for part in parts.dropFirst() {
            combined = WrittenExpression(syntax: ExpressionSyntax(.binary(op, combined.syntax, part.syntax), span: combined.syntax.span), text: "")
            if combined.syntax.height > ExpressionParser.maximumHeight {
                diagnostics.append(.error(.conditionTooLong(limit: ExpressionParser.maximumHeight), at: part.syntax.span, help: .splitConditionList))
                return nil
            }
            text += joiner + "(\(part.text))"
        }
        return WrittenExpression(syntax: combined.syntax, text: text)
    }

    /// `then:` is an expression, or a list of them (a list value).
    mutating func parseOutput(_ node: YAMLNode) -> WrittenExpression? {
        switch node {
        case .scalar(let scalar):
            return parseExpression(scalar)
        case .sequence(let items, let span):
            var parts: [WrittenExpression] = []
            for item in items {
                guard case .scalar(let scalar) = item else {
                    diagnostics.append(.error(.listValueItemNotSingle, at: item.span))
                    return nil
                }
                guard let part = parseExpression(scalar) else { return nil }
                parts.append(part)
            }
            return WrittenExpression(syntax: ExpressionSyntax(.list(parts.map(\.syntax)), span: span),
                                     text: "[" + parts.map(\.text).joined(separator: ", ") + "]")
        case .mapping(_, let span):
            diagnostics.append(.error(.ruleValueShape, at: span))
            return nil
        }
    }

    mutating func parseApportionment(_ node: YAMLNode, decision: String) -> ApportionmentSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.apportion, context: .apportion(of: decision), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.apportionShape, at: node.span))
            return nil
        }
        guard let totalScalar = reader.required("total", diagnostics: &diagnostics, help: .sayTotal),
              let total = parseExpression(totalScalar) else { return nil }
        guard let payersNode = reader.node("payers"), case .mapping(let entries, _) = payersNode else {
            diagnostics.append(.error(.apportionNeedsPayers, at: reader.span))
            return nil
        }
        var payers: [ApportionmentSyntax.Payer] = []
        for entry in entries {
            guard case .scalar(let scalar) = entry.value else {
                diagnostics.append(.error(.shareShape(entry.key), at: entry.value.span))
                continue
            }
            if scalar.text == "remainder" {
                payers.append(.init(name: Located(entry.key, entry.keySpan), share: nil))
            } else if let share = parseExpression(scalar) {
                payers.append(.init(name: Located(entry.key, entry.keySpan), share: share))
            }
        }
        let order = reader.list("reduce_in_order", diagnostics: &diagnostics).map { Located($0.text, $0.span) }
        return ApportionmentSyntax(total: total, payers: payers, reductionOrder: order, span: reader.span)
    }
}
