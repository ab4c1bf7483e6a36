import PolicyModel

/// What the answers so far on a path say about each subject: an interval for numbers
/// and dates, a set of possible values for enums, and the answers to opaque tests.
package struct TestKnowledge: Hashable {
    package var intervals: [Int: Interval] = [:]
    package var enumSets: [Int: UInt64] = [:]
    package var answers: [Int: Bool] = [:]

    /// Only what concerns `subjects` and `atoms`, so equal states share one node.
    package func restricted(subjects: Set<Int>, atoms: Set<Int>) -> TestKnowledge {
        TestKnowledge(intervals: intervals.filter { subjects.contains($0.key) },
                      enumSets: enumSets.filter { subjects.contains($0.key) },
                      answers: answers.filter { atoms.contains($0.key) })
    }
}

/// A numeric or date interval with optional, possibly strict, bounds.
package struct Interval: Hashable {
    package struct Bound: Hashable {
        package var value: ExactDecimal
        package var strict: Bool
    }

    package var lower: Bound?
    package var upper: Bound?

    package static let all = Interval(lower: nil, upper: nil)

    package func intersection(_ other: Interval) -> Interval {
        Interval(lower: Interval.tighterLower(lower, other.lower), upper: Interval.tighterUpper(upper, other.upper))
    }

    package static func tighterLower(_ a: Bound?, _ b: Bound?) -> Bound? {
        guard let a else { return b }
        guard let b else { return a }
        if a.value != b.value { return a.value > b.value ? a : b }
        return a.strict ? a : b
    }

    package static func tighterUpper(_ a: Bound?, _ b: Bound?) -> Bound? {
        guard let a else { return b }
        guard let b else { return a }
        if a.value != b.value { return a.value < b.value ? a : b }
        return a.strict ? a : b
    }

    package var isEmpty: Bool {
        guard let lower, let upper else { return false }
        if lower.value > upper.value { return true }
        return lower.value == upper.value && (lower.strict || upper.strict)
    }

    /// Whether every value in `self` lies in `other`.
    package func isInside(_ other: Interval) -> Bool {
        if let bound = other.lower {
            guard let mine = lower else { return false }
            if mine.value < bound.value || (mine.value == bound.value && bound.strict && !mine.strict) { return false }
        }
        if let bound = other.upper {
            guard let mine = upper else { return false }
            if mine.value > bound.value || (mine.value == bound.value && bound.strict && !mine.strict) { return false }
        }
        return true
    }
}
