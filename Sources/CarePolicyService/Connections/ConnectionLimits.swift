/// How long a client may take and how many may be connected at once, so that slow or
/// idle clients cannot starve the service (`carepolicy serve --header-timeout …`).
///
/// - `headerTimeout`: from a request's first byte to the end of its header.
/// - `bodyTimeout`: from the end of the header to the end of the body (the whole body,
///   not the gap between two pieces: a client sending one byte a second is still cut off).
/// - `idleTimeout`: how long an open connection may wait with no request — after it opens,
///   or after the last response was written.
/// - `maxConnections`: connections open at once; one more is answered 503 and closed.
///
/// A timeout while a request is read is answered 408 (when no response has begun) and the
/// connection is closed; an idle connection is closed without a word. The time the service
/// takes to answer is never limited here.
///
/// ```swift
/// var limits = ConnectionLimits()          // 10 s, 30 s, 60 s, 512 connections
/// limits.headerTimeout = .seconds(5)
/// ```
package struct ConnectionLimits: Sendable, Equatable {
    package var headerTimeout: Duration = .seconds(10)
    package var bodyTimeout: Duration = .seconds(30)
    package var idleTimeout: Duration = .seconds(60)
    package var maxConnections: Int = 512

    package init() {}
}
