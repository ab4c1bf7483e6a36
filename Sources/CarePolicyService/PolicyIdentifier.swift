import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// A policy id as it may appear in a URL and as a file name: lowercase ASCII letters,
/// digits, `-` and `_`, starting with a letter or digit, at most 64 characters. Anything
/// else (`..`, `/`, `%2F`, spaces) is refused before it reaches the file system.
///
/// ```swift
/// PolicyIdentifier("rural-pilot")?.text   // "rural-pilot"
/// PolicyIdentifier("../etc/passwd")       // nil
/// ```
package struct PolicyIdentifier: Sendable, Hashable, CustomStringConvertible {
    package let text: String

    package init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count) else { return nil }
        for (offset, byte) in bytes.enumerated() {
            let isLetterOrDigit = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            let isSeparator = byte == 0x2D || byte == 0x5F
            if !(isLetterOrDigit || (isSeparator && offset > 0)) { return nil }
        }
        self.text = text
    }

    package var description: String { text }

    /// What an id may contain, for error messages.
    static let rule = "lowercase letters a-z, digits, `-` and `_`, starting with a letter or digit, at most 64 characters"
}
