import CarePolicyService
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import CarePolicy
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// A service under test: its own copy of the policies and its own data directory,
/// both in a fresh temporary folder, so tests may edit files and run in parallel.
struct ServiceHarness {
    let root: String
    var configuration: ServiceConfiguration

    var policies: String { configuration.policyDirectory }
    var data: String { configuration.dataDirectory }

    init(copyPolicies: Bool = true, configure: (inout ServiceConfiguration) -> Void = { _ in }) throws {
        root = NSTemporaryDirectory() + "carepolicy-service-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let policies = root + "/policies"
        if copyPolicies {
            try FileManager.default.copyItem(atPath: FixturePaths.packageRoot + "/policies", toPath: policies)
        } else {
            try FileManager.default.createDirectory(atPath: policies, withIntermediateDirectories: true)
        }
        configuration = ServiceConfiguration(policyDirectory: policies, dataDirectory: root + "/data")
        configuration.port = 0
        configuration.reloadInterval = .milliseconds(50)
        configuration.reloadSettle = .milliseconds(100)
        configuration.decisionLog.flushInterval = .milliseconds(20)
        configure(&configuration)
    }

    /// Runs `test` against the service in-process (HummingbirdTesting's router client);
    /// what the service logs goes to `log` when one is given.
    func test<Value: Sendable>(log: LogRecorder? = nil, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "carepolicy-test")
        logger.logLevel = .critical
        let app = try await buildApplication(configuration, logger: log?.logger ?? logger)
        return try await app.test(.router, test)
    }

    func path(_ relative: String) -> String { policies + "/" + relative }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    /// Replaces a policy file in one rename, as editors and `cp` onto a temp name then `mv` do.
    func write(_ relative: String, _ text: String) throws {
        let temporary = path(relative) + ".tmp-\(UUID().uuidString)"
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary, path(relative)) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// A JSON body for requests.
func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// Facts of the sample person under `evaluate`'s envelope.
func evaluationBody(_ changes: [String: Any] = [:], asOf: String = "2026-06-01", explain: Bool = false) -> ByteBuffer {
    body("{\"facts\":\(SamplePerson.json(changes)),\"as_of\":\"\(asOf)\",\"explain\":\(explain)}")
}

extension TestResponse {
    /// The body parsed as a JSON object (an empty one when it is not).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var text: String { String(buffer: body) }

    /// `error.code` of an error body.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    var errorField: String? { (json["error"] as? [String: Any])?["field"] as? String }
}

/// Reads nested values: `value(json, "policy", "version")`.
func value(_ object: Any?, _ path: String...) -> Any? {
    var current = object
    for key in path {
        if let index = Int(key), let array = current as? [Any] {
            current = index < array.count ? array[index] : nil
        } else {
            current = (current as? [String: Any])?[key]
        }
    }
    return current
}
