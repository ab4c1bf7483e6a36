import PolicyModel
import PolicyCompiler

/// An interval of numbers with optional, possibly strict, bounds. Dates are day numbers.
/// For a whole-number subject the bounds are kept inclusive and whole (`> 69` is `≥ 70`).
package struct ValueBounds: Hashable, Sendable {
    /// One end of the interval.
    package struct Bound: Hashable, Sendable {
        package var value: ExactDecimal
        package var strict: Bool

        package init(value: ExactDecimal, strict: Bool) {
            self.value = value
            self.strict = strict
        }
    }

    package var lower: Bound?
    package var upper: Bound?

    package static let all = ValueBounds(lower: nil, upper: nil)

    package init(lower: Bound?, upper: Bound?) {
        self.lower = lower
        self.upper = upper
    }

    /// `[low, high]`, either end open when nil.
    package init(from low: ExactDecimal?, to high: ExactDecimal?) {
        lower = low.map { Bound(value: $0, strict: false) }
        upper = high.map { Bound(value: $0, strict: false) }
    }

    package static func point(_ value: ExactDecimal) -> ValueBounds { ValueBounds(from: value, to: value) }

    package func intersection(_ other: ValueBounds) -> ValueBounds {
        ValueBounds(lower: Self.tighter(lower, other.lower, below: false), upper: Self.tighter(upper, other.upper, below: true))
    }

    package static func tighter(_ a: Bound?, _ b: Bound?, below: Bool) -> Bound? {
        guard let a else { return b }
        guard let b else { return a }
        if a.value != b.value { return (a.value < b.value) == below ? a : b }
        return a.strict ? a : b
    }

    package var isEmpty: Bool {
        guard let lower, let upper else { return false }
        if lower.value > upper.value { return true }
        return lower.value == upper.value && (lower.strict || upper.strict)
    }

    /// The single value of a one-point interval.
    package var pointValue: ExactDecimal? {
        guard let lower, let upper, !lower.strict, !upper.strict, lower.value == upper.value else { return nil }
        return lower.value
    }

    package func contains(_ value: ExactDecimal) -> Bool {
        if let lower, value < lower.value || (lower.strict && value == lower.value) { return false }
        if let upper, value > upper.value || (upper.strict && value == upper.value) { return false }
        return true
    }

    /// The parts of `self` outside `truth` (none, one or two intervals).
    package func outside(_ truth: ValueBounds) -> [ValueBounds] {
        var parts: [ValueBounds] = []
        if let bound = truth.lower {
            parts.append(intersection(ValueBounds(lower: nil, upper: Bound(value: bound.value, strict: !bound.strict))))
        }
        if let bound = truth.upper {
            parts.append(intersection(ValueBounds(lower: Bound(value: bound.value, strict: !bound.strict), upper: nil)))
        }
        return parts.filter { !$0.isEmpty }
    }

    /// Whole-number bounds, inclusive: `(69.5, ∞)` and `(69, ∞)` become `[70, ∞)`.
    package var integral: ValueBounds {
        var result = self
        if let lower {
            var value = Self.ceiling(lower.value)
            if lower.strict && value == lower.value, let next = try? value.adding(ExactDecimal(1)) { value = next }
            result.lower = Bound(value: value, strict: false)
        }
        if let upper {
            var value = Self.floor(upper.value)
            if upper.strict && value == upper.value, let previous = try? value.subtracting(ExactDecimal(1)) { value = previous }
            result.upper = Bound(value: value, strict: false)
        }
        return result
    }

    /// Two intervals as one, when together they leave no gap (for merging regions).
    package func union(_ other: ValueBounds, integral: Bool) -> ValueBounds? {
        let (first, second) = Self.startsBefore(self, other) ? (self, other) : (other, self)
        guard let end = first.upper else { return ValueBounds(lower: first.lower, upper: nil) }
        if let start = second.lower {
            var touches = start.value < end.value || (start.value == end.value && !(start.strict && end.strict))
            if integral, !touches, let next = try? end.value.adding(ExactDecimal(1)), next == start.value { touches = true }
            if !touches { return nil }
        }
        let upper: Bound?
        if let a = first.upper, let b = second.upper {
            upper = a.value != b.value ? (a.value > b.value ? a : b) : (a.strict ? b : a)
        } else {
            upper = nil
        }
        return ValueBounds(lower: first.lower, upper: upper)
    }

    package static func startsBefore(_ a: ValueBounds, _ b: ValueBounds) -> Bool {
        guard let x = a.lower else { return true }
        guard let y = b.lower else { return false }
        if x.value != y.value { return x.value < y.value }
        return !x.strict || y.strict
    }

    package static func floor(_ value: ExactDecimal) -> ExactDecimal {
        (try? value.floored(toMultipleOf: ExactDecimal(1))) ?? value
    }

    package static func ceiling(_ value: ExactDecimal) -> ExactDecimal {
        guard let negated = try? value.negated(), let result = try? floor(negated).negated() else { return value }
        return result
    }
}
