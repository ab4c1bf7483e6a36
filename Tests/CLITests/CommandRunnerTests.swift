import Foundation
import Testing
import TestSupport

/// The runner reads standard output and standard error at the same time: a command that
/// prints far more than a pipe holds (64 KiB) to both finishes, and every byte arrives.
@Suite struct CommandRunnerTests {
    @Test func moreThanAPipeHoldsOnBothStreamsArrivesWhole() throws {
        let count = 3_000
        let file = try temporary("bad.jsonl", String(repeating: "{\"id\": 1,}\n", count: count))
        // A runner that reads one stream to its end before the other hangs here; give up on it
        // after a minute (the command itself takes a few seconds) so that the test fails instead.
        let run = Finished<CommandRunner.Result>()
        Thread { run.set(Result { try CommandRunner.run(["eval", "policies/anqing.yaml", "--facts", file, "--as-of", "2026-06-01"]) }) }.start()
        guard let result = try run.value(waitingAtMost: 60) else {
            Issue.record("`carepolicy eval` with \(count) bad lines did not finish within 60 seconds: the runner blocks on a full pipe")
            return
        }
        let message = "invalid facts: `(facts)`: not valid JSON at line 1, column 10: expected a key in double quotes"
        #expect(result.status == 1)
        #expect(result.err.utf8.count > 200_000)
        #expect(result.err == (1...count).map { "\(file):\($0): error: \(message)\n" }.joined())
        #expect(result.out == (1...count).map { "{\"line\":\($0),\"error\":\"\(message)\"}\n" }.joined())
    }
}

/// A result handed from another thread, waited for with a deadline.
final class Finished<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    func set(_ result: Result<Value, any Error>) {
        lock.withLock { self.result = result }
        done.signal()
    }

    /// The value, or nil when none came within `seconds`.
    func value(waitingAtMost seconds: Double) throws -> Value? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return try lock.withLock { result }?.get()
    }
}
