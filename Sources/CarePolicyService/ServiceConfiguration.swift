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
    /// How often the whole policy directory is read again to look for changes (with
    /// Linux's inotify the service also hears of each change as it happens).
    package var reloadInterval: Duration = .seconds(1)
    /// How long a changed file must stay as it is (and, on Linux, closed by its writer)
    /// before it is read; see docs/operations.md.
    package var reloadSettle: Duration = .seconds(1)
    /// A file that keeps changing is read anyway this long after its first change that is
    /// not served yet, at a moment no writer holds it open.
    package var reloadMaxWait: Duration = .seconds(10)
    /// The longest one policy file may take to check and compile during a reload or an
    /// upload; a file over it is refused. Admin requests wait at most this long for their reload.
    package var reloadDeadline: Duration = .seconds(10)
    /// Whether to hear of file changes from inotify (Linux); off, or elsewhere, the
    /// directory is only polled.
    package var watchFileWrites: Bool = true
    /// How one policy file is read and checked (on reload and upload).
    package var policyReading: PolicyReading = .standard
    /// The largest request body, in bytes, for every endpoint but the batch one.
    package var maxBodyBytes: Int = 1 << 20
    /// The largest record, in bytes: the body of `evaluate`, each record of
    /// `evaluate-batch`, each elder and service record of `compliance`
    /// (`--max-record-bytes`, as for the CLI's `eval`, `batch` and `whatif`).
    package var maxRecordBytes: Int = RecordLimit.defaultBytes
    /// Header, body and idle timeouts, and the most connections open at once.
    package var connections = ConnectionLimits()
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
