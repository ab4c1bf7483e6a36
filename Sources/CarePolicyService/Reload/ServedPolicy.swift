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
    package var isVariant = false

    package var metadata: PolicyMetadata { policy.metadata }
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
