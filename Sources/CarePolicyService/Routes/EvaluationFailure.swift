import CarePolicy
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// How an evaluation error is answered: facts that do not fit the policy's inputs
/// are 400, facts of the right shape with values that are not allowed are 422, a date
/// outside the policy's effective dates is 422, a fault the policy meets for this
/// person (no rule matched, division by zero) is 422 with the rule's line.
enum EvaluationFailure {
    static func apiError(_ error: EvaluationError) -> APIError {
        switch error {
        case .invalidFacts(let facts):
            let shape = facts.problems.contains { $0.kind == .shape }
            var apiError = APIError(shape ? .badRequest : .unprocessableContent,
                                    code: shape ? "invalid_facts" : "facts_failed_validation",
                                    message: "invalid facts: \(facts.description)",
                                    field: facts.problems.first?.field)
            let problems = facts.problems
            apiError.problems = { _ in
                problems.map { problem in
                    .object([("field", .string(problem.field)), ("message", .string(problem.message)), ("kind", .string(problem.kind.rawValue))])
                }
            }
            return apiError
        case .notInForce(let message):
            return APIError(.unprocessableContent, code: "not_in_force", message: message, field: "as_of")
        case .fault(let fault):
            return APIError(.unprocessableContent, code: "evaluation_fault", message: fault.description, line: fault.span?.line, column: fault.span?.column)
        }
    }

    /// The metric label of an outcome.
    static func outcome(_ error: EvaluationError) -> String {
        switch error {
        case .invalidFacts(let facts): return facts.problems.contains { $0.kind == .shape } ? "invalid_facts" : "failed_validation"
        case .notInForce: return "not_in_force"
        case .fault: return "fault"
        }
    }
}
