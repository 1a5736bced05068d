package dev.kdnet.host.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a port's datagrams to its {@link TargetSession}; the Netty side of the session, and nothing more. The
 * session gets a view of the packet's buffer, not a copy, and opens the datagram straight from it; the packet is
 * released when the session returns (nothing decoded keeps the buffer: opening writes the plaintext elsewhere).
 */
final class SessionChannelHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(TargetSession.class);

    private final TargetSession session;

    SessionChannelHandler(TargetSession session) {
        this.session = session;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        session.receive(packet.sender(), packet.content().nioBuffer());
    }

    /** A bug in the session, not bad input (that is counted and dropped): logged, the port kept. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.error("UDP {}: unexpected error; the port keeps listening", session.port(), cause);
    }
}
