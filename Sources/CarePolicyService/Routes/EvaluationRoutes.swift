import CarePolicy
import Foundation
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// `POST /v1/policies/{id}/evaluate`: one person's facts → every public decision, with
/// the trace when `explain` is true. The answer names the policy version and hash that
/// produced it, in the body and in the `CarePolicy-Policy-*` headers; the decision log
/// records it.
struct EvaluationRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.post("/v1/policies/:id/evaluate") { request, context in
            let served = try state.livePolicy(context.parameters.get("id"))
            let body = try await request.jsonBody(limit: state.configuration.maxRecordBytes, tooLarge: APIError.recordBodyTooLarge)
            let evaluationRequest = try EvaluationRequest(body)
            let policy = served.policy
            let headers = JSONResponse.policyHeaders(served.metadata)
            let evaluation: Evaluation
            let facts: Facts
            do throws(EvaluationError) {
                switch policy.decoder.decode(evaluationRequest.facts) {
                case .success(let decoded): facts = decoded
                case .failure(let error): throw EvaluationError.invalidFacts(error)
                }
                evaluation = try policy.evaluate(facts, on: evaluationRequest.asOf)
            } catch {
                state.metrics.evaluated(policy: served.metadata.id, outcome: EvaluationFailure.outcome(error))
                var apiError = EvaluationFailure.apiError(error)
                apiError.headers = headers
                throw apiError
            }
            state.metrics.evaluated(policy: served.metadata.id, outcome: "ok")
            let traces = evaluationRequest.explain ? policy.evaluator.trace(evaluation, facts: facts) : nil
            state.decisionLog?.append(PendingDecision(recordedAt: Date(), policy: policy.checked, evaluation: evaluation,
                                                      facts: evaluationRequest.facts, traces: traces, endpoint: "evaluate"))
            return JSONResponse.make(evaluation.json(policy: policy.checked, traces: traces), headers: headers)
        }
    }
}
