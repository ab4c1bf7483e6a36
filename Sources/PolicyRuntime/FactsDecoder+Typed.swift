import PolicyModel
import PolicyCompiler
import RecordFormats

extension FactsDecoder {
    /// The problem with an already-typed value of input `slot` (below its minimum, above its
    /// maximum, too many decimal places), or nil when it is allowed. Readers of other formats
    /// than JSON (CSV records) use it to check values as JSON facts are checked.
    ///
    /// ```swift
    /// decoder.problem(with: .integer(7), forInput: abilitySlot)   // `ability_level`: is 7, above …
    /// ```
    package func problem(with value: Value, forInput slot: Int) -> FactProblem? {
        rangeProblem(value, policy.inputs[slot])
    }

    /// What a field of `type` must look like, for messages: `true or false`, `a date "YYYY-MM-DD"`.
    package static func expected(_ type: ValueType) -> String {
        expectation(type)
    }

    /// The problem for a required input that was not given.
    package func missingProblem(forInput slot: Int) -> FactProblem {
        let input = policy.inputs[slot]
        return FactProblem(field: input.name, message: "is missing (\(input.label)); expected \(FactsDecoder.expectation(input.type))")
    }
}
