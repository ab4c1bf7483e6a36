import PolicyModel

/// A population description as written (`policies/common/population.yaml`): the file
/// that declares the facts it draws, and how each fact is drawn, in drawing order.
package struct PopulationFileSyntax: Sendable {
    package let path: String
    package let text: String
    /// The policy file or fragment declaring the facts, relative to this file.
    package let vocabulary: Located<String>
    package let fields: [PopulationFieldSyntax]
}

/// One fact and how it is drawn: its cases are tried in order, and the first whose
/// `when` holds (the last has none) draws the value.
package struct PopulationFieldSyntax: Sendable {
    package let name: Located<String>
    package let cases: [PopulationCaseSyntax]
}

/// `{when: CONDITION, probability: 0.25}`: one distribution, under a condition.
package struct PopulationCaseSyntax: Sendable {
    package let condition: WrittenExpression?
    package let draw: PopulationDrawSyntax
    /// The distribution's key (`probability`, `weights`, …), where it was written.
    package let key: Located<String>
}

/// How one value is drawn, as written; types are matched against the fact by the checker.
package enum PopulationDrawSyntax: Sendable {
    /// `probability: 0.05`: true with this probability.
    case probability(ExactDecimal)
    /// `weights: {none: 852, dibao: 81}`: a value in proportion to its whole-number weight.
    case weights([PopulationChoiceSyntax])
    /// `shares: {rural: 0.40, urban: 0.60}`: fractions adding up to one, taken in the order written.
    case shares([PopulationChoiceSyntax])
    /// `bands: [{from: 0, to: 9, weight: 3}, …]`: a band by weight, then a whole number in it.
    case bands([PopulationBandSyntax])
    /// `age: [{from: 60, to: 64, weight: 23}, …]`: a date, as an age in full years on the reference date.
    case age([PopulationBandSyntax])
    /// `numbered: P00000001`: the first person's text; later persons count up in its trailing digits.
    case numbered(prefix: String, first: Int, width: Int)
    /// `value: false`: the same value for everyone.
    case value(YAMLScalar)
}

/// One value of `weights` or `shares` and its weight or share.
package struct PopulationChoiceSyntax: Sendable {
    package let value: YAMLScalar
    package let amount: ExactDecimal
}

/// `{from: 60, to: 64, weight: 2300}`: whole numbers `from` to `to`, both included.
package struct PopulationBandSyntax: Sendable {
    package let from: Int
    package let to: Int
    package let weight: Int
    package let span: SourceSpan
}
