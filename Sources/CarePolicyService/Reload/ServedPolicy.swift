import CarePolicy
import Foundation

/// A policy the service answers with: the loaded, compiled policy and when it went live.
/// Immutable; a reload replaces the whole value, so a request that holds one keeps
/// evaluating with exactly that version.
public struct ServedPolicy: Sendable {
    public let policy: LoadedPolicy
    public let loadedAt: Date

    public var metadata: PolicyMetadata { policy.metadata }
}

/// What happened the last time a policy file was read.
public struct LoadAttempt: Sendable {
    public enum Outcome: String, Sendable {
        /// A new version went live.
        case accepted
        /// The file has errors (or clashes with another file); the last good version keeps serving.
        case refused
        /// The file is as it was.
        case unchanged
    }

    public let outcome: Outcome
    public let file: String
    public let at: Date
    /// The SHA-256 of the file and what it includes, when it could be read and checked.
    public let hash: String?
    /// The errors of a refused file.
    public let diagnostics: [Diagnostic]
}
