/// Everything `carepolicy serve` can be told: where the policies and the data live,
/// where to listen, how the decision log masks personal data, and the limits.
///
/// ```swift
/// var configuration = ServiceConfiguration(policyDirectory: "policies", dataDirectory: "data")
/// configuration.port = 0      // any free port
/// let app = try await buildApplication(configuration)
/// ```
public struct ServiceConfiguration: Sendable {
    public var policyDirectory: String
    public var host: String = "127.0.0.1"
    /// 0 picks a free port; the chosen one is reported to `onServerRunning`.
    public var port: Int = 8080
    /// Where the decision log database lives (`decisions.sqlite`).
    public var dataDirectory: String
    public var decisionLog: DecisionLogConfiguration = DecisionLogConfiguration()
    /// The bearer token admin endpoints require; nil turns them off (403).
    public var adminToken: String?
    /// How often the policy directory is checked for changes.
    public var reloadInterval: Duration = .seconds(1)
    /// The largest request body, in bytes, for every endpoint but the batch one.
    public var maxBodyBytes: Int = 1 << 20
    /// The largest body of an `evaluate-batch` request, in bytes.
    public var maxBatchBodyBytes: Int = 64 << 20
    /// The most records in one `evaluate-batch` request.
    public var maxBatchRecords: Int = 10_000
    /// How many tasks evaluate one batch in parallel.
    public var batchParallelism: Int = 2
    /// Whether `evaluate-batch` reads plainly valid records in place, straight into the flat
    /// machine (the answers are the same; off only to compare the two ways).
    public var inPlaceBatch: Bool = true

    public init(policyDirectory: String = "policies", dataDirectory: String = "data") {
        self.policyDirectory = policyDirectory
        self.dataDirectory = dataDirectory
    }
}

/// What the decision log keeps and how it hides personal data.
///
/// With `personKey` set, the log stores HMAC-SHA256(key, id) instead of the person's
/// `id` (in the `person` column and in the stored facts); `droppedFields` are removed
/// from the stored facts. Queries by person hash the id they are given with the same key.
public struct DecisionLogConfiguration: Sendable {
    public var enabled: Bool = true
    public var personKey: [UInt8]?
    public var droppedFields: Set<String> = []
    /// A batch is written when this many records wait, or after `flushInterval`.
    public var batchSize: Int = 2_000
    public var flushInterval: Duration = .milliseconds(100)

    public init(enabled: Bool = true, personKey: [UInt8]? = nil, droppedFields: Set<String> = []) {
        self.enabled = enabled
        self.personKey = personKey
        self.droppedFields = droppedFields
    }
}
