/// When a changed policy file may be read, so that only complete files are served.
///
/// A file whose text differs from the text last taken is *pending*. It is ready when no
/// writer holds it open (inotify says so on Linux) and either its text has stayed the
/// same for the settle period, or it has been pending for the maximum wait (a file that
/// changes without pause is still taken, at a moment it is closed). Pending files that
/// are not ready are *held*: a reload keeps serving what it served from them.
///
/// ```swift
/// var schedule = ReloadSchedule(timing: .init(settle: .seconds(1), maxWait: .seconds(10)), taken: fingerprint)
/// schedule.observe(DirectoryFingerprint.read("policies"), at: .now)
/// if let plan = schedule.plan(writing: [], at: .now) { … reload, holding plan.held … }
/// ```
package struct ReloadSchedule: Sendable {
    package typealias Instant = ContinuousClock.Instant

    /// The settle period and the maximum wait.
    package struct Timing: Sendable {
        package var settle: Duration
        package var maxWait: Duration

        package init(settle: Duration, maxWait: Duration) {
            self.settle = settle
            self.maxWait = maxWait
        }
    }

    /// A file whose text differs from the text last taken.
    package struct Change: Sendable, Equatable {
        /// The SHA-256 of its text now; nil when the file is gone.
        package var hash: String?
        /// When this text was first seen.
        package var seenSince: Instant
        /// When the file first differed from the text taken.
        package var pendingSince: Instant
    }

    /// Why a pending file is not read yet.
    package enum Wait: String, Sendable, Equatable {
        /// A writer holds it open.
        case writing
        /// Its text has not stayed the same for the settle period yet.
        case settling
    }

    /// The files to read now and the pending ones to hold.
    package struct Plan: Sendable, Equatable {
        package var ready: Set<String>
        package var held: Set<String>

        package init(ready: Set<String>, held: Set<String>) {
            self.ready = ready
            self.held = held
        }
    }

    package let timing: Timing
    /// The hash of each file as the last reload took it.
    package private(set) var taken: [String: String]
    package private(set) var changes: [String: Change] = [:]

    package init(timing: Timing, taken: DirectoryFingerprint = DirectoryFingerprint()) {
        self.timing = timing
        self.taken = taken.hashes
    }

    /// Records what the directory holds at `now`.
    package mutating func observe(_ fingerprint: DirectoryFingerprint, at now: Instant) {
        for path in Set(taken.keys).union(fingerprint.hashes.keys).union(changes.keys) {
            let current = fingerprint.hashes[path]
            if current == taken[path] {
                changes[path] = nil
            } else if var change = changes[path] {
                if change.hash != current {
                    change.hash = current
                    change.seenSince = now
                    changes[path] = change
                }
            } else {
                changes[path] = Change(hash: current, seenSince: now, pendingSince: now)
            }
        }
    }

    /// Why a pending file waits at `now`; nil when it is ready (or not pending).
    package func wait(_ path: String, writing: Set<String>, at now: Instant) -> Wait? {
        guard let change = changes[path] else { return nil }
        if writing.contains(path) { return .writing }
        if now >= change.seenSince + timing.settle || now >= change.pendingSince + timing.maxWait { return nil }
        return .settling
    }

    /// The pending files to read now and those to hold; nil when none is ready.
    package func plan(writing: Set<String>, at now: Instant) -> Plan? {
        var plan = Plan(ready: [], held: [])
        for path in changes.keys {
            if wait(path, writing: writing, at: now) == nil { plan.ready.insert(path) } else { plan.held.insert(path) }
        }
        return plan.ready.isEmpty ? nil : plan
    }

    /// Every pending file held by a writer (for an explicit reload, which does not wait
    /// for files to settle).
    package func writingNow(_ writing: Set<String>) -> Set<String> {
        Set(changes.keys.filter { writing.contains($0) })
    }

    /// The earliest moment a settling file becomes ready, if one is settling.
    package func nextReady(writing: Set<String>) -> Instant? {
        changes.filter { !writing.contains($0.key) }
            .map { min($0.value.seenSince + timing.settle, $0.value.pendingSince + timing.maxWait) }
            .min()
    }

    /// A reload read `path` with this hash (nil: the file is gone) and serves what it read.
    package mutating func took(_ path: String, hash: String?) {
        taken[path] = hash
        if let change = changes[path], change.hash == hash { changes[path] = nil }
    }
}
