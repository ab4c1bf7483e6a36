import Prometheus
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// The service's counters and histograms, written out at `GET /metrics` in the
/// Prometheus text format. One registry per application, so tests can run several.
///
/// | metric | labels |
/// |---|---|
/// | `carepolicy_http_requests_total` | `method`, `path` (the route), `status` |
/// | `carepolicy_http_request_duration_seconds` (histogram) | `path` |
/// | `carepolicy_evaluations_total` | `policy`, `outcome` (`ok`, `invalid_facts`, `failed_validation`, `fault`, `not_in_force`) |
/// | `carepolicy_evaluation_ways_total` | `policy`, `way` (`in_place`: read straight into the flat machine; `general`: decoded facts) |
/// | `carepolicy_policy_reloads_total` | `policy`: versions that went live |
/// | `carepolicy_policy_reload_failures_total` | `policy` (or the file, before any version was served) |
/// | `carepolicy_policies_served` (gauge) | live policies, not the what-if variants |
/// | `carepolicy_variants_loaded` (gauge) | what-if variants (`variants/`) |
/// | `carepolicy_decision_log_written_total`, `carepolicy_decision_log_pending` (gauge) | |
package final class ServiceMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()

    static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .microseconds(2_500_000), .seconds(5),
    ]

    nonisolated(unsafe) private static let requests = MetricNameDescriptor(namespace: "carepolicy", subsystem: "http", metricName: "requests", unitName: "total",
                                                       helpText: "HTTP requests answered, by method, route and status")
    nonisolated(unsafe) private static let latency = MetricNameDescriptor(namespace: "carepolicy", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                                      helpText: "Time from receiving a request to its response, by route")
    nonisolated(unsafe) private static let evaluations = MetricNameDescriptor(namespace: "carepolicy", metricName: "evaluations", unitName: "total",
                                                          helpText: "Persons evaluated, by policy and outcome")
    nonisolated(unsafe) private static let ways = MetricNameDescriptor(namespace: "carepolicy", metricName: "evaluation_ways", unitName: "total",
                                                   helpText: "Persons evaluated, by policy and the way they went: read in place into the flat machine, or decoded")
    nonisolated(unsafe) private static let reloads = MetricNameDescriptor(namespace: "carepolicy", subsystem: "policy", metricName: "reloads", unitName: "total",
                                                      helpText: "Policy versions that went live (the first load included)")
    nonisolated(unsafe) private static let reloadFailures = MetricNameDescriptor(namespace: "carepolicy", subsystem: "policy", metricName: "reload_failures", unitName: "total",
                                                             helpText: "Policy files refused because they have errors")
    nonisolated(unsafe) private static let served = MetricNameDescriptor(namespace: "carepolicy", metricName: "policies_served", unitName: "",
                                                     helpText: "Live policies currently served (what-if variants not counted)")
    nonisolated(unsafe) private static let variantsLoaded = MetricNameDescriptor(namespace: "carepolicy", metricName: "variants_loaded", unitName: "",
                                                             helpText: "What-if variants currently loaded (for what-if, not evaluated unless served)")
    nonisolated(unsafe) private static let logWritten = MetricNameDescriptor(namespace: "carepolicy", subsystem: "decision_log", metricName: "written", unitName: "total",
                                                         helpText: "Decisions written to the decision log")
    nonisolated(unsafe) private static let logPending = MetricNameDescriptor(namespace: "carepolicy", subsystem: "decision_log", metricName: "pending", unitName: "",
                                                         helpText: "Decisions waiting to be written to the decision log")

    /// The registry validates names and labels on every lookup; these keep what a request
    /// needs one dictionary lookup away.
    private struct RequestKey: Hashable {
        let method: String
        let path: String
        let status: Int
    }

    private struct EvaluationKey: Hashable {
        let policy: String
        let outcome: String
    }

    private let requestCounters = LockedValue<[RequestKey: Counter]>([:])
    private let latencyHistograms = LockedValue<[String: DurationHistogram]>([:])
    private let evaluationCounters = LockedValue<[EvaluationKey: Counter]>([:])

    package init() {}

    func requestAnswered(method: String, path: String, status: Int, duration: Duration) {
        let key = RequestKey(method: method, path: path, status: status)
        let counter = requestCounters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("path", path), ("status", String(status))])
            counters[key] = counter
            return counter
        }
        counter.increment()
        let histogram = latencyHistograms.withLock { histograms in
            if let histogram = histograms[path] { return histogram }
            let histogram = registry.makeDurationHistogram(descriptor: Self.latency, labels: [("path", path)], buckets: Self.latencyBuckets)
            histograms[path] = histogram
            return histogram
        }
        histogram.record(duration)
    }

    func evaluated(policy: String, outcome: String, count: Int = 1) {
        let key = EvaluationKey(policy: policy, outcome: outcome)
        let counter = evaluationCounters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(descriptor: Self.evaluations, labels: [("policy", policy), ("outcome", outcome)])
            counters[key] = counter
            return counter
        }
        counter.increment(by: Int64(count))
    }

    /// Counts how a batch's persons were evaluated.
    func evaluated(policy: String, ways: EvaluationCounts) {
        if ways.fast > 0 { registry.makeCounter(descriptor: Self.ways, labels: [("policy", policy), ("way", "in_place")]).increment(by: Int64(ways.fast)) }
        if ways.general > 0 { registry.makeCounter(descriptor: Self.ways, labels: [("policy", policy), ("way", "general")]).increment(by: Int64(ways.general)) }
    }

    func reloaded(policy: String) {
        registry.makeCounter(descriptor: Self.reloads, labels: [("policy", policy)]).increment()
    }

    func reloadFailed(policy: String) {
        registry.makeCounter(descriptor: Self.reloadFailures, labels: [("policy", policy)]).increment()
    }

    func policiesServed(_ count: Int, variants: Int) {
        registry.makeGauge(descriptor: Self.served).set(Int64(count))
        registry.makeGauge(descriptor: Self.variantsLoaded).set(Int64(variants))
    }

    func decisionLogWritten(_ count: Int) {
        registry.makeCounter(descriptor: Self.logWritten).increment(by: Int64(count))
    }

    func decisionLogPending(_ count: Int) {
        registry.makeGauge(descriptor: Self.logPending).set(Int64(count))
    }

    /// Everything, in the Prometheus text exposition format (version 0.0.4).
    package func exposition() -> String { registry.emitToString() }
}
