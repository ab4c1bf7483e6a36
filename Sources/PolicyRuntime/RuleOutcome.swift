import PolicyModel

/// Turns the rules that matched in a table into the decision's value, the same way for
/// both evaluators: the hit policy, the `else` row, and the faults when nothing fits.
enum RuleOutcome {
    static func value(of table: RuleTable, decision: DecisionDeclaration, matched: [Int], in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        switch table.hitPolicy {
        case .first, .unique:
            if matched.count > 1 {
                let ids = matched.map { "`\(table.rules[$0].id)`" }.joined(separator: " and ")
                throw EvaluationFault(.conflictingRules, "rules \(ids) of `\(decision.name)` both match, but the table is `unique`", at: table.rules[matched[1]].span)
            }
            if let rule = matched.first {
                return (try output(table.rules[rule], in: frame), [rule])
            }
            guard let otherwise = table.otherwise else {
                throw EvaluationFault(.noRuleMatched, "no rule of `\(decision.name)` matches these facts, and it has no `else` row", at: decision.span)
            }
            return (try output(otherwise, in: frame), [table.rules.count])
        case .collect:
            var items: [Value] = []
            for rule in matched {
                let value = try output(table.rules[rule], in: frame)
                if table.rules[rule].outputIsList, case .list(let values) = value { items.append(contentsOf: values) } else { items.append(value) }
            }
            if matched.isEmpty, let otherwise = table.otherwise {
                let value = try output(otherwise, in: frame)
                if otherwise.outputIsList, case .list(let values) = value { items.append(contentsOf: values) } else { items.append(value) }
                return (.list(items), [table.rules.count])
            }
            return (.list(items), matched)
        }
    }

    static func output(_ rule: Rule, in frame: EvaluationFrame) throws(EvaluationFault) -> Value {
        do {
            return try rule.output.evaluate(in: frame)
        } catch {
            throw error.located(at: rule.span)
        }
    }

    /// The value of a decision that is not a table: a formula or an apportionment.
    static func value(of decision: DecisionDeclaration, in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        switch decision.body {
        case .formula(let rule):
            return (try output(rule, in: frame), [0])
        case .apportionment(let apportionment):
            let total: ExactDecimal
            var shares: [ExactDecimal?] = []
            do {
                total = try apportionment.total.evaluate(in: frame).decimalValue ?? .zero
                for payer in apportionment.payers {
                    shares.append(try payer.share?.evaluate(in: frame).decimalValue)
                }
            } catch {
                throw error.located(at: apportionment.rule.span)
            }
            let parts = try apportionment.split(total: total, shares: shares)
            return (.record(parts.map(Value.decimal)), [0])
        case .table:
            return (.list([]), [])
        }
    }
}
