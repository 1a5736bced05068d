package dev.kdnet.sim.nic;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty side of an {@link AgentSession}: datagrams in (a view of the packet's buffer, not a copy, released when
 * the session returns), socket errors (ICMP errors that came back) to {@link SocketErrors}, stop when the socket
 * closes.
 */
final class AgentChannelHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(TargetAgent.class);

    private final AgentSession session;
    private final SocketErrors socketErrors;

    AgentChannelHandler(AgentSession session, SocketErrors socketErrors) {
        this.session = session;
        this.socketErrors = socketErrors;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        session.receive(packet.sender(), packet.content().nioBuffer());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.stop();
        ctx.fireChannelInactive();
    }

    /**
     * A failed read of the socket (Linux reports an ICMP error that came back this way) goes to the socket errors;
     * anything else is a bug in the session or the endpoint, not bad input (that is counted and dropped): logged,
     * socket kept.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            socketErrors.reported(cause);
            return;
        }
        LOG.error("{}: unexpected error; the target keeps running", ctx.channel().localAddress(), cause);
    }
}
