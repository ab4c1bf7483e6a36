import NIOCore

/// One connection's clock: which part of an exchange it is in, and the deadline of that
/// part (`ConnectionLimits`). Fed by `ByteArrivalHandler` (first bytes of a request) and
/// `RequestPhaseHandler` (header, body and response parts); lives on the connection's
/// event loop and is touched only there.
///
/// ```text
/// idle ──first byte──▶ header ──head read──▶ body ──end read──▶ answering ──response end──▶ idle
///  60 s                 10 s                  30 s               (no limit)
/// ```
final class ConnectionDeadlines {
    enum Phase {
        case idle, header, body, answering, closed
    }

    private(set) var phase: Phase = .idle
    let limits: ConnectionLimits
    /// The context of the first handler of the pipeline: what is written there goes to the
    /// socket as it is, without the HTTP encoder.
    var socket: ChannelHandlerContext?
    private var timer: Scheduled<Void>?
    private var started = false
    /// Requests whose head was read and whose response has not been written to its end.
    private var openRequests = 0
    /// Whether the current request's response has begun (then a timeout only closes).
    private var responseBegun = false
    /// Bytes that arrived after the last request was read: the next request has begun.
    private var bytesAfterRequest = false

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    func connectionOpened() {
        guard !started else { return }
        started = true
        enter(.idle)
    }

    func bytesArrived() {
        switch phase {
        case .idle: enter(.header)
        case .answering: bytesAfterRequest = true
        default: break
        }
    }

    func headRead() {
        openRequests += 1
        responseBegun = false
        bytesAfterRequest = false
        enter(.body)
    }

    func endRead() {
        guard phase == .body else { return }
        // A response may be written before the body is read (a 404, a 413): then the
        // connection is ready for the next request as soon as the body is in.
        enter(openRequests > 0 ? .answering : (bytesAfterRequest ? .header : .idle))
    }

    func responseHeadWritten() {
        responseBegun = true
    }

    func responseEndWritten() {
        openRequests = max(0, openRequests - 1)
        guard openRequests == 0, phase == .answering else { return }
        enter(bytesAfterRequest ? .header : .idle)
    }

    func connectionClosed() {
        timer?.cancel()
        timer = nil
        phase = .closed
    }

    private func enter(_ next: Phase) {
        timer?.cancel()
        timer = nil
        phase = next
        let limit: Duration
        switch next {
        case .idle: limit = limits.idleTimeout
        case .header: limit = limits.headerTimeout
        case .body: limit = limits.bodyTimeout
        case .answering, .closed: return
        }
        guard let socket else { return }
        timer = socket.eventLoop.assumeIsolated().scheduleTask(in: Self.timeAmount(limit)) { [self] in
            self.timer = nil
            self.expired(next)
        }
    }

    private func expired(_ expiredPhase: Phase) {
        guard phase == expiredPhase, let socket else { return }
        switch expiredPhase {
        case .idle:
            socket.close(promise: nil)
        case .header:
            refuse(socket, message: "the request header did not arrive within \(Self.seconds(limits.headerTimeout)) (the service's header timeout); the connection is closed")
        case .body:
            let message = "the request body did not arrive within \(Self.seconds(limits.bodyTimeout)) of its header (the service's body timeout); the connection is closed"
            if responseBegun { socket.close(promise: nil) } else { refuse(socket, message: message) }
        case .answering, .closed:
            break
        }
        phase = .closed
    }

    /// Writes a 408 straight to the socket, then closes it.
    private func refuse(_ socket: ChannelHandlerContext, message: String) {
        let promise = socket.eventLoop.makePromise(of: Void.self)
        socket.writeAndFlush(NIOAny(RawResponse.bytes(status: "408 Request Timeout", code: "request_timeout", message: message)), promise: promise)
        promise.futureResult.assumeIsolated().whenComplete { _ in socket.close(promise: nil) }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// `10 s`, `1.5 s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        return milliseconds == 0 ? "\(seconds) s" : "\(Double(seconds) + Double(milliseconds) / 1000) s"
    }
}
