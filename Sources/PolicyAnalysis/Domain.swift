import PolicyModel
import PolicyCompiler

/// The values a subject may still take in a region.
package enum Domain: Hashable, Sendable {
    /// Bit 0: false is possible; bit 1: true is possible.
    case flags(UInt8)
    /// The possible enum cases, as a bit set of case indices.
    case cases(UInt64)
    /// Numbers, dates (day numbers) and ages.
    case numbers(ValueBounds)

    package static let bothFlags = Domain.flags(0b11)

    package static func flag(_ value: Bool) -> Domain { .flags(value ? 0b10 : 0b01) }

    package var isEmpty: Bool {
        switch self {
        case .flags(let bits): return bits == 0
        case .cases(let bits): return bits == 0
        case .numbers(let bounds): return bounds.isEmpty
        }
    }

    /// The values in both domains (the kinds always agree for one subject).
    package func intersection(_ other: Domain, integral: Bool) -> Domain {
        switch (self, other) {
        case (.flags(let a), .flags(let b)): return .flags(a & b)
        case (.cases(let a), .cases(let b)): return .cases(a & b)
        case (.numbers(let a), .numbers(let b)):
            let both = a.intersection(b)
            return .numbers(integral ? both.integral : both)
        default: return other
        }
    }

    /// The values of `self` outside `truth`, as one or more domains.
    package func outside(_ truth: Domain, integral: Bool) -> [Domain] {
        switch (self, truth) {
        case (.flags(let a), .flags(let b)): return [.flags(a & ~b)].filter { !$0.isEmpty }
        case (.cases(let a), .cases(let b)): return [.cases(a & ~b)].filter { !$0.isEmpty }
        case (.numbers(let a), .numbers(let b)):
            return a.outside(b).map { .numbers(integral ? $0.integral : $0) }.filter { !$0.isEmpty }
        default: return []
        }
    }

    /// One domain holding the values of both, when that is exact.
    package func union(_ other: Domain, integral: Bool) -> Domain? {
        switch (self, other) {
        case (.flags(let a), .flags(let b)): return .flags(a | b)
        case (.cases(let a), .cases(let b)): return .cases(a | b)
        case (.numbers(let a), .numbers(let b)): return a.union(b, integral: integral).map(Domain.numbers)
        default: return nil
        }
    }

    /// Whether every value of `self` is in `other`.
    package func isInside(_ other: Domain, integral: Bool) -> Bool {
        intersection(other, integral: integral) == (integral ? normalized : self)
    }

    package var normalized: Domain {
        if case .numbers(let bounds) = self { return .numbers(bounds.integral) }
        return self
    }
}
