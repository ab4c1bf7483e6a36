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
            diagnostics.append(.error("decision `\(plan.syntax.name.value)` is used while its own type is being worked out", at: plan.syntax.name.span,
                                      help: "declare its `type` (and `values` for an enum)"))
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
            diagnostics.append(.error("decision `\(plan.syntax.name.value)` has no `rules`, `value` or `apportion`", at: plan.syntax.name.span,
                                      help: "give a rule table (`rules:`), a formula (`value:`) or a split (`apportion:`)"))
        } else if bodies > 1 {
            diagnostics.append(.error("decision `\(plan.syntax.name.value)` has more than one of `rules`, `value` and `apportion`", at: plan.syntax.name.span,
                                      help: "keep one way of computing it"))
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
        diagnostics.append(.error("unknown hit policy `\(hit.value)`", at: hit.span,
                                  help: "use `first` (the first matching rule wins), `unique` (only one may match) or `collect` (all matches, as a list)"))
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
                diagnostics.append(.error("rule id `\(id)` is used twice in `\(name)`", at: rule.id?.span ?? rule.span, help: "the other is at \(previous)"))
            }
            ids[id] = rule.id?.span ?? rule.span
            if rule.isElse && position != rules.count - 1 {
                diagnostics.append(.error("the `else` row must be the last rule of `\(name)`", at: rule.span, help: "rules after it could never apply"))
            }
            if rule.reason == nil {
                diagnostics.append(.error("rule `\(id)` of `\(name)` has no `reason`", at: rule.span,
                                          help: "say in a few words, in Chinese, why the rule gives this result, e.g. `reason: 年满70周岁城镇三无老人`"))
            }
            var condition: Expression?
            if let written = rule.condition {
                if let (expression, type) = checkExpression(written.syntax, expected: .bool) {
                    if type != .bool {
                        diagnostics.append(.error("a condition must be true or false, but this is \(type)", at: written.syntax.span))
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
                    diagnostics.append(.error("the value of rule `\(id)` is \(outputType), but `\(name)` is \(expected)", at: rule.output.syntax.span,
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
            diagnostics.append(.error("decision `\(name)` has an empty rule table", at: plan.syntax.name.span, help: "add at least one rule or an `else` row"))
        }
        decisionBodies[index] = .table(RuleTable(hitPolicy: hit, rules: checkedRules, otherwise: otherwise))
    }

    func hint(for actual: ValueType, expected: ValueType) -> String? {
        if case .enumeration(let enumType) = expected {
            return "the values of `\(enumType.name)` are " + enumType.cases.map { "`\($0)`" }.joined(separator: ", ")
        }
        if expected == .integer && actual == .decimal { return "declare the decision `type: decimal`, or use whole numbers" }
        return nil
    }

    func checkFormula(_ index: Int, formula: WrittenExpression) {
        let plan = merged.decisions[index]
        guard let (expression, type) = checkExpression(formula.syntax, expected: decisionTypes[index]) else { return }
        if let declared = decisionTypes[index], !PolicyChecker.fits(type, declared) {
            diagnostics.append(.error("the value of `\(plan.syntax.name.value)` is \(type), but it is declared \(declared)", at: formula.syntax.span))
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
            diagnostics.append(.error("the `total` to split must be a number, not \(totalType)", at: syntax.total.syntax.span))
            return
        }
        var payers: [Apportionment.Payer] = []
        var remainder: [Int] = []
        for payer in syntax.payers {
            if payers.contains(where: { $0.name == payer.name.value }) {
                diagnostics.append(.error("payer `\(payer.name.value)` is listed twice", at: payer.name.span))
                continue
            }
            guard let share = payer.share else {
                remainder.append(payers.count)
                payers.append(.init(name: payer.name.value, share: nil, shareText: nil, span: payer.name.span))
                continue
            }
            guard let (expression, type) = checkExpression(share.syntax, expected: .decimal) else { continue }
            guard type.isNumeric else {
                diagnostics.append(.error("the share of `\(payer.name.value)` must be an amount, not \(type)", at: share.syntax.span))
                continue
            }
            payers.append(.init(name: payer.name.value, share: PolicyChecker.widen(expression, from: type, to: .decimal), shareText: share.text, span: payer.name.span))
        }
        if remainder.count != 1 {
            diagnostics.append(.error("`apportion` of `\(name)` needs exactly one payer whose share is `remainder` (it has \(remainder.count))", at: syntax.span,
                                      help: "the remainder payer takes what is left after the others, so the parts add up to the total"))
            return
        }
        var order: [Int] = []
        for entry in syntax.reductionOrder {
            guard let payer = payers.firstIndex(where: { $0.name == entry.value }) else {
                diagnostics.append(.error("`\(entry.value)` in `reduce_in_order` is not a payer", at: entry.span,
                                          help: NameSuggestion.help(for: entry.value, in: payers.map(\.name), kind: "payers")))
                continue
            }
            if payer == remainder[0] {
                diagnostics.append(.error("the remainder payer `\(entry.value)` has no share to reduce", at: entry.span, help: "list only the other payers"))
            } else if order.contains(payer) {
                diagnostics.append(.error("`\(entry.value)` is listed twice in `reduce_in_order`", at: entry.span))
            } else {
                order.append(payer)
            }
        }
        let missing = payers.indices.filter { $0 != remainder[0] && !order.contains($0) }
        if !missing.isEmpty {
            diagnostics.append(.error("`reduce_in_order` must list every payer but the remainder payer; missing: \(missing.map { "`\(payers[$0].name)`" }.joined(separator: ", "))",
                                      at: syntax.reductionOrder.first?.span ?? payers[missing[0]].span,
                                      help: "without a full order the shares could exceed the total with nowhere to cut; add \(missing.map { "`\(payers[$0].name)`" }.joined(separator: ", "))"))
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
