extension Expression {
    /// Calls `visit` on this expression and every sub-expression.
    package func forEach(_ visit: (Expression) -> Void) {
        visit(self)
        switch self {
        case .constant, .input, .definition, .parameter, .decision, .evaluationDate: break
        case .not(let e), .negate(let e, _), .toDecimal(let e), .field(let e, _): e.forEach(visit)
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b, _), .arithmetic(_, let a, let b, _), .member(let a, let b):
            a.forEach(visit)
            b.forEach(visit)
        case .conditional(let a, let b, let c):
            a.forEach(visit)
            b.forEach(visit)
            c.forEach(visit)
        case .list(let items, _), .record(let items, _), .call(_, let items):
            for item in items { item.forEach(visit) }
        }
    }

    /// The definitions and decisions this expression reads directly.
    package var references: (definitions: Set<Int>, decisions: Set<Int>) {
        var definitions = Set<Int>(), decisions = Set<Int>()
        forEach { expression in
            if case .definition(let index) = expression { definitions.insert(index) }
            if case .decision(let index) = expression { decisions.insert(index) }
        }
        return (definitions, decisions)
    }
}

extension DecisionDeclaration {
    /// Every expression the decision evaluates: conditions, outputs, shares and totals.
    package var expressions: [Expression] {
        switch body {
        case .table(let table):
            return (table.rules + (table.otherwise.map { [$0] } ?? [])).flatMap { [$0.condition, $0.output].compactMap { $0 } }
        case .formula(let rule):
            return [rule.output]
        case .apportionment(let apportionment):
            return [apportionment.total] + apportionment.payers.compactMap(\.share)
        }
    }
}
