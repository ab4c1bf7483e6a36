import Foundation
import Logging
import ServiceLifecycle
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// Records every evaluation off the request path: a request appends to a queue; this
/// service writes the queue to SQLite in one transaction every `flushInterval`, and
/// writes whatever is left when the service shuts down gracefully — after the HTTP
/// server, which shuts down first, has answered its last request.
package final class DecisionLog: Service, Sendable {
    package let store: DecisionLogStore
    package let masking: DecisionMasking
    let configuration: DecisionLogConfiguration
    let metrics: ServiceMetrics
    let logger: Logger
    private let pending = LockedValue<[PendingDecision]>([])

    init(store: DecisionLogStore, configuration: DecisionLogConfiguration, metrics: ServiceMetrics, logger: Logger) {
        self.store = store
        self.configuration = configuration
        masking = DecisionMasking(personKey: configuration.personKey, droppedFields: configuration.droppedFields)
        self.metrics = metrics
        self.logger = logger
    }

    func append(_ decision: PendingDecision) {
        pending.withLock { $0.append(decision) }
    }

    func append(contentsOf decisions: [PendingDecision]) {
        pending.withLock { $0.append(contentsOf: decisions) }
    }

    /// Writes everything queued before the call (at most `batchSize` rows per
    /// transaction); returns when it is committed. A failed write puts its rows back.
    package func flush() async throws {
        var remaining = pendingCount
        repeat {
            let batch = pending.withLock { queue in
                let count = min(queue.count, remaining, configuration.batchSize)
                let taken = Array(queue.prefix(count))
                queue.removeFirst(count)
                return taken
            }
            do {
                try await store.insert(batch.map { $0.stored(masking: masking) })
            } catch {
                pending.withLock { $0.insert(contentsOf: batch, at: 0) }
                throw error
            }
            if batch.isEmpty { break }
            metrics.decisionLogWritten(batch.count)
            remaining -= batch.count
        } while remaining > 0
    }

    /// The number of decisions waiting to be written.
    package var pendingCount: Int { pending.withLock { $0.count } }

    package func run() async throws {
        // Graceful shutdown cancels the wait, so the last flush never waits for a timer.
        try? await cancelWhenGracefulShutdown { [self] in
            while true {
                try await Task.sleep(for: configuration.flushInterval)
                metrics.decisionLogPending(pendingCount)
                await flushLogging()
            }
        }
        await flushLogging()
        logger.info("decision log flushed", metadata: ["path": "\(store.path)"])
    }

    private func flushLogging() async {
        do {
            try await flush()
        } catch {
            logger.error("decision log write failed; the records stay queued", metadata: ["error": "\(error)"])
        }
    }
}
