import CarePolicy
import PolicyModel
import PolicyRuntime

extension LoadedPolicy {
    /// Tests compare engines person by person: the same policy, loaded for `engine`, evaluating `json`.
    package func evaluate(json: String, on date: CivilDate, engine: EvaluationEngine) throws(EvaluationError) -> Evaluation {
        try with(engine: engine).evaluate(json: json, on: date)
    }
}

extension PolicyEvaluator {
    /// Tests compare engines person by person: the same compiled policy under `engine`.
    package func evaluate(_ facts: Facts, on date: CivilDate, engine: EvaluationEngine) throws(EvaluationError) -> Evaluation {
        try PolicyEvaluator(compiled, engine: engine).evaluate(facts, on: date)
    }
}
