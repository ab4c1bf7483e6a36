import CarePolicy
import Foundation
import Logging

/// What every route shares: the configuration, the served policies and their reloader,
/// the decision log (nil when turned off), the metrics and the logger.
public final class ServiceState: Sendable {
    public let configuration: ServiceConfiguration
    public let registry: PolicyRegistry
    public let reloader: PolicyReloader
    public let decisionLog: DecisionLog?
    public let metrics: ServiceMetrics
    public let logger: Logger
    public let startedAt: Date

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

    /// The served policy with this id: 400 for an id that is not one, 404 for one not served.
    func servedPolicy(_ id: String?) throws -> ServedPolicy {
        guard let id, PolicyIdentifier(id) != nil else { throw APIError.invalidPolicyID(id ?? "") }
        guard let served = registry.policy(id) else {
            throw APIError.unknownPolicy(id, served: Array(registry.snapshot.policies.keys))
        }
        return served
    }
}
