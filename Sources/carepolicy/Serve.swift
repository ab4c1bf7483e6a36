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
            instead of each person's id. See docs/http-api.md.
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

    @Option(name: .customLong("batch-parallelism"), help: "Tasks that share one evaluate-batch request (default: the number of cores).")
    var batchParallelism: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        var configuration = ServiceConfiguration(policyDirectory: policies, dataDirectory: data)
        configuration.host = host
        configuration.port = port
        configuration.reloadInterval = .milliseconds(max(10, reloadIntervalMilliseconds))
        configuration.batchParallelism = max(1, batchParallelism)
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
