/// A synthetic population as a description file says to draw it: for each fact of a
/// vocabulary, in drawing order, the cases tried in order and the distribution of the
/// first whose condition holds. Conditions read facts drawn before, the definitions
/// over them and the parameters, on the population's reference date.
package struct PopulationDescription: Sendable {
    /// How one value is drawn from a seeded sequence of random 64-bit numbers.
    package enum Draw: Sendable, Equatable {
        /// True when a uniform number in [0, 1) is below the probability (one number).
        case chance(Double)
        /// The value whose weight the roll (one number modulo the total) falls in, in the order written.
        case weighted(values: [Value], weights: [UInt64], total: UInt64)
        /// The first value whose running total of shares a uniform number in [0, 1) is below (one number).
        case shared(values: [Value], runningTotals: [Double])
        /// A whole number: a band by weight (one number), then a number in it (another).
        case bands([Band], total: UInt64)
        /// A date: an age in full years on the reference date drawn as `bands`, then a
        /// birthday within the year before the latest date giving that age (a third number).
        case age([Band], total: UInt64)
        /// `prefix` and the person's number (from `first`), zero-padded to `width` digits. Draws nothing.
        case numbered(prefix: String, first: Int, width: Int)
        /// The same value for everyone. Draws nothing.
        case fixed(Value)
    }

    /// Whole numbers `low` to `high`, both included, drawn with `weight`.
    package struct Band: Sendable, Equatable {
        package let low: Int64
        package let high: Int64
        package let weight: UInt64

        package init(low: Int64, high: Int64, weight: UInt64) {
            self.low = low
            self.high = high
            self.weight = weight
        }
    }

    /// A distribution and the condition under which it applies (nil: everyone left).
    package struct Case: Sendable {
        package let condition: Expression?
        /// Where the condition is written.
        package let span: SourceSpan?
        package let draw: Draw

        package init(condition: Expression?, span: SourceSpan?, draw: Draw) {
            self.condition = condition
            self.span = span
            self.draw = draw
        }
    }

    /// One fact of the vocabulary: its input slot, its type and how it is drawn.
    package struct Field: Sendable {
        package let name: String
        package let slot: Int
        package let type: ValueType
        package let cases: [Case]

        package init(name: String, slot: Int, type: ValueType, cases: [Case]) {
            self.name = name
            self.slot = slot
            self.type = type
            self.cases = cases
        }
    }

    /// The file the description was read from.
    package let file: String
    /// The checked declarations the fields are facts of.
    package let vocabulary: CheckedPolicy
    /// In drawing order (the order written).
    package let fields: [Field]
    /// Indices into `fields` in the order the vocabulary declares the facts: the columns written.
    package let columns: [Int]

    package init(file: String, vocabulary: CheckedPolicy, fields: [Field]) {
        self.file = file
        self.vocabulary = vocabulary
        self.fields = fields
        columns = fields.indices.sorted { fields[$0].slot < fields[$1].slot }
    }
}
