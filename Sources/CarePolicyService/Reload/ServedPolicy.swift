import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// A policy the service answers with: the loaded, compiled policy and when it went live.
/// Immutable; a reload replaces the whole value, so a request that holds one keeps
/// evaluating with exactly that version.
package struct ServedPolicy: Sendable {
    package let policy: LoadedPolicy
    package let loadedAt: Date
    /// A what-if variant (a file under the directory's `variants/`): listed apart, usable
    /// for what-if, and not evaluated unless the service is told to serve variants.
    package let isVariant: Bool

    /// The SHA-256 of every file it was read from, by normalized path: a reload whose
    /// directory still holds exactly these texts keeps this version without reading it.
    package let sourceHashes: [String: String]

    package init(policy: LoadedPolicy, loadedAt: Date, isVariant: Bool = false) {
        self.policy = policy
        self.loadedAt = loadedAt
        self.isVariant = isVariant
        var hashes: [String: String] = [:]
        for (path, text) in policy.sources { hashes[PolicyFiles.normalized(path)] = DirectoryFingerprint.hash(text) }
        sourceHashes = hashes
    }

    package var metadata: PolicyMetadata { policy.metadata }

    /// Whether `texts` still holds every file this version was read from, none of them held.
    func isCurrent(in texts: DirectoryFingerprint, held: Set<String>) -> Bool {
        sourceHashes.allSatisfy { texts.hashes[$0.key] == $0.value && !held.contains($0.key) }
    }
}

/// What happened the last time a policy file was read.
package struct LoadAttempt: Sendable {
    package enum Outcome: String, Sendable {
        /// A new version went live.
        case accepted
        /// The file has errors (or clashes with another file); the last good version keeps serving.
        case refused
        /// The file is as it was.
        case unchanged
    }

    package let outcome: Outcome
    package let file: String
    package let at: Date
    /// The SHA-256 of the file and what it includes, when it could be read and checked.
    package let hash: String?
    /// The errors of a refused file.
    package let diagnostics: [Diagnostic]
}

/// A change to a policy file the service has seen and not read yet, and why it waits:
/// `writing` (a writer holds the file open) or `settling` (it changed less than the
/// settle period ago). Shown at `GET /v1/policies/{id}/status` under `pending`.
package struct PendingChange: Sendable, Equatable {
    package let file: String
    /// The SHA-256 of the file's text now; nil when the file is gone.
    package let hash: String?
    /// When the file first differed from the text served.
    package let since: Date
    package let waitingFor: String
}
