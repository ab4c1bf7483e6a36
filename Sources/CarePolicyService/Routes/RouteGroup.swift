import Hummingbird
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// The request context of every route.
package typealias ServiceContext = BasicRequestContext

/// One feature's endpoints. A new feature (ledger replay, what-if) is one new file with
/// a type conforming to this, listed once in `RouteGroups.all`.
///
/// ```swift
/// struct HealthRoutes: RouteGroup {
///     func register(on router: Router<ServiceContext>, state: ServiceState) {
///         router.get("/healthz") { _, _ in JSONResponse.make(.object([("status", .string("ok"))])) }
///     }
/// }
/// ```
protocol RouteGroup: Sendable {
    func register(on router: Router<ServiceContext>, state: ServiceState)
}

/// Every route group of the service, in the order they are registered.
enum RouteGroups {
    static let all: [any RouteGroup] = [
        HealthRoutes(),
        MetricsRoutes(),
        OpenAPIRoutes(),
        PolicyRoutes(),
        EvaluationRoutes(),
        BatchEvaluationRoutes(),
        TreeRoutes(),
        DecisionRoutes(),
        AdminRoutes(),
        LedgerRoutes(),
        ComplianceRoutes(),
        WhatIfRoutes(),
    ]
}
