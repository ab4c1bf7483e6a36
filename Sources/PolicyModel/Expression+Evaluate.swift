extension Expression {
    /// The value of the expression for the person and date of `frame`.
    package func evaluate(in frame: EvaluationFrame) throws(EvaluationFault) -> Value {
        switch self {
        case .constant(let value, _):
            return value
        case .input(let slot):
            return frame.inputs[slot]
        case .definition(let index):
            return try frame.definition(index)
        case .parameter(let index):
            guard let value = frame.parameters[index] else {
                let program = frame.program
                throw EvaluationFault(.parameterNotInForce, "parameter `\(program.parameterNames[index])` has no value in force on \(frame.date)",
                                      at: program.parameterSpans[index])
            }
            return value
        case .decision(let index):
            return try frame.decision(index)
        case .evaluationDate:
            return .date(frame.date)
        case .not(let operand):
            return .bool(!(try operand.evaluateBool(in: frame)))
        case .and(let lhs, let rhs):
            if !(try lhs.evaluateBool(in: frame)) { return .bool(false) }
            return .bool(try rhs.evaluateBool(in: frame))
        case .or(let lhs, let rhs):
            if try lhs.evaluateBool(in: frame) { return .bool(true) }
            return .bool(try rhs.evaluateBool(in: frame))
        case .compare(let op, let lhs, let rhs, let kind):
            return .bool(op.holds(Expression.order(try lhs.evaluate(in: frame), try rhs.evaluate(in: frame), kind)))
        case .arithmetic(let op, let lhs, let rhs, let kind):
            return try Expression.arithmetic(op, try lhs.evaluate(in: frame), try rhs.evaluate(in: frame), kind)
        case .negate(let operand, _):
            switch try operand.evaluate(in: frame) {
            case .integer(let value):
                if value == .min { throw EvaluationFault(.overflow) }
                return .integer(-value)
            case .decimal(let value):
                do { return .decimal(try value.negated()) } catch { throw EvaluationFault(error) }
            default:
                return .integer(0)
            }
        case .toDecimal(let operand):
            let value = try operand.evaluate(in: frame)
            return value.decimalValue.map(Value.decimal) ?? value
        case .member(let element, let list):
            let item = try element.evaluate(in: frame)
            guard case .list(let items) = try list.evaluate(in: frame) else { return .bool(false) }
            return .bool(items.contains(item))
        case .conditional(let condition, let then, let otherwise):
            if try condition.evaluateBool(in: frame) { return try then.evaluate(in: frame) }
            return try otherwise.evaluate(in: frame)
        case .list(let items, _):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try item.evaluate(in: frame)) }
            return .list(values)
        case .record(let fields, _):
            var values: [Value] = []
            values.reserveCapacity(fields.count)
            for field in fields { values.append(try field.evaluate(in: frame)) }
            return .record(values)
        case .field(let record, let index):
            guard case .record(let values) = try record.evaluate(in: frame), index < values.count else { return .integer(0) }
            return values[index]
        case .call(let function, let arguments):
            if arguments.count == 2, function == .yearsBetween || function == .daysBetween,
               case .date(let start) = try arguments[0].evaluate(in: frame), case .date(let end) = try arguments[1].evaluate(in: frame) {
                // The common case without an argument array: full years of age.
                return .integer(Int64(function == .yearsBetween ? CivilDate.fullYears(from: start, to: end) : end.dayNumber - start.dayNumber))
            }
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try argument.evaluate(in: frame)) }
            return try Expression.call(function, values)
        }
    }

    /// The value of a bool-typed expression.
    @inline(__always)
    package func evaluateBool(in frame: EvaluationFrame) throws(EvaluationFault) -> Bool {
        switch self {
        case .input(let slot):
            if case .bool(let value) = frame.inputs[slot] { return value }
            return false
        case .compare(let op, let lhs, let rhs, .integer):
            guard case .integer(let a) = try lhs.evaluate(in: frame), case .integer(let b) = try rhs.evaluate(in: frame) else { return false }
            return op.holds(a == b ? 0 : (a < b ? -1 : 1))
        default:
            if case .bool(let value) = try evaluate(in: frame) { return value }
            return false
        }
    }

    /// -1, 0 or 1 for two values of the same checked kind.
    package static func order(_ lhs: Value, _ rhs: Value, _ kind: ComparisonKind) -> Int {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.date(let a), .date(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.enumCase(let a), .enumCase(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.string(let a), .string(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (!a ? -1 : 1)
        default:
            if let a = lhs.decimalValue, let b = rhs.decimalValue { return ExactDecimal.compare(a, b) }
            return lhs == rhs ? 0 : 1
        }
    }

    static func arithmetic(_ op: ArithmeticOperator, _ lhs: Value, _ rhs: Value, _ kind: NumericKind) throws(EvaluationFault) -> Value {
        if kind == .integer, case .integer(let a) = lhs, case .integer(let b) = rhs {
            let result: (Int64, Bool)
            switch op {
            case .add: result = a.addingReportingOverflow(b)
            case .subtract: result = a.subtractingReportingOverflow(b)
            case .multiply: result = a.multipliedReportingOverflow(by: b)
            case .divide:
                // Integer division is exact decimal division; the checker types `/` as decimal.
                if b == 0 { throw EvaluationFault(.divisionByZero, "division by zero") }
                result = a.dividedReportingOverflow(by: b)
            }
            if result.1 { throw EvaluationFault(.overflow, "a number is too large to compute exactly") }
            return .integer(result.0)
        }
        guard let a = lhs.decimalValue, let b = rhs.decimalValue else { return .integer(0) }
        do {
            switch op {
            case .add: return .decimal(try a.adding(b))
            case .subtract: return .decimal(try a.subtracting(b))
            case .multiply: return .decimal(try a.multiplied(by: b))
            case .divide: return .decimal(try a.divided(by: b))
            }
        } catch {
            throw EvaluationFault(error)
        }
    }

    static func call(_ function: BuiltinFunction, _ values: [Value]) throws(EvaluationFault) -> Value {
        switch function {
        case .min, .max:
            guard var best = values.first else { return .integer(0) }
            for value in values.dropFirst() {
                let order = Expression.order(value, best, .decimal)
                if (function == .min && order < 0) || (function == .max && order > 0) { best = value }
            }
            return best
        case .floorTo:
            guard values.count == 2, let x = values[0].decimalValue, let unit = values[1].decimalValue else { return .integer(0) }
            do {
                return .decimal(try x.floored(toMultipleOf: unit))
            } catch .divisionByZero {
                throw EvaluationFault(.divisionByZero, "`floor_to` needs a unit greater than zero")
            } catch {
                throw EvaluationFault(error)
            }
        case .yearsBetween:
            guard values.count == 2, let start = values[0].dateValue, let end = values[1].dateValue else { return .integer(0) }
            return .integer(Int64(CivilDate.fullYears(from: start, to: end)))
        case .daysBetween:
            guard values.count == 2, let start = values[0].dateValue, let end = values[1].dateValue else { return .integer(0) }
            return .integer(Int64(end.dayNumber - start.dayNumber))
        case .sum:
            guard case .list(let items) = values.first else { return .integer(0) }
            var total = Value.integer(0)
            for item in items {
                total = try arithmetic(.add, total, item, item.integerValue != nil && total.integerValue != nil ? .integer : .decimal)
            }
            return total
        case .count:
            guard case .list(let items) = values.first else { return .integer(0) }
            return .integer(Int64(items.count))
        case .date:
            return values.first ?? .integer(0)
        }
    }
}
