import CarePolicy
import Foundation
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// `GET /v1/policies`, `GET /v1/policies/{id}` and `GET /v1/policies/{id}/status`:
/// what is served, what a policy reads and decides, and the story of its file.
struct PolicyRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.get("/v1/policies") { _, _ in
            let snapshot = state.registry.snapshot
            let policies = snapshot.policies.values.sorted { $0.metadata.id < $1.metadata.id }
            return JSONResponse.make(.object([("policies", .array(policies.map(PolicyJSON.summary)))]))
        }
        router.get("/v1/policies/:id") { _, context in
            let served = try state.servedPolicy(context.parameters.get("id"))
            return JSONResponse.make(PolicyJSON.detail(served), headers: JSONResponse.policyHeaders(served.metadata))
        }
        router.get("/v1/policies/:id/status") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard PolicyIdentifier(id) != nil else { throw APIError.invalidPolicyID(id) }
            let snapshot = state.registry.snapshot
            guard let attempt = snapshot.attempts[id] else {
                throw APIError.unknownPolicy(id, served: Array(snapshot.policies.keys))
            }
            let served = snapshot.policies[id]
            var entries: [(String, JSONText.Node)] = [("id", .string(id))]
            entries.append(("serving", served.map(PolicyJSON.summary) ?? .null))
            entries.append(("last_attempt", PolicyJSON.attempt(attempt, language: request.language)))
            let headers = served.map { JSONResponse.policyHeaders($0.metadata) } ?? [:]
            return JSONResponse.make(.object(entries), headers: headers)
        }
    }
}
