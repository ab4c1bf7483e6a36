import CarePolicy
import CarePolicyService
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// `PUT /v1/admin/policies/{id}` writes the new text beside the old file, flushes it and
/// renames it over the old one: a reader sees the old text or the new one, whole.
@Suite("Admin upload writes atomically")
struct AdminUploadTests {
    func harness() throws -> ServiceHarness {
        try ServiceHarness { configuration in
            configuration.adminToken = AdminEndpointTests.token
            configuration.reloadInterval = .seconds(3600)
            configuration.watchFileWrites = false
        }
    }

    static func inode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    }

    @Test func theNewTextReplacesTheFileInOneRename() async throws {
        let harness = try harness()
        defer { harness.remove() }
        let path = harness.path("anqing.yaml")
        let original = try harness.read("anqing.yaml")
        let edited = HotReloadTests.version(original, "2026.2")
        let oldInode = try #require(try Self.inode(path))
        // A reader that opened the file before the upload keeps reading the old text, whole.
        let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        try await harness.test { client in
            let response = try await client.put("/v1/admin/policies/anqing", body(edited), headers: AdminEndpointTests.authorized)
            #expect(response.status == .ok)
            #expect(value(response.json, "reload", "held") as? [String] == [])
        }
        #expect(try Self.inode(path) != oldInode)
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == original)
        try reader.close()
        #expect(try harness.read("anqing.yaml") == edited)
        #expect(try FileManager.default.contentsOfDirectory(atPath: harness.policies).filter { $0.hasPrefix(".upload") }.isEmpty)
    }

    /// The temporary file lies beside the file it replaces, so `extends: ../anqing.yaml`
    /// resolves for it as for the real file.
    @Test func aVariantInASubfolderIsCheckedWhereItLives() async throws {
        let harness = try harness()
        defer { harness.remove() }
        let file = "variants/anqing-hourly-rate-10.yaml"
        let edited = try harness.read(file).replacingOccurrences(of: "version: \"2026.1-whatif-rate10\"", with: "version: \"2026.2-whatif-rate10\"")
        try await harness.test { client in
            let response = try await client.put("/v1/admin/policies/anqing-hourly-rate-10", body(edited), headers: AdminEndpointTests.authorized)
            #expect(response.status == .ok, "\(response.text)")
            #expect(value(response.json, "policy", "version") as? String == "2026.2-whatif-rate10")
            #expect((value(response.json, "policy", "file") as? String)?.hasSuffix("/" + file) == true)
        }
        #expect(try harness.read(file) == edited)
        #expect(try FileManager.default.contentsOfDirectory(atPath: harness.path("variants")).filter { $0.hasPrefix(".upload") }.isEmpty)
    }
}
