import PolicyModel

extension EvaluationSession {
    /// The value of definition `index` (an index into the policy's `definitions`) for the
    /// person and date of the last `evaluate`, computed now if that evaluation did not
    /// need it. Nil before the first evaluation. Used to group results by a derived fact
    /// such as `age`.
    ///
    /// ```swift
    /// _ = try session.evaluate(facts, on: date)
    /// let age = try session.definitionValue(policy.checked.definitions.firstIndex { $0.name == "age" }!)
    /// ```
    public func definitionValue(_ index: Int) throws(EvaluationFault) -> Value? {
        guard let frame else { return nil }
        return try frame.definition(index)
    }
}
