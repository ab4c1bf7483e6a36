import PolicyModel
import PolicyCompiler

extension SymbolicPolicy {
    /// The value of an expression in the parts of `region`: known where the region fixes
    /// it, open (an expression over facts) where it still varies.
    package func values(of expression: Expression, in region: Region) -> [(Region, SymbolicValue)] {
        if spend() { return [(region, .fault(.overflow))] }
        switch expression {
        case .constant(let value, let type):
            return [(region, .known(value, type: type))]
        case .parameter(let index):
            guard let value = parameters[index] else { return [(region, .fault(.parameterNotInForce))] }
            return [(region, .known(value, type: policy.parameters[index].type))]
        case .input(let slot):
            let input = policy.inputs[slot]
            if input.type == .bool { return boolValues(of: expression, in: region) }
            if let subject = subject(of: expression), let value = fixedValue(of: subject, type: input.type, in: region) {
                return [(region, .known(value, type: input.type))]
            }
            return [(region, .open(expression, text: input.name))]
        case .evaluationDate:
            if let value = fixedValue(of: .evaluationDate, type: .date, in: region) { return [(region, .known(value, type: .date))] }
            return [(region, .open(expression, text: "evaluation_date"))]
        case .definition(let index):
            return values(of: folded(definition: index), in: region)
        case .decision(let index):
            return partition(of: index, within: region).map { ($0.region, $0.outcome.value) }
        case .not, .and, .or, .compare, .member:
            return boolValues(of: expression, in: region)
        case .conditional(let condition, let then, let otherwise):
            return verdicts(of: condition, in: region).flatMap { part, verdict -> [(Region, SymbolicValue)] in
                switch verdict {
                case .holds(let value): return values(of: value ? then : otherwise, in: part)
                case .faults(let kind): return [(part, .fault(kind))]
                }
            }
        case .arithmetic(let op, let a, let b, let kind):
            return rebuilt([a, b], in: region) { .arithmetic(op, $0[0], $0[1], kind) }
        case .negate(let inner, let kind):
            return rebuilt([inner], in: region) { .negate($0[0], kind) }
        case .toDecimal(let inner):
            return rebuilt([inner], in: region) { .toDecimal($0[0]) }
        case .list(let items, let element):
            return rebuilt(items, in: region) { .list($0, element: element) }
        case .record(let fields, let type):
            return rebuilt(fields, in: region) { .record($0, type) }
        case .field(let base, let index):
            return rebuilt([base], in: region) { .field($0[0], index) }
        case .call(let function, let arguments):
            if case .age(let name)? = subject(of: expression) {
                if let value = fixedValue(of: .age(name), type: .integer, in: region) { return [(region, .known(value, type: .integer))] }
                return [(region, .open(expression, text: printer.print(expression)))]
            }
            return rebuilt(arguments, in: region) { .call(function, $0) }
        }
    }

    package func boolValues(of expression: Expression, in region: Region) -> [(Region, SymbolicValue)] {
        verdicts(of: expression, in: region).map { part, verdict in
            switch verdict {
            case .holds(let value): return (part, .known(.bool(value), type: .bool))
            case .faults(let kind): return (part, .fault(kind))
            }
        }
    }

    /// The value of each part, then the whole: computed when every part is known, else an
    /// open expression with the known parts written in.
    package func rebuilt(_ parts: [Expression], in region: Region, _ make: @escaping ([Expression]) -> Expression) -> [(Region, SymbolicValue)] {
        combine(parts, in: region).map { part, items -> (Region, SymbolicValue) in
            if let fault = items.lazy.compactMap(\.fault).first { return (part, .fault(fault)) }
            let whole = make(zip(parts, items).map { original, item in
                item.known.map { .constant($0, Self.type(of: original, in: self.policy)) } ?? item.residual ?? original
            })
            if items.allSatisfy({ $0.known != nil }) {
                switch constants.evaluate(whole) {
                case .success(let value): return (part, .known(value, type: Self.type(of: whole, in: policy)))
                case .failure(let fault): return (part, .fault(fault.kind))
                }
            }
            // An open value's text grows with every definition it reads through: count it.
            if spend(items.reduce(0) { $0 + $1.text.utf8.count }) { return (part, .fault(.overflow)) }
            return (part, .open(whole, text: printer.print(whole)))
        }
    }

    /// The values of several expressions together, in every combination of their parts.
    package func combine(_ expressions: [Expression], in region: Region) -> [(Region, [SymbolicValue])] {
        var partial: [(Region, [SymbolicValue])] = [(region, [])]
        for expression in expressions {
            partial = partial.flatMap { part, known in values(of: expression, in: part).map { ($0.0, known + [$0.1]) } }
        }
        return partial
    }

    /// The one value a region leaves a subject, if it leaves only one.
    package func fixedValue(of subject: Subject, type: ValueType, in region: Region) -> Value? {
        switch region.domain(subject, in: space) {
        case .flags(let bits): return bits == 0b01 ? .bool(false) : (bits == 0b10 ? .bool(true) : nil)
        case .cases(let bits): return bits.nonzeroBitCount == 1 ? .enumCase(bits.trailingZeroBitCount) : nil
        case .numbers(let bounds):
            guard let point = bounds.pointValue else { return nil }
            switch type {
            case .integer: return .integer(point.integerPart)
            case .decimal: return .decimal(point)
            case .date: return CivilDate(dayNumber: Int(point.integerPart)).map(Value.date)
            default: return nil
            }
        }
    }

    /// The type of a checked expression, enough to display its value.
    package static func type(of expression: Expression, in policy: CheckedPolicy) -> ValueType {
        switch expression {
        case .constant(_, let type): return type
        case .input(let slot): return policy.inputs[slot].type
        case .definition(let index): return policy.definitions[index].type
        case .parameter(let index): return policy.parameters[index].type
        case .decision(let index): return policy.decisions[index].type
        case .evaluationDate: return .date
        case .not, .and, .or, .compare, .member: return .bool
        case .arithmetic(let op, _, _, let kind): return kind == .integer && op != .divide ? .integer : .decimal
        case .negate(_, let kind): return kind == .integer ? .integer : .decimal
        case .toDecimal: return .decimal
        case .conditional(_, let then, _): return type(of: then, in: policy)
        case .list(_, let element): return .list(element)
        case .record(_, let record): return .record(record)
        case .field(let base, let index):
            if case .record(let record) = type(of: base, in: policy), index < record.fields.count { return record.fields[index].type }
            return .decimal
        case .call(let function, let arguments):
            switch function {
            case .yearsBetween, .daysBetween, .count: return .integer
            case .date: return .date
            case .min, .max, .floorTo, .sum: return arguments.first.map { type(of: $0, in: policy) } ?? .decimal
            }
        }
    }
}
