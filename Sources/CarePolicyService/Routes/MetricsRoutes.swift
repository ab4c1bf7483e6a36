import Hummingbird
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// `GET /metrics`: every counter and histogram in the Prometheus text format.
struct MetricsRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.get("/metrics") { _, _ in
            state.metrics.decisionLogPending(state.decisionLog?.pendingCount ?? 0)
            return JSONResponse.text(state.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }
}
