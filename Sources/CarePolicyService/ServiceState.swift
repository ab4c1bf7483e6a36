import CarePolicy
import Foundation
import Logging
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// What every route shares: the configuration, the served policies and their reloader,
/// the decision log (nil when turned off), the metrics and the logger.
package final class ServiceState: Sendable {
    package let configuration: ServiceConfiguration
    package let registry: PolicyRegistry
    package let reloader: PolicyReloader
    package let decisionLog: DecisionLog?
    package let metrics: ServiceMetrics
    package let logger: Logger
    package let startedAt: Date

    init(configuration: ServiceConfiguration, registry: PolicyRegistry, reloader: PolicyReloader, decisionLog: DecisionLog?,
         metrics: ServiceMetrics, logger: Logger) {
        self.configuration = configuration
        self.registry = registry
        self.reloader = reloader
        self.decisionLog = decisionLog
        self.metrics = metrics
        self.logger = logger
        startedAt = Date()
    }

    /// The served policy or variant with this id, to describe, draw or compare: 400 for an
    /// id that is not one, 404 for one not served.
    func servedPolicy(_ id: String?) throws -> ServedPolicy {
        guard let id, PolicyIdentifier(id) != nil else { throw APIError.invalidPolicyID(id ?? "") }
        guard let served = registry.policy(id) else {
            throw APIError.unknownPolicy(id, served: registry.snapshot.livePolicies.map(\.metadata.id))
        }
        return served
    }

    /// The policy with this id, to decide about real persons: as `servedPolicy`, and 404
    /// `variant_not_served` for a what-if variant unless the service serves variants.
    func livePolicy(_ id: String?) throws -> ServedPolicy {
        let served = try servedPolicy(id)
        if served.isVariant && !configuration.serveVariants {
            throw APIError.variantNotServed(served, live: registry.snapshot.livePolicies.map(\.metadata.id))
        }
        return served
    }
}
