import PolicyModel
import PolicySyntax

extension PolicyChecker {
    func decisionType(_ index: Int) -> ValueType? {
        let plan = merged.decisions[index]
        switch decisionStates[index] {
        case .done: return decisionTypes[index]
        case .checking:
            // A reference back into a decision being checked: fine when its type is declared
            // (real cycles are found later on the checked policy); otherwise its type is unknown yet.
            if let type = decisionTypes[index] { return type }
            diagnostics.append(.error(.typeNotKnownYet(plan.syntax.name.value), at: plan.syntax.name.span, help: .declareDecisionType))
            return nil
        case .unchecked: break
        }
        decisionStates[index] = .checking
        let outside = startHeight()
        defer { decisionHeights[index] = endHeight(outside) }
        let declared = plan.type.flatMap { resolveType($0, name: plan.syntax.name.value) }
        let hit = hitPolicy(plan)
        // A collect table's value is a list; `type: enum` and `type: list of enum` both mean a list of the enum.
        if hit == .collect, let declared {
            if case .list = declared { decisionTypes[index] = declared } else { decisionTypes[index] = .list(declared) }
        } else {
            decisionTypes[index] = declared
        }
        let bodies = [plan.rules != nil, plan.formula != nil, plan.apportionment != nil].filter { $0 }.count
        if bodies == 0 {
            diagnostics.append(.error(.decisionWithoutBody(plan.syntax.name.value), at: plan.syntax.name.span, help: .giveDecisionBody))
        } else if bodies > 1 {
            diagnostics.append(.error(.decisionWithSeveralBodies(plan.syntax.name.value), at: plan.syntax.name.span, help: .keepOneBody))
        } else if let rules = plan.rules {
            checkTable(index, rules: rules, hit: hit)
        } else if let formula = plan.formula {
            checkFormula(index, formula: formula)
        } else if let apportionment = plan.apportionment {
            checkApportionment(index, apportionment)
        }
        decisionStates[index] = .done
        return decisionTypes[index]
    }

    func hitPolicy(_ plan: MergedDeclarations.DecisionPlan) -> HitPolicy {
        guard let hit = plan.hitPolicy else { return .first }
        if let policy = HitPolicy(rawValue: hit.value) { return policy }
        diagnostics.append(.error(.unknownHitPolicy(hit.value), at: hit.span, help: .hitPolicies))
        return .first
    }

    func provenance(_ rule: RuleSyntax, plan: MergedDeclarations.DecisionPlan) -> Provenance {
        Provenance(source: rule.provenance.source ?? plan.provenance.source, note: rule.provenance.note)
    }

    func checkTable(_ index: Int, rules: [RuleSyntax], hit: HitPolicy) {
        let plan = merged.decisions[index]
        let name = plan.syntax.name.value
        var elementType: ValueType?
        if let type = decisionTypes[index] {
            if hit == .collect, case .list(let element) = type { elementType = element } else { elementType = type }
        }
        var checkedRules: [Rule] = []
        var otherwise: Rule?
        var ids: [String: SourceSpan] = [:]
        for (position, rule) in rules.enumerated() {
            let id = rule.id?.value ?? (rule.isElse ? "else" : "rule_\(position + 1)")
            if let previous = ids[id] {
                diagnostics.append(.error(.ruleIDTwice(id, decision: name), at: rule.id?.span ?? rule.span, help: .otherIsAt(previous)))
            }
            ids[id] = rule.id?.span ?? rule.span
            if rule.isElse && position != rules.count - 1 {
                diagnostics.append(.error(.elseNotLast(name), at: rule.span, help: .rulesAfterElse))
            }
            if rule.reason == nil {
                diagnostics.append(.error(.ruleWithoutReason(rule: id, decision: name), at: rule.span, help: .giveReason))
            }
            var condition: Expression?
            if let written = rule.condition {
                if let (expression, type) = checkExpression(written.syntax, expected: .bool) {
                    if type != .bool {
                        diagnostics.append(.error(.conditionNotBool(type), at: written.syntax.span))
                    } else {
                        condition = expression
                    }
                }
            }
            var expectedOutput = elementType
            if hit == .collect, case .list = rule.output.syntax.kind, let element = elementType { expectedOutput = .list(element) }
            guard let (output, outputType) = checkExpression(rule.output.syntax, expected: expectedOutput) else { continue }
            var outputIsList = false
            if let expected = elementType {
                if hit == .collect, case .list(let inner) = outputType, PolicyChecker.fits(inner, expected) {
                    outputIsList = true
                } else if !PolicyChecker.fits(outputType, expected) {
                    diagnostics.append(.error(.ruleValueType(rule: id, outputType, decision: name, expected: expected), at: rule.output.syntax.span,
                                              help: hint(for: outputType, expected: expected)))
                    continue
                }
            } else {
                elementType = outputType
                decisionTypes[index] = hit == .collect ? .list(outputType) : outputType
            }
            let widened = outputIsList ? output : PolicyChecker.widen(output, from: outputType, to: elementType ?? outputType)
            guard rule.condition == nil || condition != nil else { continue }
            let checked = Rule(id: id, condition: condition, conditionText: rule.condition?.text, output: widened, outputText: rule.output.text,
                               reason: rule.reason ?? "", provenance: provenance(rule, plan: plan), span: rule.span, outputIsList: outputIsList)
            if rule.isElse { otherwise = checked } else { checkedRules.append(checked) }
        }
        if rules.isEmpty {
            diagnostics.append(.error(.emptyRuleTable(name), at: plan.syntax.name.span, help: .addRule))
        }
        decisionBodies[index] = .table(RuleTable(hitPolicy: hit, rules: checkedRules, otherwise: otherwise))
    }

    func hint(for actual: ValueType, expected: ValueType) -> CheckMessage? {
        if case .enumeration(let enumType) = expected {
            return .valuesOfEnumAre(enumType.name, enumType.cases)
        }
        if expected == .integer && actual == .decimal { return .declareDecimalOrUseWholeNumbers }
        return nil
    }

    func checkFormula(_ index: Int, formula: WrittenExpression) {
        let plan = merged.decisions[index]
        guard let (expression, type) = checkExpression(formula.syntax, expected: decisionTypes[index]) else { return }
        if let declared = decisionTypes[index], !PolicyChecker.fits(type, declared) {
            diagnostics.append(.error(.formulaType(plan.syntax.name.value, type, declared: declared), at: formula.syntax.span))
            return
        }
        let finalType = decisionTypes[index] ?? type
        decisionTypes[index] = finalType
        let rule = Rule(id: "value", condition: nil, conditionText: nil, output: PolicyChecker.widen(expression, from: type, to: finalType),
                        outputText: formula.text, reason: plan.reason ?? plan.label ?? plan.syntax.name.value,
                        provenance: Provenance(plan.provenance), span: formula.syntax.span)
        decisionBodies[index] = .formula(rule)
    }

    func checkApportionment(_ index: Int, _ syntax: ApportionmentSyntax) {
        let plan = merged.decisions[index]
        let name = plan.syntax.name.value
        guard let (total, totalType) = checkExpression(syntax.total.syntax, expected: .decimal) else { return }
        guard totalType.isNumeric else {
            diagnostics.append(.error(.totalNotNumber(totalType), at: syntax.total.syntax.span))
            return
        }
        var payers: [Apportionment.Payer] = []
        var remainder: [Int] = []
        for payer in syntax.payers {
            if payers.contains(where: { $0.name == payer.name.value }) {
                diagnostics.append(.error(.payerTwice(payer.name.value), at: payer.name.span))
                continue
            }
            guard let share = payer.share else {
                remainder.append(payers.count)
                payers.append(.init(name: payer.name.value, share: nil, shareText: nil, span: payer.name.span))
                continue
            }
            guard let (expression, type) = checkExpression(share.syntax, expected: .decimal) else { continue }
            guard type.isNumeric else {
                diagnostics.append(.error(.shareNotAmount(payer.name.value, type), at: share.syntax.span))
                continue
            }
            payers.append(.init(name: payer.name.value, share: PolicyChecker.widen(expression, from: type, to: .decimal), shareText: share.text, span: payer.name.span))
        }
        if remainder.count != 1 {
            diagnostics.append(.error(.remainderCount(name, count: remainder.count), at: syntax.span, help: .remainderMeaning))
            return
        }
        var order: [Int] = []
        for entry in syntax.reductionOrder {
            guard let payer = payers.firstIndex(where: { $0.name == entry.value }) else {
                diagnostics.append(.error(.notAPayer(entry.value), at: entry.span,
                                          help: NameSuggestion.help(for: entry.value, in: payers.map(\.name), kind: .payers)?.help))
                continue
            }
            if payer == remainder[0] {
                diagnostics.append(.error(.remainderHasNoShare(entry.value), at: entry.span, help: .listOtherPayers))
            } else if order.contains(payer) {
                diagnostics.append(.error(.reduceListedTwice(entry.value), at: entry.span))
            } else {
                order.append(payer)
            }
        }
        let missing = payers.indices.filter { $0 != remainder[0] && !order.contains($0) }
        if !missing.isEmpty {
            diagnostics.append(.error(.reduceMissing(missing.map { payers[$0].name }), at: syntax.reductionOrder.first?.span ?? payers[missing[0]].span,
                                      help: .completeTheOrder(missing.map { payers[$0].name })))
            return
        }
        let recordType = RecordType(fields: payers.map { .init(name: $0.name, type: .decimal) })
        let rule = Rule(id: "split", condition: nil, conditionText: nil, output: .constant(.record([]), .record(recordType)), outputText: syntax.total.text,
                        reason: plan.reason ?? plan.label ?? name, provenance: Provenance(plan.provenance), span: syntax.span)
        decisionTypes[index] = .record(recordType)
        decisionBodies[index] = .apportionment(Apportionment(total: PolicyChecker.widen(total, from: totalType, to: .decimal), totalText: syntax.total.text,
                                                             payers: payers, remainderPayer: remainder[0], reductionOrder: order, rule: rule))
    }
}
