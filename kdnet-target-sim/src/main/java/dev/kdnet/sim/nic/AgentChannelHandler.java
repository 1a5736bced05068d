package dev.kdnet.sim.nic;

import dev.kdnet.protocol.netty.KdnetEnvelope;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects an agent's socket to its {@link AgentSession}: datagrams in, stop when the socket closes. */
final class AgentChannelHandler extends SimpleChannelInboundHandler<KdnetEnvelope> {
    private static final Logger LOG = LoggerFactory.getLogger(TargetAgent.class);

    private final AgentSession session;

    AgentChannelHandler(AgentSession session) {
        this.session = session;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, KdnetEnvelope envelope) {
        session.receive(envelope);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.stop();
        ctx.fireChannelInactive();
    }

    /** A bug in the session or the endpoint, not bad input (that is counted and dropped): logged, socket kept. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.error("{}: unexpected error; the target keeps running", ctx.channel().localAddress(), cause);
    }
}
