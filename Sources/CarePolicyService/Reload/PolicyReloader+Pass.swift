import CarePolicy
import Foundation
import PolicyModel

extension PolicyReloader {
    /// Why a file was not served: its diagnostics, and their rendering for the log.
    struct Refusal: Error {
        let diagnostics: [Diagnostic]
        let rendered: String

        init(_ error: PolicyLoadError) {
            diagnostics = error.diagnostics.all
            rendered = error.rendered
        }

        init(_ diagnostic: Diagnostic, sources: [String: String] = [:]) {
            diagnostics = [diagnostic]
            rendered = DiagnosticRenderer(sources: sources).render(DiagnosticList([diagnostic]))
        }

        init(_ message: CheckMessage, help: CheckMessage) {
            self.init(Diagnostic.error(.check(message), at: nil, help: .check(help)))
        }

        /// A file that took longer than the deadline to check.
        static func slow(_ file: String, deadline: Duration) -> Refusal {
            Refusal(.checkTooSlow(file: file, deadline: "\(deadline)"), help: .findWhatTakesTime)
        }
    }

    /// Reads every policy file but the held ones (whose last served version keeps
    /// serving), refuses what may not be served, and swaps the result in at once. Nil
    /// when the waiting task was cancelled (shutdown): nothing changes then.
    func pass(_ current: DirectoryFingerprint, held: Set<String>) async -> Summary? {
        let before = registry.snapshot
        var after = PolicyRegistry.Snapshot()
        after.loaded = true
        var summary = Summary()
        var notTaken = held
        var fileOfID: [String: String] = [:]
        // The policy files as read (not as they may be on disk by now, half rewritten).
        var files = Set(current.contents.compactMap { path, data in PolicyFiles.isPolicy(String(decoding: data, as: UTF8.self)) ? path : nil })
        // A file being rewritten may not show its `policy:` line yet: it still serves.
        for file in before.idsByFile.keys where held.contains(file) { files.insert(file) }
        for file in files.sorted() {
            guard !held.contains(file), let hash = current.hashes[file] else {
                notTaken.insert(file)
                if keep(file, before: before, after: &after, fileOfID: &fileOfID) || held.contains(file) { summary.held.append(file) }
                continue
            }
            if let id = before.idsByFile[file], let served = before.policies[id], served.metadata.file == file, fileOfID[id] == nil {
                if served.isCurrent(in: current, held: held) {
                    // Exactly the texts it was read from: nothing to check again.
                    record(.success(served.policy), file: file, hash: hash, before: before, after: &after, fileOfID: &fileOfID, summary: &summary)
                    continue
                }
                if served.sourceHashes.keys.contains(where: held.contains) {
                    // A file it reads (a shared include) is being written: wait for it.
                    notTaken.insert(file)
                    _ = keep(file, before: before, after: &after, fileOfID: &fileOfID)
                    summary.held.append(file)
                    continue
                }
            }
            let outcome: Result<LoadedPolicy, Refusal>
            if slow[file] == hash {
                outcome = .failure(.slow(file, deadline: timing.deadline))
            } else {
                let (directory, load, contents) = (self.directory, reading.load, current.contents)
                switch await DeadlineRun.run(within: timing.deadline, { load(file, directory, contents) }) {
                case .cancelled:
                    return nil
                case .timedOut:
                    slow[file] = hash
                    logger.warning("policy file took longer than the reload deadline; refused", metadata: ["file": "\(file)"])
                    outcome = .failure(.slow(file, deadline: timing.deadline))
                case .finished(let result):
                    let read = (try? result.get())?.sources ?? (result.failure?.sources ?? [:])
                    if read.keys.contains(where: { held.contains(PolicyFiles.normalized($0)) }) {
                        // It reads a file being written (newly included): wait for it.
                        notTaken.insert(file)
                        _ = keep(file, before: before, after: &after, fileOfID: &fileOfID)
                        summary.held.append(file)
                        continue
                    }
                    outcome = result.mapError { Refusal($0) }.flatMap { admit($0, claimed: fileOfID, before: before) }
                }
            }
            record(outcome, file: file, hash: hash, before: before, after: &after, fileOfID: &fileOfID, summary: &summary)
        }
        for id in before.policies.keys where after.policies[id] == nil {
            summary.removed.append(id)
            logger.warning("policy no longer served: its file is gone", metadata: ["policy": "\(id)"])
        }
        for path in Set(current.hashes.keys).union(schedule.taken.keys) where !notTaken.contains(path) {
            schedule.took(path, hash: current.hashes[path])
        }
        let stillPending = Set(schedule.changes.keys)
        registry.update { snapshot in
            let pending = snapshot.pending
            snapshot = after
            snapshot.pending = pending.filter { stillPending.contains($0.key) }
        }
        metrics.policiesServed(after.livePolicies.count, variants: after.variants.count)
        return summary
    }

    /// A loaded policy that may be served in place of what `before` serves, or why not.
    private func admit(_ loaded: LoadedPolicy, claimed: [String: String], before: PolicyRegistry.Snapshot) -> Result<LoadedPolicy, Refusal> {
        let id = loaded.metadata.id
        if PolicyIdentifier(id) == nil {
            return .failure(Refusal(.policyIDNotServable(id), help: .servableIDs))
        }
        if let other = claimed[id] {
            return .failure(Refusal(.policyIDServed(id, by: other), help: .giveOwnID))
        }
        if let served = before.policies[id], let refusal = PolicyInterface.refusal(replacing: served.policy, with: loaded) {
            return .failure(Refusal(refusal, sources: loaded.sources))
        }
        return .success(loaded)
    }

    /// Keeps what `before` showed for a file not read this time; true when a policy
    /// served from it keeps serving.
    private func keep(_ file: String, before: PolicyRegistry.Snapshot, after: inout PolicyRegistry.Snapshot, fileOfID: inout [String: String]) -> Bool {
        if let attempt = before.unassigned[file] { after.unassigned[file] = attempt }
        guard let id = before.idsByFile[file], fileOfID[id] == nil else { return false }
        fileOfID[id] = file
        after.idsByFile[file] = id
        if let attempt = before.attempts[id] { after.attempts[id] = attempt }
        guard let served = before.policies[id] else { return false }
        after.policies[id] = served
        return true
    }

    /// Puts the outcome of reading one file into `after`, the summary, the log and the metrics.
    private func record(_ outcome: Result<LoadedPolicy, Refusal>, file: String, hash: String, before: PolicyRegistry.Snapshot,
                        after: inout PolicyRegistry.Snapshot, fileOfID: inout [String: String], summary: inout Summary) {
        let now = Date()
        switch outcome {
        case .success(let loaded):
            let id = loaded.metadata.id
            fileOfID[id] = file
            after.idsByFile[file] = id
            let isVariant = PolicyFiles.isVariant(file, under: directory)
            if let served = before.policies[id], served.metadata.contentHash == loaded.metadata.contentHash, served.metadata.file == file,
               served.isVariant == isVariant {
                after.policies[id] = served
                after.attempts[id] = LoadAttempt(outcome: .unchanged, file: file, at: now, hash: hash, diagnostics: [])
                summary.unchanged.append(id)
            } else {
                after.policies[id] = ServedPolicy(policy: loaded, loadedAt: now, isVariant: isVariant)
                after.attempts[id] = LoadAttempt(outcome: .accepted, file: file, at: now, hash: hash, diagnostics: [])
                summary.accepted.append(id)
                metrics.reloaded(policy: id)
                logger.info(isVariant ? "what-if variant loaded (listed apart, for what-if)" : "policy live", metadata: ["policy": "\(id)", "version": "\(loaded.metadata.version)",
                                                      "hash": "\(loaded.metadata.contentHash)", "file": "\(file)"])
            }
        case .failure(let refusal):
            let attempt = LoadAttempt(outcome: .refused, file: file, at: now, hash: hash, diagnostics: refusal.diagnostics)
            let id = before.idsByFile[file]
            summary.refused.append((file, id, refusal.diagnostics))
            metrics.reloadFailed(policy: id ?? file)
            if let id, let served = before.policies[id], fileOfID[id] == nil {
                fileOfID[id] = file
                after.idsByFile[file] = id
                after.policies[id] = served
                after.attempts[id] = attempt
                logger.error("policy file refused; the last good version keeps serving",
                             metadata: ["policy": "\(id)", "version": "\(served.metadata.version)", "file": "\(file)", "diagnostics": "\(refusal.rendered)"])
            } else {
                after.unassigned[file] = attempt
                logger.error("policy file refused", metadata: ["file": "\(file)", "diagnostics": "\(refusal.rendered)"])
            }
        }
    }
}

extension Result {
    /// The error of a failure.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
