import Foundation

/// Runs blocking work — waiting on a child process, a socket, a large file — on a thread of
/// its own, so that it does not hold one of the few threads of Swift's cooperative pool.
/// Tests run in parallel on that pool: a test that blocks it for seconds starves every
/// async test of the run (a server under load, a hot reload waiting for answers).
///
/// ```swift
/// let result = try await OffPool.run { try ChildProcess.run(tool, arguments) }
/// #expect(result.status == 0)
/// ```
/// Record expectations on what it returns, after it returns: `#expect` belongs to the
/// test's task, not to the thread.
public enum OffPool {
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
