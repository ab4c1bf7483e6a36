import CarePolicy
import Hummingbird
import Logging
import ServiceLifecycle
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// Builds the evaluation service: reads the policy directory once (so the first request
/// already has every good policy), opens the decision log, and returns the application
/// with the policy watcher and the log writer as services. Run it with
/// `try await app.runService()`, or test it with HummingbirdTesting's `app.test(.router)`.
///
/// ```swift
/// let app = try await buildApplication(ServiceConfiguration(policyDirectory: "policies", dataDirectory: "data"))
/// try await app.runService()
/// ```
package func buildApplication(
    _ configuration: ServiceConfiguration,
    logger: Logger = Logger(label: "carepolicy"),
    onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let state = try await makeServiceState(configuration, logger: logger)
    let router = Router(context: ServiceContext.self)
    router.add(middleware: ServiceMiddleware(metrics: state.metrics))
    for group in RouteGroups.all { group.register(on: router, state: state) }
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
    var services: [any Service] = [PolicyWatcher(reloader: state.reloader, interval: configuration.reloadInterval)]
    if let log = state.decisionLog { services.append(log) }
    return Application(
        router: router,
        server: GuardedHTTP1Channel.server(limits: configuration.connections),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "carepolicy"),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) },
        logger: logger)
}

/// The shared parts of the service, with the policies read once.
package func makeServiceState(_ configuration: ServiceConfiguration, logger: Logger) async throws -> ServiceState {
    let metrics = ServiceMetrics()
    let registry = PolicyRegistry()
    var timing = PolicyReloader.Timing()
    timing.interval = configuration.reloadInterval
    timing.settle = configuration.reloadSettle
    timing.maxWait = configuration.reloadMaxWait
    timing.deadline = configuration.reloadDeadline
    timing.watchFileWrites = configuration.watchFileWrites
    let reloader = PolicyReloader(directory: configuration.policyDirectory, registry: registry, metrics: metrics, logger: logger, timing: timing,
                                  reading: configuration.policyReading)
    await reloader.reloadNow()
    var decisionLog: DecisionLog?
    if configuration.decisionLog.enabled {
        let store = try DecisionLogStore(directory: configuration.dataDirectory)
        decisionLog = DecisionLog(store: store, configuration: configuration.decisionLog, metrics: metrics, logger: logger)
    }
    return ServiceState(configuration: configuration, registry: registry, reloader: reloader, decisionLog: decisionLog, metrics: metrics, logger: logger)
}
