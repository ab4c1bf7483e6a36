import Foundation
import TestSupport
import Testing

/// schemathesis (PyPI) against the built `carepolicy serve` and the OpenAPI document it
/// serves: every check, a bounded number of generated requests per operation, a fixed
/// seed. The one allowance (schema-valid bodies the policy itself refuses with 400/422)
/// is explained in `Tests/Fixtures/schemathesis/schemathesis.toml`. Without schemathesis
/// installed the test fails with the command that installs it: it is part of the tests.
@Suite("schemathesis against the served OpenAPI document", .serialized)
struct SchemathesisTests {
    static let token = "schemathesis-token-0123456789"

    /// `schemathesis` on the PATH, or nil.
    static func schemathesis() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/schemathesis"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    @Test func theServiceConformsToItsDocument() async throws {
        guard let schemathesis = Self.schemathesis() else {
            Issue.record("schemathesis is not installed; install it with `pip install schemathesis` (the tests run it against the service)")
            return
        }
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let server = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data],
                                       environment: ["CAREPOLICY_ADMIN_TOKEN": Self.token])
        let port = server.port, root = harness.root
        let result = try await OffPool.run { try ChildProcess.run(schemathesis, [
            "--no-color",
            "--config-file", FixturePaths.packageRoot + "/Tests/Fixtures/schemathesis/schemathesis.toml",
            "run", "http://127.0.0.1:\(port)/openapi.json",
            "--checks", "all",
            "--max-examples", "15",
            "--seed", "20261204",
            "--request-timeout", "30",
            "--header", "Authorization: Bearer \(Self.token)",
        ], directory: root) }
        let output = String(decoding: result.out + result.err, as: UTF8.self)
        #expect(result.status == 0, "schemathesis found mismatches:\n\(output.suffix(12_000))")
        // Every operation of the document was reached, none skipped for want of a way in.
        let selected = Self.number(in: output, after: "Selected: ")
        #expect(selected != nil && selected == Self.number(in: output, after: "Tested: "), "\(output.suffix(4_000))")
        #expect((selected ?? 0) >= 17)
    }

    /// The whole number that follows `label` in `text`.
    static func number(in text: String, after label: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
