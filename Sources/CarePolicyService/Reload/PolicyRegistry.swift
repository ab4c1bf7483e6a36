import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// The policies the service answers with, and the story of each policy file. Readers
/// take the current snapshot under a lock (a few nanoseconds); the reloader replaces
/// it whole, so no request ever sees half a reload.
package final class PolicyRegistry: Sendable {
    /// Everything served at one moment.
    package struct Snapshot: Sendable {
        package var policies: [String: ServedPolicy] = [:]
        /// The last load attempt of each policy id.
        package var attempts: [String: LoadAttempt] = [:]
        /// Files that were refused before any version of them was served, by file path.
        package var unassigned: [String: LoadAttempt] = [:]
        /// The policy id last loaded from each file.
        package var idsByFile: [String: String] = [:]
        /// Changes seen and not read yet, by file path.
        package var pending: [String: PendingChange] = [:]
        /// Whether the first load of the directory has finished.
        package var loaded = false
    }

    private let state = LockedValue(Snapshot())

    package init() {}

    package var snapshot: Snapshot { state.current }

    package func policy(_ id: String) -> ServedPolicy? {
        state.withLock { $0.policies[id] }
    }

    func update(_ change: (inout Snapshot) -> Void) {
        state.withLock { change(&$0) }
    }
}

extension PolicyRegistry.Snapshot {
    /// The live policies (not the what-if variants), by id.
    package var livePolicies: [ServedPolicy] { policies.values.filter { !$0.isVariant }.sorted { $0.metadata.id < $1.metadata.id } }
    /// The what-if variants, by id.
    package var variants: [ServedPolicy] { policies.values.filter(\.isVariant).sorted { $0.metadata.id < $1.metadata.id } }
}
