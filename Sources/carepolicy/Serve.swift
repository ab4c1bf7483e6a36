import ArgumentParser
import CarePolicyService
import Foundation
import Logging
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy serve`: the evaluation service over HTTP, with hot reload and the decision log.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the policies over HTTP: evaluation, trees, hot reload of edited files, a decision log in SQLite, metrics.",
        discussion: """
            Admin endpoints (reload, upload) need CAREPOLICY_ADMIN_TOKEN in the environment; clients send it as
            `Authorization: Bearer TOKEN`. With --hash-person-ids the decision log stores HMAC-SHA256(CAREPOLICY_LOG_KEY, id)
            instead of each person's id. Slow and idle clients are cut off (--header-timeout, --body-timeout, --idle-timeout) and
            at most --max-connections are served at once; one record (an evaluate body, a batch record) is at most --max-record-bytes.
            See docs/http-api.md and docs/operations.md.
            """)

    @OptionGroup var lang: LanguageOption

    @Option(help: "The policy directory, watched for changes.")
    var policies: String = "policies"

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port; the chosen one is printed).")
    var port: Int = 8080

    @Option(help: "Where the decision log (decisions.sqlite) is kept.")
    var data: String = "data"

    @Flag(name: .customLong("no-decision-log"), help: "Do not record evaluations.")
    var noDecisionLog = false

    @Flag(name: .customLong("hash-person-ids"), help: "Store a keyed hash of each person's id (key: CAREPOLICY_LOG_KEY) instead of the id.")
    var hashPersonIDs = false

    @Option(name: .customLong("drop-field"), help: "A fact not to store in the decision log (repeat for several).")
    var droppedFields: [String] = []

    @Option(name: .customLong("reload-interval-ms"), help: "How often the policy directory is checked for changes, in milliseconds.")
    var reloadIntervalMilliseconds: Int = 1000

    @Option(name: .customLong("reload-settle-ms"),
            help: "How long a changed policy file must stay unchanged (and, on Linux, closed by its writer) before it is read, in milliseconds.")
    var reloadSettleMilliseconds: Int = 1000

    @Option(name: .customLong("reload-max-wait-ms"),
            help: "A policy file that keeps changing is read anyway this long after its first unserved change, in milliseconds.")
    var reloadMaxWaitMilliseconds: Int = 10_000

    @Option(name: .customLong("reload-deadline-ms"),
            help: "The longest one policy file may take to check on reload or upload before it is refused, in milliseconds.")
    var reloadDeadlineMilliseconds: Int = 10_000

    @Flag(name: .customLong("reload-by-polling"),
          help: "Only read the policy directory every --reload-interval-ms, without inotify (for file systems whose changes inotify does not see, such as NFS).")
    var reloadByPolling = false

    // Optional, so that the help states the default in words, not this machine's number.
    @Option(name: .customLong("batch-parallelism"), help: "Tasks that share one evaluate-batch request (default: the number of cores).")
    var batchParallelism: Int?

    @Flag(name: .customLong("serve-variants"), help: "Also evaluate the what-if variants under variants/ (evaluate, evaluate-batch, ledger, approval, programs, compliance); without it they are listed apart and used only for what-if.")
    var serveVariants = false

    @Option(name: .customLong("max-record-bytes"), help: "The longest record, in bytes: an evaluate body, one record of evaluate-batch, one elder or service record of compliance.")
    var maxRecordBytes: Int = RecordLimit.defaultBytes

    @Option(name: .customLong("header-timeout"), help: "Seconds a client has to send a request's header, from its first byte (408 and closed after).")
    var headerTimeout: Double = 10

    @Option(name: .customLong("body-timeout"), help: "Seconds a client has to send a request's whole body, from the end of its header (408 and closed after).")
    var bodyTimeout: Double = 30

    @Option(name: .customLong("idle-timeout"), help: "Seconds an open connection may wait with no request before it is closed.")
    var idleTimeout: Double = 60

    @Option(name: .customLong("max-connections"), help: "Client connections open at once; one more is answered 503 and closed.")
    var maxConnections: Int = 512

    func validate() throws {
        if maxRecordBytes < 1 { throw ValidationError("--max-record-bytes must be 1 or more") }
        if maxConnections < 1 { throw ValidationError("--max-connections must be 1 or more") }
        for (name, seconds) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)]
        where !(seconds > 0 && seconds <= 86_400) {
            throw ValidationError("\(name) must be a number of seconds above 0 (at most 86400), e.g. 10 or 0.5")
        }
    }

    func run() async throws {
        var configuration = ServiceConfiguration(policyDirectory: policies, dataDirectory: data)
        configuration.host = host
        configuration.port = port
        configuration.reloadInterval = .milliseconds(max(10, reloadIntervalMilliseconds))
        configuration.reloadSettle = .milliseconds(max(0, reloadSettleMilliseconds))
        configuration.reloadMaxWait = .milliseconds(max(reloadSettleMilliseconds, reloadMaxWaitMilliseconds))
        configuration.reloadDeadline = .milliseconds(max(10, reloadDeadlineMilliseconds))
        configuration.watchFileWrites = !reloadByPolling
        configuration.batchParallelism = max(1, batchParallelism ?? ProcessInfo.processInfo.activeProcessorCount)
        configuration.serveVariants = serveVariants
        configuration.maxRecordBytes = maxRecordBytes
        configuration.connections.headerTimeout = .milliseconds(Int64((headerTimeout * 1000).rounded()))
        configuration.connections.bodyTimeout = .milliseconds(Int64((bodyTimeout * 1000).rounded()))
        configuration.connections.idleTimeout = .milliseconds(Int64((idleTimeout * 1000).rounded()))
        configuration.connections.maxConnections = maxConnections
        configuration.adminToken = ProcessInfo.processInfo.environment["CAREPOLICY_ADMIN_TOKEN"]
        configuration.decisionLog = DecisionLogConfiguration(enabled: !noDecisionLog, personKey: try LogKey.personKey(hashPersonIDs),
                                                             droppedFields: Set(droppedFields))
        guard FileManager.default.fileExists(atPath: policies) else {
            throw ValidationError("no policy directory at `\(policies)`; pass --policies DIR")
        }
        var logger = Logger(label: "carepolicy")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let app = try await buildApplication(configuration, logger: logger) { [host, policies, data, noDecisionLog] port in
            let log = noDecisionLog ? "off" : "\(data)/decisions.sqlite"
            Output.out("carepolicy: serving \(policies) on http://\(host):\(port.map(String.init) ?? "?") (decision log: \(log))")
        }
        try await app.runService()
    }
}

/// The decision log's key for hashing person ids, from the environment.
enum LogKey {
    static func personKey(_ wanted: Bool) throws -> [UInt8]? {
        guard wanted else { return nil }
        guard let key = ProcessInfo.processInfo.environment["CAREPOLICY_LOG_KEY"], key.utf8.count >= 16 else {
            throw ValidationError("--hash-person-ids needs CAREPOLICY_LOG_KEY in the environment: a secret of at least 16 characters")
        }
        return Array(key.utf8)
    }
}
