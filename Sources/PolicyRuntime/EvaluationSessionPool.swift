import Synchronization
import PolicyModel

/// Sessions kept for one-off evaluations (a library call, an HTTP request), so each call
/// does not build a new flat machine: a call takes a session, evaluates, and gives it back.
/// A session is used by one call at a time. At most `capacity` idle sessions are kept.
package final class EvaluationSessionPool: Sendable {
    /// A session handed between threads whole; only one holder uses it at a time.
    private struct Held: @unchecked Sendable {
        let session: EvaluationSession
    }

    private let idle = Mutex<[Held]>([])
    private let capacity: Int

    package init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// Evaluates with an idle session (or a new one for `evaluator`), then keeps it for the next call.
    package func evaluate(_ facts: Facts, on date: CivilDate, with evaluator: PolicyEvaluator) throws(EvaluationError) -> Evaluation {
        let held = idle.withLock { $0.popLast() } ?? Held(session: EvaluationSession(evaluator))
        defer {
            idle.withLock { sessions in
                if sessions.count < capacity { sessions.append(held) }
            }
        }
        return try held.session.evaluate(facts, on: date)
    }
}
