import NIOCore

/// Put first in the pipeline of a connection over the limit: answers 503
/// `too_many_connections` as soon as the connection is active, reads nothing, and closes
/// it. The connections already open are not disturbed.
final class ConnectionRefusalHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let limit: Int
    private var answered = false

    init(limit: Int) {
        self.limit = limit
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { refuse(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        refuse(context)
    }

    /// The request is not read: nothing reaches the service.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    private func refuse(_ context: ChannelHandlerContext) {
        guard !answered else { return }
        answered = true
        let message = "the service already has \(limit) open connections, its limit; try again in a moment (the limit is `carepolicy serve --max-connections`)"
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(NIOAny(RawResponse.bytes(status: "503 Service Unavailable", code: "too_many_connections", message: message, retryAfter: 1)),
                              promise: promise)
        promise.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
