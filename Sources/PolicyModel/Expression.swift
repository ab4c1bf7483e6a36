/// A checked, typed expression: the form in which conditions, outputs and formulas
/// are evaluated. Names are resolved to slots; every operator knows its operand kind.
///
/// The language is total: no loops, no recursion, so every evaluation terminates.
package indirect enum Expression: Sendable, Hashable {
    case constant(Value, ValueType)
    case input(Int)
    case definition(Int)
    case parameter(Int)
    case decision(Int)
    case evaluationDate
    case not(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case compare(ComparisonOperator, Expression, Expression, ComparisonKind)
    case arithmetic(ArithmeticOperator, Expression, Expression, NumericKind)
    case negate(Expression, NumericKind)
    /// An integer widened to a decimal.
    case toDecimal(Expression)
    /// `element in list`.
    case member(Expression, Expression)
    case conditional(Expression, Expression, Expression)
    case list([Expression], element: ValueType)
    case record([Expression], RecordType)
    case field(Expression, Int)
    case call(BuiltinFunction, [Expression])
}

package enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// How it reads in a tree picture (`≥`).
    package var symbol: String {
        switch self {
        case .equal: return "="
        case .notEqual: return "≠"
        case .less: return "<"
        case .lessOrEqual: return "≤"
        case .greater: return ">"
        case .greaterOrEqual: return "≥"
        }
    }

    /// The operator with its operands swapped: `a < b` is `b > a`.
    package var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }

    package var negated: ComparisonOperator {
        switch self {
        case .equal: return .notEqual
        case .notEqual: return .equal
        case .less: return .greaterOrEqual
        case .lessOrEqual: return .greater
        case .greater: return .lessOrEqual
        case .greaterOrEqual: return .less
        }
    }

    @inlinable package func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}

/// What a comparison compares, fixed when the policy is checked.
package enum ComparisonKind: Sendable, Hashable {
    case bool, integer, decimal, string, date, enumeration, list, record
}

package enum ArithmeticOperator: String, Sendable, Hashable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
}

package enum NumericKind: Sendable, Hashable {
    case integer, decimal
}

/// The functions the expression language offers.
package enum BuiltinFunction: String, Sendable, Hashable, CaseIterable {
    /// `min(a, b, …)`
    case min
    /// `max(a, b, …)`
    case max
    /// `floor_to(x, unit)`: round down to a multiple of `unit` (`floor_to(1.3, 0.5)` is `1.0`).
    case floorTo = "floor_to"
    /// `years_between(start, end)`: full years (周岁 from a birth date).
    case yearsBetween = "years_between"
    /// `days_between(start, end)`
    case daysBetween = "days_between"
    /// `sum(list)`
    case sum
    /// `count(list)`
    case count
    /// `date("2026-01-01")`: a date literal.
    case date
}
