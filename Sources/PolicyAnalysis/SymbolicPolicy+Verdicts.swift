import PolicyModel
import PolicyCompiler

extension SymbolicPolicy {
    /// The parts of `region` where a bool expression holds, does not hold, or faults.
    package func verdicts(of expression: Expression, in region: Region) -> [(Region, Verdict)] {
        if spend() { return [(region, .faults(.overflow))] }
        switch expression {
        case .constant(.bool(let value), _):
            return [(region, .holds(value))]
        case .not(let inner):
            return verdicts(of: inner, in: region).map { part, verdict in
                if case .holds(let value) = verdict { return (part, .holds(!value)) }
                return (part, verdict)
            }
        case .and(let a, let b), .or(let a, let b):
            let shortCircuit: Bool
            if case .and = expression { shortCircuit = false } else { shortCircuit = true }
            return verdicts(of: a, in: region).flatMap { part, verdict -> [(Region, Verdict)] in
                if case .holds(let value) = verdict, value != shortCircuit { return verdicts(of: b, in: part) }
                return [(part, verdict)]
            }
        case .conditional(let condition, let then, let otherwise):
            return verdicts(of: condition, in: region).flatMap { part, verdict -> [(Region, Verdict)] in
                guard case .holds(let value) = verdict else { return [(part, verdict)] }
                return verdicts(of: value ? then : otherwise, in: part)
            }
        case .definition(let index):
            return verdicts(of: folded(definition: index), in: region)
        case .input(let slot):
            let subject = Subject.fact(policy.inputs[slot].name)
            return twoWay(region.split(subject, by: .flag(true), in: space))
        case .decision(let index):
            return partition(of: index, within: region).flatMap { piece -> [(Region, Verdict)] in
                if let fault = piece.outcome.value.fault { return [(piece.region, .faults(fault))] }
                if case .bool(let value)? = piece.outcome.value.known { return [(piece.region, .holds(value))] }
                if let residual = piece.outcome.value.residual { return verdicts(of: residual, in: piece.region) }
                return opaque(expression, in: piece.region)
            }
        case .compare(let op, let a, let b, let kind):
            return comparison(op, a, b, kind, whole: expression, in: region)
        case .member(let element, let list):
            return membership(element, list, whole: expression, in: region)
        default:
            return values(of: expression, in: region).flatMap { part, value -> [(Region, Verdict)] in
                if let fault = value.fault { return [(part, .faults(fault))] }
                if case .bool(let answer)? = value.known { return [(part, .holds(answer))] }
                return opaque(expression, in: part)
            }
        }
    }

    package func twoWay(_ split: (inside: Region?, outside: [Region])) -> [(Region, Verdict)] {
        (split.inside.map { [($0, Verdict.holds(true))] } ?? []) + split.outside.map { ($0, .holds(false)) }
    }

    /// A test the analysis cannot express as constraints on facts: an independent yes/no.
    package func opaque(_ expression: Expression, in region: Region) -> [(Region, Verdict)] {
        twoWay(region.split(.test(printer.print(expression)), by: .flag(true), in: space))
    }

    /// The subject an expression stands for, when it is a fact, an age or the evaluation date.
    package func subject(of expression: Expression) -> Subject? {
        switch expression {
        case .input(let slot):
            let input = policy.inputs[slot]
            switch input.type {
            case .bool, .integer, .decimal, .date, .enumeration: return .fact(input.name)
            default: return nil
            }
        case .definition(let index): return subject(of: folded(definition: index))
        case .toDecimal(let inner): return subject(of: inner)
        case .evaluationDate: return .evaluationDate
        case .call(.yearsBetween, let arguments):
            if arguments.count == 2, case .input(let slot) = arguments[0], policy.inputs[slot].type == .date, case .evaluationDate = arguments[1] {
                return .age(policy.inputs[slot].name)
            }
            return nil
        default: return nil
        }
    }

    package func comparison(_ op: ComparisonOperator, _ a: Expression, _ b: Expression, _ kind: ComparisonKind, whole: Expression, in region: Region) -> [(Region, Verdict)] {
        values(of: a, in: region).flatMap { partA, left -> [(Region, Verdict)] in
            values(of: b, in: partA).flatMap { part, right -> [(Region, Verdict)] in
                if let fault = left.fault ?? right.fault { return [(part, .faults(fault))] }
                if let x = left.known, let y = right.known { return [(part, .holds(op.holds(Expression.order(x, y, kind))))] }
                if let residual = left.residual, let constant = right.known, let subject = subject(of: residual),
                   let truth = truth(op, constant, kind: kind, subject: subject) {
                    return constrain(part, subject, truth)
                }
                if let residual = right.residual, let constant = left.known, let subject = subject(of: residual),
                   let truth = truth(op.flipped, constant, kind: kind, subject: subject) {
                    return constrain(part, subject, truth)
                }
                return opaque(whole, in: part)
            }
        }
    }

    package func constrain(_ region: Region, _ subject: Subject, _ truth: (Domain, negated: Bool)) -> [(Region, Verdict)] {
        twoWay(region.split(subject, by: truth.0, in: space)).map { part, verdict in
            guard truth.negated, case .holds(let value) = verdict else { return (part, verdict) }
            return (part, .holds(!value))
        }
    }

    /// The domain where `subject op constant` holds (or, when `negated`, does not hold).
    package func truth(_ op: ComparisonOperator, _ constant: Value, kind: ComparisonKind, subject: Subject) -> (Domain, negated: Bool)? {
        switch constant {
        case .bool(let flag):
            guard op == .equal || op == .notEqual else { return nil }
            return (.flag(flag), op == .notEqual)
        case .enumCase(let index):
            guard op == .equal || op == .notEqual, index < 64 else { return nil }
            return (.cases(UInt64(1) << UInt64(index)), op == .notEqual)
        default:
            guard let number = Self.number(constant) else { return nil }
            let bound = ValueBounds.Bound(value: number, strict: false)
            let strict = ValueBounds.Bound(value: number, strict: true)
            switch op {
            case .equal: return (.numbers(.point(number)), false)
            case .notEqual: return (.numbers(.point(number)), true)
            case .less: return (.numbers(ValueBounds(lower: nil, upper: strict)), false)
            case .lessOrEqual: return (.numbers(ValueBounds(lower: nil, upper: bound)), false)
            case .greater: return (.numbers(ValueBounds(lower: strict, upper: nil)), false)
            case .greaterOrEqual: return (.numbers(ValueBounds(lower: bound, upper: nil)), false)
            }
        }
    }

    /// A number as the analysis orders it: dates become day numbers.
    package static func number(_ value: Value) -> ExactDecimal? {
        if case .date(let date) = value { return ExactDecimal(Int64(date.dayNumber)) }
        return value.decimalValue
    }

    package func membership(_ element: Expression, _ list: Expression, whole: Expression, in region: Region) -> [(Region, Verdict)] {
        values(of: list, in: region).flatMap { partList, items -> [(Region, Verdict)] in
            values(of: element, in: partList).flatMap { part, item -> [(Region, Verdict)] in
                if let fault = items.fault ?? item.fault { return [(part, .faults(fault))] }
                guard case .list(let members)? = items.known else { return opaque(whole, in: part) }
                if let value = item.known { return [(part, .holds(members.contains(value)))] }
                guard let residual = item.residual, let subject = subject(of: residual) else { return opaque(whole, in: part) }
                if members.allSatisfy({ $0.enumIndex.map { $0 < 64 } ?? false }) {
                    let mask = members.reduce(UInt64(0)) { $0 | (UInt64(1) << UInt64($1.enumIndex!)) }
                    return twoWay(part.split(subject, by: .cases(mask), in: space))
                }
                // Numbers or dates: one point at a time.
                var pending = [part]
                var result: [(Region, Verdict)] = []
                for member in members {
                    guard let number = Self.number(member) else { return opaque(whole, in: part) }
                    var next: [Region] = []
                    for region in pending {
                        let split = region.split(subject, by: .numbers(.point(number)), in: space)
                        if let inside = split.inside { result.append((inside, .holds(true))) }
                        next += split.outside
                    }
                    pending = next
                }
                return result + pending.map { ($0, .holds(false)) }
            }
        }
    }
}
