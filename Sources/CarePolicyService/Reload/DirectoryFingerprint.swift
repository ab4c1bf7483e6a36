import CarePolicy
import Crypto
import Foundation

/// Every YAML file under the policy directory (included fragments too, policy test
/// files under `tests/` not) as read at one moment, with its SHA-256, by normalized
/// path. Two fingerprints differ exactly when some policy text changed, appeared or
/// disappeared, whatever the file times say; reading this is how the service notices
/// an edit on every platform. A reload checks exactly these bytes, never the files
/// again, so what it serves is what was judged complete.
package struct DirectoryFingerprint: Equatable, Sendable {
    package var hashes: [String: String] = [:]
    /// The bytes read, by the same paths.
    package var contents: [String: Data] = [:]

    package init(hashes: [String: String] = [:]) { self.hashes = hashes }

    package static func read(_ directory: String) -> DirectoryFingerprint {
        var fingerprint = DirectoryFingerprint()
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return fingerprint }
        while let relative = enumerator.nextObject() as? String {
            guard isPolicyText(relative) else { continue }
            let path = PolicyFiles.normalized(directory + "/" + relative)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            fingerprint.hashes[path] = hash(String(decoding: data, as: UTF8.self))
            fingerprint.contents[path] = data
        }
        return fingerprint
    }

    /// Whether a path (relative to the policy directory) names policy text: a YAML file
    /// outside `tests/` folders.
    static func isPolicyText(_ relative: String) -> Bool {
        guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { return false }
        return !relative.split(separator: "/").dropLast().contains("tests")
    }

    /// The hash of a text as the loader decodes it (bytes that are not UTF-8 count as
    /// U+FFFD, as in the loader's copy): the SHA-256 of the file for UTF-8 text.
    package static func hash(_ text: String) -> String { hex(SHA256.hash(data: Data(text.utf8))) }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
