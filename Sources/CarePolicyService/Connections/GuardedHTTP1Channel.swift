import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 child channel with the service's connection limits: a connection
/// over `maxConnections` is answered 503 and closed, and every admitted one is timed by a
/// `ConnectionDeadlines` (header, body and idle timeouts). Hummingbird 2 offers an idle
/// timeout and a limit that stops accepting (leaving new clients waiting in the backlog);
/// neither times a header or a body, so both are done here.
///
/// ```swift
/// Application(router: router, server: GuardedHTTP1Channel.server(limits: ConnectionLimits()), …)
/// ```
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let limits: ConnectionLimits
    let count: ConnectionCount

    /// The server builder an `Application` takes.
    static func server(limits: ConnectionLimits) -> HTTPServerBuilder {
        let count = ConnectionCount(limit: limits.maxConnections)
        return HTTPServerBuilder { responder in
            GuardedHTTP1Channel(base: HTTP1Channel(responder: responder), limits: limits, count: count)
        }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admitted = count.admit()
        if admitted {
            let count = self.count
            channel.closeFuture.whenComplete { _ in count.leave() }
        } else {
            logger.warning("connection refused: the limit of open connections is reached", metadata: ["limit": "\(count.limit)"])
        }
        let limits = self.limits
        let limit = count.limit
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            guard admitted else {
                try pipeline.addHandler(ConnectionRefusalHandler(limit: limit), position: .first)
                return value
            }
            let deadlines = ConnectionDeadlines(limits: limits)
            let state = try pipeline.context(handlerType: HTTPConnectionStateHandler.self).handler
            try pipeline.addHandler(RequestPhaseHandler(deadlines), position: .before(state))
            try pipeline.addHandler(ByteArrivalHandler(deadlines), position: .first)
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
