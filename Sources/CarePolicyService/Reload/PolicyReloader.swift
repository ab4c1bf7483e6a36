import CarePolicy
import Foundation
import Logging
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// Reads the policy directory, checks and compiles every policy file, and swaps the
/// good ones into the registry at once. A file with errors is refused: its
/// diagnostics are logged and kept for `GET /v1/policies/{id}/status`, and the last
/// good version of that policy keeps serving. One reload at a time (an actor), always
/// on a task of its own, never on a request's.
package actor PolicyReloader {
    /// What one reload did.
    package struct Summary: Sendable {
        package var accepted: [String] = []
        package var unchanged: [String] = []
        package var removed: [String] = []
        /// Files refused, with their errors.
        package var refused: [(file: String, policy: String?, diagnostics: [Diagnostic])] = []
    }

    let directory: String
    let registry: PolicyRegistry
    let metrics: ServiceMetrics
    let logger: Logger
    private var fingerprint: DirectoryFingerprint?
    /// A changed directory seen once; it is loaded when the next poll sees it unchanged,
    /// so a file caught halfway through being written is not even tried.
    private var settling: DirectoryFingerprint?

    package init(directory: String, registry: PolicyRegistry, metrics: ServiceMetrics, logger: Logger) {
        self.directory = directory
        self.registry = registry
        self.metrics = metrics
        self.logger = logger
    }

    /// Reloads when some policy text changed since the last reload and has stayed the
    /// same since the previous call (one poll interval); nil when nothing was reloaded.
    @discardableResult
    package func reloadIfChanged() -> Summary? {
        let current = DirectoryFingerprint.read(directory)
        if current == fingerprint {
            settling = nil
            return nil
        }
        if current != settling {
            settling = current
            return nil
        }
        settling = nil
        return reload(current)
    }

    /// Reads every policy file again, changed or not.
    @discardableResult
    package func reloadNow() -> Summary {
        reload(DirectoryFingerprint.read(directory))
    }

    private func reload(_ current: DirectoryFingerprint) -> Summary {
        fingerprint = current
        let before = registry.snapshot
        var after = PolicyRegistry.Snapshot()
        after.loaded = true
        var summary = Summary()
        var fileOfID: [String: String] = [:]
        for file in PolicyFiles.policyFiles(under: directory) {
            let now = Date()
            let fileHash = current.hashes[file]
            switch load(file, claimed: fileOfID) {
            case .success(let loaded):
                let id = loaded.metadata.id
                fileOfID[id] = file
                after.idsByFile[file] = id
                if let served = before.policies[id], served.metadata.contentHash == loaded.metadata.contentHash, served.metadata.file == file {
                    after.policies[id] = served
                    after.attempts[id] = LoadAttempt(outcome: .unchanged, file: file, at: now, hash: fileHash, diagnostics: [])
                    summary.unchanged.append(id)
                } else {
                    after.policies[id] = ServedPolicy(policy: loaded, loadedAt: now)
                    after.attempts[id] = LoadAttempt(outcome: .accepted, file: file, at: now, hash: fileHash, diagnostics: [])
                    summary.accepted.append(id)
                    metrics.reloaded(policy: id)
                    logger.info("policy live", metadata: ["policy": "\(id)", "version": "\(loaded.metadata.version)",
                                                          "hash": "\(loaded.metadata.contentHash)", "file": "\(file)"])
                }
            case .failure(let error):
                let attempt = LoadAttempt(outcome: .refused, file: file, at: now, hash: fileHash, diagnostics: error.diagnostics)
                let id = before.idsByFile[file]
                summary.refused.append((file, id, error.diagnostics))
                metrics.reloadFailed(policy: id ?? file)
                if let id, let served = before.policies[id], fileOfID[id] == nil {
                    fileOfID[id] = file
                    after.idsByFile[file] = id
                    after.policies[id] = served
                    after.attempts[id] = attempt
                    logger.error("policy file refused; the last good version keeps serving",
                                 metadata: ["policy": "\(id)", "version": "\(served.metadata.version)", "file": "\(file)", "diagnostics": "\(error.rendered)"])
                } else {
                    after.unassigned[file] = attempt
                    logger.error("policy file refused", metadata: ["file": "\(file)", "diagnostics": "\(error.rendered)"])
                }
            }
        }
        for id in before.policies.keys where after.policies[id] == nil {
            summary.removed.append(id)
            logger.warning("policy no longer served: its file is gone", metadata: ["policy": "\(id)"])
        }
        registry.update { $0 = after }
        metrics.policiesServed(after.policies.count)
        return summary
    }

    /// Why a file was not served: its diagnostics, and their rendering for the log.
    struct Refusal: Error {
        let diagnostics: [Diagnostic]
        let rendered: String

        init(_ error: PolicyLoadError) {
            diagnostics = error.diagnostics.all
            rendered = error.rendered
        }

        init(_ message: CheckMessage, help: CheckMessage) {
            let diagnostic = Diagnostic.error(.check(message), at: nil, help: .check(help))
            diagnostics = [diagnostic]
            rendered = DiagnosticRenderer(sources: [:]).render(DiagnosticList([diagnostic]))
        }
    }

    private func load(_ file: String, claimed: [String: String]) -> Result<LoadedPolicy, Refusal> {
        let loaded: LoadedPolicy
        do {
            loaded = try LoadedPolicy.load(path: file, policyDirectory: directory)
        } catch {
            return .failure(Refusal(error))
        }
        let id = loaded.metadata.id
        if PolicyIdentifier(id) == nil {
            return .failure(Refusal(.policyIDNotServable(id), help: .servableIDs))
        }
        if let other = claimed[id] {
            return .failure(Refusal(.policyIDServed(id, by: other), help: .giveOwnID))
        }
        return .success(loaded)
    }
}
