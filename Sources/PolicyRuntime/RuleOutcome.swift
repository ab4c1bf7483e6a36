import PolicyModel
import PolicyCompiler
import RecordFormats

/// Turns the rules that matched in a table into the decision's value, the same way for
/// both evaluators: the hit policy, the `else` row, and the faults when nothing fits.
package enum RuleOutcome {
    package static func value(of table: TableProgram, decision: DecisionProgram, matched: [Int], in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        switch table.hitPolicy {
        case .first, .unique:
            if matched.count > 1 {
                let ids = matched.map { "`\(table.ruleIDs[$0])`" }.joined(separator: " and ")
                throw EvaluationFault(.conflictingRules, "rules \(ids) of `\(decision.name)` both match, but the table is `unique`", at: table.ruleSpans[matched[1]])
            }
            let rule: Int
            if let first = matched.first {
                rule = first
            } else if table.hasOtherwise {
                rule = table.ruleCount
            } else {
                throw EvaluationFault(.noRuleMatched, "no rule of `\(decision.name)` matches these facts, and it has no `else` row", at: decision.span)
            }
            return (try output(table, rule, in: frame), table.single[rule])
        case .collect:
            if matched.count == 1, table.outputIsList[matched[0]] {
                // One list-valued rule: its list is the value, as it is.
                return (try output(table, matched[0], in: frame), matched)
            }
            var items: [Value] = []
            for rule in matched {
                let value = try output(table, rule, in: frame)
                if table.outputIsList[rule], case .list(let values) = value { items.append(contentsOf: values) } else { items.append(value) }
            }
            if matched.isEmpty, table.hasOtherwise {
                let rule = table.ruleCount
                let value = try output(table, rule, in: frame)
                if table.outputIsList[rule], case .list(let values) = value { items.append(contentsOf: values) } else { items.append(value) }
                return (.list(items), table.single[rule])
            }
            return (.list(items), matched)
        }
    }

    package static func output(_ table: TableProgram, _ rule: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> Value {
        do {
            return try table.outputs[rule].evaluate(in: frame)
        } catch {
            throw error.located(at: table.ruleSpans[rule])
        }
    }

    /// The value of a decision that is not a table: a formula or an apportionment.
    package static func value(of decision: DecisionProgram, in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        switch decision.body {
        case .formula(let output, let span):
            do {
                return (try output.evaluate(in: frame), firstRule)
            } catch {
                throw error.located(at: span)
            }
        case .apportionment(let apportionment):
            let total: ExactDecimal
            var shares: [ExactDecimal?] = []
            shares.reserveCapacity(apportionment.payers.count)
            do {
                total = try apportionment.total.evaluate(in: frame).decimalValue ?? .zero
                for payer in apportionment.payers {
                    shares.append(try payer.share?.evaluate(in: frame).decimalValue)
                }
            } catch {
                throw error.located(at: apportionment.rule.span)
            }
            let parts = try apportionment.split(total: total, shares: shares)
            return (.record(parts.map(Value.decimal)), firstRule)
        case .table:
            return (.list([]), [])
        }
    }

    /// `[0]`: the one rule of a formula or an apportionment fired.
    package static let firstRule = [0]
}
