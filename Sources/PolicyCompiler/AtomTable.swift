import PolicyModel

/// The distinct atomic tests of one table, and for each the subject it constrains, so
/// that answers to one test can settle another (`age < 70` settles `age >= 80`).
package struct AtomTable {
    package enum Shape: Hashable {
        /// `subject` lies in the interval (`age >= 70`).
        case interval(subject: Int, Interval)
        /// `subject` is one of a set of enum values (`subsistence in [dibao, marginal]`).
        case enumSet(subject: Int, UInt64)
        /// Anything else: answered only by testing it.
        case opaque
    }

    package var expressions: [Expression] = []
    package var shapes: [Shape] = []
    package var subjects: [Expression] = []
    package var subjectIntervals: [Interval] = []
    package var subjectEnumSets: [UInt64] = []
    package var subjectIsInteger: [Bool] = []
    package var index: [Expression: Int] = [:]
    package let policy: CheckedPolicy

    package init(policy: CheckedPolicy) { self.policy = policy }

    package mutating func atom(for expression: Expression) -> Int {
        if let existing = index[expression] { return existing }
        let id = expressions.count
        expressions.append(expression)
        shapes.append(shape(of: expression))
        index[expression] = id
        return id
    }

    package mutating func subject(_ expression: Expression, type: ComparisonKind) -> Int {
        if let existing = subjects.firstIndex(of: expression) { return existing }
        subjects.append(expression)
        var interval = Interval.all
        var enumSet = UInt64.max
        if type == .integer || type == .decimal {
            let range = NumericRange.of(expression, in: policy)
            interval = Interval(lower: range.lower.map { .init(value: $0, strict: false) }, upper: range.upper.map { .init(value: $0, strict: false) })
        }
        if type == .enumeration, let count = enumCaseCount(expression), count < 64 {
            enumSet = (UInt64(1) << UInt64(count)) - 1
        }
        subjectIntervals.append(interval)
        subjectIsInteger.append(type == .integer)
        subjectEnumSets.append(enumSet)
        return subjects.count - 1
    }

    package func enumCaseCount(_ expression: Expression) -> Int? {
        let type: ValueType
        switch expression {
        case .input(let slot): type = policy.inputs[slot].type
        case .definition(let index): type = policy.definitions[index].type
        case .decision(let index): type = policy.decisions[index].type
        default: return nil
        }
        if case .enumeration(let enumType) = type { return enumType.cases.count }
        return nil
    }

    package mutating func shape(of expression: Expression) -> Shape {
        switch expression {
        case .compare(let op, let a, let b, let kind) where kind == .integer || kind == .decimal || kind == .date:
            var subject = a, constant = b, op = op
            if case .constant = a, !isConstant(b) { subject = b; constant = a; op = op.flipped }
            guard case .constant(let value, _) = constant, !isConstant(subject), let number = AtomTable.number(value) else { return .opaque }
            let id = self.subject(subject, type: kind == .date ? .date : kind)
            let integral = kind == .integer
            switch op {
            case .equal: return .interval(subject: id, Interval(lower: .init(value: number, strict: false), upper: .init(value: number, strict: false)))
            case .notEqual: return .opaque
            case .less:
                if integral, let below = try? number.subtracting(ExactDecimal(1)) { return .interval(subject: id, Interval(lower: nil, upper: .init(value: below, strict: false))) }
                return .interval(subject: id, Interval(lower: nil, upper: .init(value: number, strict: true)))
            case .lessOrEqual: return .interval(subject: id, Interval(lower: nil, upper: .init(value: number, strict: false)))
            case .greater:
                if integral, let above = try? number.adding(ExactDecimal(1)) { return .interval(subject: id, Interval(lower: .init(value: above, strict: false), upper: nil)) }
                return .interval(subject: id, Interval(lower: .init(value: number, strict: true), upper: nil))
            case .greaterOrEqual: return .interval(subject: id, Interval(lower: .init(value: number, strict: false), upper: nil))
            }
        case .compare(.equal, let a, .constant(.enumCase(let value), _), .enumeration) where !isConstant(a) && value < 64:
            return .enumSet(subject: subject(a, type: .enumeration), UInt64(1) << UInt64(value))
        case .member(let a, .list(let items, .enumeration)) where !isConstant(a):
            var mask: UInt64 = 0
            for item in items {
                guard case .constant(.enumCase(let value), _) = item, value < 64 else { return .opaque }
                mask |= UInt64(1) << UInt64(value)
            }
            return .enumSet(subject: subject(a, type: .enumeration), mask)
        default:
            return .opaque
        }
    }

    package func isConstant(_ expression: Expression) -> Bool {
        if case .constant = expression { return true }
        return false
    }

    package static func number(_ value: Value) -> ExactDecimal? {
        switch value {
        case .integer(let v): return ExactDecimal(v)
        case .decimal(let v): return v
        case .date(let d): return ExactDecimal(Int64(d.packed))
        default: return nil
        }
    }

    /// The answer `knowledge` already gives for an atom, if any.
    package func settled(_ atom: Int, by knowledge: TestKnowledge) -> Bool? {
        if let answer = knowledge.answers[atom] { return answer }
        switch shapes[atom] {
        case .interval(let subject, let truth):
            let known = knowledge.intervals[subject] ?? subjectIntervals[subject]
            if known.isInside(truth) { return true }
            if known.intersection(truth).isEmpty { return false }
            return nil
        case .enumSet(let subject, let truth):
            let known = knowledge.enumSets[subject] ?? subjectEnumSets[subject]
            if known & ~truth == 0 { return true }
            if known & truth == 0 { return false }
            return nil
        case .opaque:
            return nil
        }
    }

    /// `knowledge` after learning the atom's answer.
    package func learning(_ atom: Int, is answer: Bool, in knowledge: TestKnowledge) -> TestKnowledge {
        var next = knowledge
        next.answers[atom] = answer
        switch shapes[atom] {
        case .interval(let subject, let truth):
            let known = knowledge.intervals[subject] ?? subjectIntervals[subject]
            defer { if subjectIsInteger[subject], let stored = next.intervals[subject] { next.intervals[subject] = AtomTable.integral(stored) } }
            if answer {
                next.intervals[subject] = known.intersection(truth)
            } else if truth.lower == nil, let upper = truth.upper {
                next.intervals[subject] = known.intersection(Interval(lower: .init(value: upper.value, strict: !upper.strict), upper: nil))
            } else if truth.upper == nil, let lower = truth.lower {
                next.intervals[subject] = known.intersection(Interval(lower: nil, upper: .init(value: lower.value, strict: !lower.strict)))
            }
        case .enumSet(let subject, let truth):
            let known = knowledge.enumSets[subject] ?? subjectEnumSets[subject]
            next.enumSets[subject] = answer ? known & truth : known & ~truth
        case .opaque:
            break
        }
        return next
    }

    /// For a whole-number subject, strict bounds become inclusive ones (`> 69` is `>= 70`).
    package static func integral(_ interval: Interval) -> Interval {
        var result = interval
        if let lower = interval.lower, lower.strict, lower.value.isInteger, let next = try? lower.value.adding(ExactDecimal(1)) {
            result.lower = .init(value: next, strict: false)
        }
        if let upper = interval.upper, upper.strict, upper.value.isInteger, let previous = try? upper.value.subtracting(ExactDecimal(1)) {
            result.upper = .init(value: previous, strict: false)
        }
        return result
    }

    package func subjectOf(_ atom: Int) -> Int? {
        switch shapes[atom] {
        case .interval(let subject, _), .enumSet(let subject, _): return subject
        case .opaque: return nil
        }
    }
}
