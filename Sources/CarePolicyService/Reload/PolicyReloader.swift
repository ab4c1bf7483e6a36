import CarePolicy
import Foundation
import Logging

/// Reads the policy directory, checks and compiles every policy file, and swaps the
/// good ones into the registry at once. Only complete files are read: a changed file
/// waits until no writer holds it open and it has settled (`ReloadSchedule`); until
/// then the version served from it keeps serving. A file with errors, one that drops a
/// public name without a new version (`PolicyInterface`), or one that takes longer than
/// the deadline to check is refused: its diagnostics are logged and kept for
/// `GET /v1/policies/{id}/status`, and the last good version keeps serving.
///
/// One reload at a time (an actor with a turn); each file is checked on a thread of its
/// own and waited for at most the deadline (`DeadlineRun`), so neither the watcher nor a
/// request nor shutdown ever waits on a file for longer.
package actor PolicyReloader {
    /// What one reload did.
    package struct Summary: Sendable {
        package var accepted: [String] = []
        package var unchanged: [String] = []
        package var removed: [String] = []
        /// Files refused, with their errors.
        package var refused: [(file: String, policy: String?, diagnostics: [Diagnostic])] = []
        /// Changed files not read because a writer holds them open or they have not settled.
        package var held: [String] = []
    }

    /// How reloads are timed: see `ServiceConfiguration`.
    package struct Timing: Sendable {
        package var interval: Duration = .seconds(1)
        package var settle: Duration = .seconds(1)
        package var maxWait: Duration = .seconds(10)
        package var deadline: Duration = .seconds(10)
        package var watchFileWrites = true

        package init() {}
    }

    let directory: String
    let registry: PolicyRegistry
    let metrics: ServiceMetrics
    let logger: Logger
    let timing: Timing
    let reading: PolicyReading
    var schedule: ReloadSchedule
    let writes: FileWriteWatch?
    private var lastRead: ContinuousClock.Instant?
    /// Files whose text took longer than the deadline, with that text's hash: refused
    /// without being tried again until they change or an admin reload asks.
    var slow: [String: String] = [:]
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    package init(directory: String, registry: PolicyRegistry, metrics: ServiceMetrics, logger: Logger, timing: Timing = Timing(),
                 reading: PolicyReading = .standard) {
        self.directory = directory
        self.reading = reading
        self.registry = registry
        self.metrics = metrics
        self.logger = logger
        self.timing = timing
        schedule = ReloadSchedule(timing: .init(settle: timing.settle, maxWait: timing.maxWait))
        let watch = timing.watchFileWrites ? FileWriteWatch(directory: directory) : nil
        writes = watch
        if timing.watchFileWrites && watch == nil {
            // inotify could not start (e.g. fs.inotify.max_user_instances reached): changes are
            // then taken on the settle period alone, so a writer pausing longer can be caught
            // half-way. Say so, so that an operator publishes by renaming (docs/operations.md).
            logger.warning("inotify unavailable: reload relies on the settle period alone; publish by writing elsewhere and renaming in",
                           metadata: ["directory": "\(directory)"])
        }
    }

    /// One step of the watcher: hears of writes, reads the directory when something
    /// changed, a change is pending or the poll interval has passed, and reloads when a
    /// changed file is ready. Nil when nothing was reloaded (or another reload runs).
    @discardableResult
    package func tick() async -> Summary? {
        guard !busy else { return nil }
        let now = ContinuousClock.now
        let heard = writes?.drain() ?? []
        let due = lastRead.map { now >= $0 + timing.interval } ?? true
        guard !heard.isEmpty || due || !schedule.changes.isEmpty else { return nil }
        lastRead = now
        let read = readDirectory()
        // Events lost while the directory was read: it may hold a file being written.
        if read.lost { return nil }
        schedule.observe(read.texts, at: now)
        guard let plan = schedule.plan(writing: read.writing, at: now) else {
            publishPending(writing: read.writing, reading: [], at: now)
            return nil
        }
        publishPending(writing: read.writing, reading: plan.ready, at: now)
        await acquire()
        defer { release() }
        return await pass(read.texts, held: plan.held)
    }

    /// Reads every policy file again, changed or not, without waiting for changes to
    /// settle (files a writer holds open are still held). Nil when cancelled.
    @discardableResult
    package func reloadNow() async -> Summary? {
        await acquire()
        defer { release() }
        slow.removeAll()
        _ = writes?.drain()
        let read = readDirectory()
        schedule.observe(read.texts, at: .now)
        return await pass(read.texts, held: schedule.writingNow(read.writing))
    }

    /// The directory's texts, the files being written, and whether inotify lost events
    /// while it was read.
    private struct DirectoryRead {
        let texts: DirectoryFingerprint
        let writing: Set<String>
        var lost = false
    }

    /// The directory as read now, counting as written any file that changed while it
    /// was read.
    private func readDirectory() -> DirectoryRead {
        let texts = DirectoryFingerprint.read(directory)
        guard let writes else { return DirectoryRead(texts: texts, writing: []) }
        var during = writes.drain()
        let lost = during.remove(FileWriteWatch.lost) != nil
        return DirectoryRead(texts: texts, writing: writes.writing.union(during), lost: lost)
    }

    /// Shows the changes not read yet in the registry (for `/status` and `/readyz`).
    func publishPending(writing: Set<String>, reading: Set<String>, at now: ContinuousClock.Instant) {
        let wallNow = Date()
        var pending: [String: PendingChange] = [:]
        for (file, change) in schedule.changes {
            let waitingFor = reading.contains(file) ? "reading" : schedule.wait(file, writing: writing, at: now)?.rawValue ?? "reading"
            let age = now - change.pendingSince
            pending[file] = PendingChange(file: file, hash: change.hash,
                                          since: wallNow.addingTimeInterval(-Double(age.components.seconds) - Double(age.components.attoseconds) / 1e18),
                                          waitingFor: waitingFor)
        }
        if registry.snapshot.pending != pending { registry.update { $0.pending = pending } }
    }

    private func acquire() async {
        while busy { await withCheckedContinuation { waiting.append($0) } }
        busy = true
    }

    private func release() {
        busy = false
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}
