package dev.kdnet.protocol.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;

/**
 * Stateless codec between Netty's {@link DatagramPacket} and {@link KdnetEnvelope}. Inbound, the envelope's
 * payload is a view of the packet's buffer, not a copy: the envelope is passed on, and the buffer released when
 * the handlers after this one return, so they open the datagram straight from the socket's buffer. Outbound,
 * envelopes become packets. Opening and sealing stay with the session that owns the keys.
 */
@Sharable
public final class KdnetEnvelopeCodec extends ChannelDuplexHandler {
    /** The shared instance. */
    public static final KdnetEnvelopeCodec INSTANCE = new KdnetEnvelopeCodec();

    private KdnetEnvelopeCodec() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            ctx.fireChannelRead(new KdnetEnvelope(packet.sender(), packet.recipient(), packet.content().nioBuffer()));
        } finally {
            packet.release();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof KdnetEnvelope envelope) {
            ctx.write(new DatagramPacket(Unpooled.wrappedBuffer(envelope.payload()), envelope.recipient(),
                    envelope.sender()), promise);
        } else {
            ctx.write(msg, promise);
        }
    }
}
