import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// Everything `carepolicy serve` can be told: where the policies and the data live,
/// where to listen, how the decision log masks personal data, and the limits.
///
/// ```swift
/// var configuration = ServiceConfiguration(policyDirectory: "policies", dataDirectory: "data")
/// configuration.port = 0      // any free port
/// let app = try await buildApplication(configuration)
/// ```
package struct ServiceConfiguration: Sendable {
    package var policyDirectory: String
    package var host: String = "127.0.0.1"
    /// 0 picks a free port; the chosen one is reported to `onServerRunning`.
    package var port: Int = 8080
    /// Where the decision log database lives (`decisions.sqlite`).
    package var dataDirectory: String
    package var decisionLog: DecisionLogConfiguration = DecisionLogConfiguration()
    /// The bearer token admin endpoints require; nil turns them off (403).
    package var adminToken: String?
    /// How often the policy directory is checked for changes.
    package var reloadInterval: Duration = .seconds(1)
    /// The largest request body, in bytes, for every endpoint but the batch one.
    package var maxBodyBytes: Int = 1 << 20
    /// The largest body of an `evaluate-batch` request, in bytes.
    package var maxBatchBodyBytes: Int = 64 << 20
    /// The most records in one `evaluate-batch` request.
    package var maxBatchRecords: Int = 10_000
    /// How many tasks evaluate one batch in parallel.
    package var batchParallelism: Int = 2
    /// Whether `evaluate-batch` reads plainly valid records in place, straight into the flat
    /// machine (the answers are the same; off only to compare the two ways).
    package var inPlaceBatch: Bool = true
    /// Whether the what-if variants under the directory's `variants/` answer the endpoints
    /// that decide about real persons (evaluate, evaluate-batch, ledger, approval,
    /// programs, compliance) too; off, they answer 404 `variant_not_served` there.
    package var serveVariants: Bool = false

    package init(policyDirectory: String = "policies", dataDirectory: String = "data") {
        self.policyDirectory = policyDirectory
        self.dataDirectory = dataDirectory
    }
}

/// What the decision log keeps and how it hides personal data.
///
/// With `personKey` set, the log stores HMAC-SHA256(key, id) instead of the person's
/// `id` (in the `person` column and in the stored facts); `droppedFields` are removed
/// from the stored facts. Queries by person hash the id they are given with the same key.
package struct DecisionLogConfiguration: Sendable {
    package var enabled: Bool = true
    package var personKey: [UInt8]?
    package var droppedFields: Set<String> = []
    /// A batch is written when this many records wait, or after `flushInterval`.
    package var batchSize: Int = 2_000
    package var flushInterval: Duration = .milliseconds(100)

    package init(enabled: Bool = true, personKey: [UInt8]? = nil, droppedFields: Set<String> = []) {
        self.enabled = enabled
        self.personKey = personKey
        self.droppedFields = droppedFields
    }
}
