import Crypto
import Foundation
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// The SHA-256 of every YAML file under the policy directory (included fragments too,
/// policy test files under `tests/` not), by path. Two fingerprints differ exactly
/// when some policy text changed, appeared or disappeared, whatever the file times
/// say; polling this is how the service notices an edit on every platform.
struct DirectoryFingerprint: Equatable, Sendable {
    var hashes: [String: String] = [:]

    static func read(_ directory: String) -> DirectoryFingerprint {
        var fingerprint = DirectoryFingerprint()
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return fingerprint }
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            if relative.split(separator: "/").dropLast().contains("tests") { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            fingerprint.hashes[path] = hex(SHA256.hash(data: data))
        }
        return fingerprint
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
