import Foundation

/// Work waited for at most a deadline, and never past the waiting task's cancellation.
///
/// Checking a policy is plain CPU work that cannot be interrupted, so it runs on a
/// thread of its own, off Swift's cooperative pool: a request or the reload loop that
/// waits for it gets its answer, a timeout or its cancellation (graceful shutdown) on
/// time, whatever the work does. Work that outlives its wait keeps its thread until it
/// ends; its result is dropped.
///
/// ```swift
/// switch await DeadlineRun.run(within: .seconds(10)) { try? LoadedPolicy.load(path: file) } {
/// case .finished(let policy): …
/// case .timedOut, .cancelled: …
/// }
/// ```
enum DeadlineRun {
    /// How a wait ended.
    enum Outcome<Value: Sendable>: Sendable {
        case finished(Value)
        case timedOut
        case cancelled
    }

    /// Runs `work` on a new thread (with a stack as large as the main thread's) and
    /// waits for it at most `limit`.
    static func run<Value: Sendable>(within limit: Duration, _ work: @escaping @Sendable () -> Value) async -> Outcome<Value> {
        let result = OneShot<Value>()
        let thread = Thread { result.finish(.finished(work())) }
        thread.stackSize = 8 << 20
        thread.start()
        return await result.wait(within: limit)
    }

    /// Waits for `task` at most `limit` (the task goes on when the wait ends first).
    static func wait<Value: Sendable>(for task: Task<Value, Never>, within limit: Duration) async -> Outcome<Value> {
        let result = OneShot<Value>()
        Task.detached { result.finish(.finished(await task.value)) }
        return await result.wait(within: limit)
    }
}

/// The first of several outcomes, handed to one waiter.
private final class OneShot<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: DeadlineRun.Outcome<Value>?
    private var continuation: CheckedContinuation<DeadlineRun.Outcome<Value>, Never>?

    func finish(_ value: DeadlineRun.Outcome<Value>) {
        lock.lock()
        guard outcome == nil else {
            lock.unlock()
            return
        }
        outcome = value
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(returning: value)
    }

    func wait(within limit: Duration) async -> DeadlineRun.Outcome<Value> {
        let timer = Task.detached { [self] in
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            self.finish(.timedOut)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (waiting: CheckedContinuation<DeadlineRun.Outcome<Value>, Never>) in
                self.lock.lock()
                if let outcome = self.outcome {
                    self.lock.unlock()
                    waiting.resume(returning: outcome)
                } else {
                    self.continuation = waiting
                    self.lock.unlock()
                }
            }
        } onCancel: {
            self.finish(.cancelled)
        }
    }
}
