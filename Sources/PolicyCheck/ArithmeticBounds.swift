import PolicyModel

/// Refuses arithmetic that cannot be computed exactly for every valid person: where the
/// declared ranges of the facts and the values of the parameters (in any period) bound
/// the operands of `+`, `-`, `*` or a negation, and the result at those bounds lies
/// beyond what an exact number holds. Without this, a parameter at the edge of 64-bit
/// integers passes `check` and then every evaluation that reaches it fails. Operands
/// the ranges leave unbounded (a fact with no `max:`) are the caller's data, not the
/// policy's, and are left to evaluation.
enum ArithmeticBounds {
    static func verify(_ policy: CheckedPolicy) -> DiagnosticList {
        var diagnostics = DiagnosticList()
        let printer = ExpressionPrinter(policy: policy)
        func scan(_ expression: Expression, in place: ArithmeticPlace, at span: SourceSpan) {
            var found: (part: Expression, operands: String)?
            expression.forEach { part in
                if found == nil, let operands = overflow(part, in: policy) { found = (part, operands) }
            }
            guard let found else { return }
            diagnostics.append(.error(.mayOverflow(expression: printer.print(found.part), place, operands: found.operands), at: span, help: .useSmallerFigures))
        }
        for definition in policy.definitions {
            scan(definition.expression, in: .definition(definition.name), at: definition.span)
        }
        for decision in policy.decisions {
            for rule in decision.rules {
                if let condition = rule.condition { scan(condition, in: .ruleCondition(rule: rule.id, decision: decision.name), at: rule.span) }
                scan(rule.output, in: .decisionValue(decision.name), at: rule.span)
            }
            if case .apportionment(let apportionment) = decision.body {
                for payer in apportionment.payers {
                    if let share = payer.share { scan(share, in: .share(payer.name), at: payer.span) }
                }
            }
        }
        return diagnostics
    }

    /// The operation at the bounds of its operands that cannot be computed (`8 × 9223372036854775807`), if one cannot.
    static func overflow(_ expression: Expression, in policy: CheckedPolicy) -> String? {
        switch expression {
        case .arithmetic(let op, let a, let b, _) where op != .divide:
            let x = NumericRange.of(a, in: policy), y = NumericRange.of(b, in: policy)
            let corners: [(ExactDecimal?, ExactDecimal?)]
            switch op {
            case .add: corners = [(x.lower, y.lower), (x.upper, y.upper)]
            case .subtract: corners = [(x.lower, y.upper), (x.upper, y.lower)]
            default: corners = [(x.lower, y.lower), (x.lower, y.upper), (x.upper, y.lower), (x.upper, y.upper)]
            }
            for case let (left?, right?) in corners {
                let computed: ExactDecimal?
                switch op {
                case .add: computed = try? left.adding(right)
                case .subtract: computed = try? left.subtracting(right)
                default: computed = try? left.multiplied(by: right)
                }
                if computed == nil { return "\(left) \(op == .multiply ? "×" : op.rawValue) \(right)" }
            }
            return nil
        case .negate(let inner, _):
            let range = NumericRange.of(inner, in: policy)
            for case let bound? in [range.lower, range.upper] where (try? bound.negated()) == nil { return "-(\(bound))" }
            return nil
        default:
            return nil
        }
    }
}
