import CarePolicy
import Foundation

/// The policies the service answers with, and the story of each policy file. Readers
/// take the current snapshot under a lock (a few nanoseconds); the reloader replaces
/// it whole, so no request ever sees half a reload.
public final class PolicyRegistry: Sendable {
    /// Everything served at one moment.
    public struct Snapshot: Sendable {
        public var policies: [String: ServedPolicy] = [:]
        /// The last load attempt of each policy id.
        public var attempts: [String: LoadAttempt] = [:]
        /// Files that were refused before any version of them was served, by file path.
        public var unassigned: [String: LoadAttempt] = [:]
        /// The policy id last loaded from each file.
        public var idsByFile: [String: String] = [:]
        /// Whether the first load of the directory has finished.
        public var loaded = false
    }

    private let state = LockedValue(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.current }

    public func policy(_ id: String) -> ServedPolicy? {
        state.withLock { $0.policies[id] }
    }

    func update(_ change: (inout Snapshot) -> Void) {
        state.withLock { change(&$0) }
    }
}
