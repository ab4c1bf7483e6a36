import PolicyModel

/// A checked policy with every rule table compiled to decision trees, once for each
/// period in which the parameters keep the same values. Immutable and `Sendable`.
package final class CompiledPolicy: Sendable {
    package let checked: CheckedPolicy
    /// Ascending by start date; the first starts at the beginning of time.
    package let epochs: [PolicyEpoch]

    package init(checked: CheckedPolicy, epochs: [PolicyEpoch]) {
        self.checked = checked
        self.epochs = epochs
    }

    /// The period in force on `date`.
    package func epoch(on date: CivilDate) -> PolicyEpoch { epochs[epochIndex(on: date)] }

    /// The index in `epochs` of the period in force on `date`.
    package func epochIndex(on date: CivilDate) -> Int {
        var low = 0, high = epochs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if epochs[middle].from <= date { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// The parameters in force over one period and the decision trees built with them.
package final class PolicyEpoch: Sendable {
    package let from: CivilDate
    /// A parameter not yet in force has no value (nil).
    package let parameters: [Value?]
    /// One tree per rule-table decision; nil for formulas and apportionments.
    package let trees: [DecisionTree?]

    package init(from: CivilDate, parameters: [Value?], trees: [DecisionTree?]) {
        self.from = from
        self.parameters = parameters
        self.trees = trees
    }
}
