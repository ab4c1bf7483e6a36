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
/// what is served, what a policy reads and decides, and the story of its file (the last
/// attempt to read it, and the changes seen and not read yet). The what-if variants
/// (files under `variants/`) are listed apart, under `variants`.
struct PolicyRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.get("/v1/policies") { _, _ in
            let snapshot = state.registry.snapshot
            return JSONResponse.make(.object([("policies", .array(snapshot.livePolicies.map(PolicyJSON.summary))),
                                              ("variants", .array(snapshot.variants.map { PolicyJSON.variantSummary($0, evaluated: state.configuration.serveVariants) }))]))
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
                throw APIError.unknownPolicy(id, served: snapshot.livePolicies.map(\.metadata.id))
            }
            let served = snapshot.policies[id]
            var entries: [(String, JSONText.Node)] = [("id", .string(id))]
            entries.append(("serving", served.map(PolicyJSON.summary) ?? .null))
            entries.append(("last_attempt", PolicyJSON.attempt(attempt, language: request.language)))
            // Changes to its file, or to a file it includes or extends, not read yet.
            var files: Set<String> = [attempt.file]
            if let served { files.formUnion(served.policy.sources.keys.map(PolicyFiles.normalized)) }
            let pending = snapshot.pending.values.filter { files.contains($0.file) }.sorted { $0.file < $1.file }
            entries.append(("pending", .array(pending.map(PolicyJSON.pending))))
            let headers = served.map { JSONResponse.policyHeaders($0.metadata) } ?? [:]
            return JSONResponse.make(.object(entries), headers: headers)
        }
    }
}
