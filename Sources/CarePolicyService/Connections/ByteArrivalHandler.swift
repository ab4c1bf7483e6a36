import NIOCore

/// First in a connection's pipeline: tells its `ConnectionDeadlines` when the connection
/// opens, when bytes arrive (so a request's header is timed from its first byte) and when
/// it closes. Passes every byte on unchanged.
final class ByteArrivalHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let deadlines: ConnectionDeadlines

    init(_ deadlines: ConnectionDeadlines) {
        self.deadlines = deadlines
    }

    func handlerAdded(context: ChannelHandlerContext) {
        deadlines.socket = context
        if context.channel.isActive { deadlines.connectionOpened() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadlines.connectionClosed()
        deadlines.socket = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        deadlines.connectionOpened()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if unwrapInboundIn(data).readableBytes > 0 { deadlines.bytesArrived() }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadlines.connectionClosed()
        context.fireChannelInactive()
    }
}
