import Foundation
import Hummingbird
import PolicyRuntime
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import RecordFormats
import PolicyBatch

/// `GET /healthz` (the process answers) and `GET /readyz` (policies loaded, at least
/// one live policy served, the decision log open): what a load balancer or orchestrator
/// polls. The what-if variants are counted apart and never make the service ready.
struct HealthRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.get("/healthz") { _, _ in
            JSONResponse.make(.object([("status", .string("ok"))]))
        }
        router.get("/readyz") { _, _ in
            let snapshot = state.registry.snapshot
            var reasons: [JSONText.Node] = []
            if !snapshot.loaded { reasons.append(.string("the policy directory has not been read yet")) }
            if snapshot.loaded && snapshot.livePolicies.isEmpty {
                reasons.append(.string("no policy is served: \(state.configuration.policyDirectory) has no policy without errors"))
            }
            let refused = snapshot.attempts.values.filter { $0.outcome == .refused }.map(\.file) + snapshot.unassigned.keys
            let body: JSONText.Node = .object([
                ("status", .string(reasons.isEmpty ? "ready" : "not_ready")),
                ("policies", .integer(Int64(snapshot.livePolicies.count))),
                ("variants", .integer(Int64(snapshot.variants.count))),
                ("refused_files", .array(refused.sorted().map { .string($0) })),
                ("pending_files", .array(snapshot.pending.values.sorted { $0.file < $1.file }.map(PolicyJSON.pending))),
                ("decision_log", .string(state.decisionLog == nil ? "off" : "on")),
                ("reasons", .array(reasons)),
            ])
            return JSONResponse.make(body, status: reasons.isEmpty ? .ok : .serviceUnavailable)
        }
    }
}
