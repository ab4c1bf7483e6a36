import Foundation

/// The number of client connections open now, shared by every event loop: a connection is
/// admitted while fewer than the limit are open, and leaves when it closes.
final class ConnectionCount: @unchecked Sendable {
    private let lock = NSLock()
    private var open = 0
    let limit: Int

    init(limit: Int) { self.limit = max(1, limit) }

    /// Admits one more connection; false when `limit` are open already.
    func admit() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard open < limit else { return false }
        open += 1
        return true
    }

    func leave() {
        lock.lock()
        open -= 1
        lock.unlock()
    }

    var current: Int {
        lock.lock()
        defer { lock.unlock() }
        return open
    }
}
