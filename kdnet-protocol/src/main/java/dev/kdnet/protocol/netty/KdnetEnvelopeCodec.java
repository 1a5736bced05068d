package dev.kdnet.protocol.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * Stateless codec between Netty's {@link DatagramPacket} and {@link KdnetEnvelope}: inbound packets become
 * envelopes (payload copied out of the pooled buffer, which is then released), outbound envelopes become packets.
 * Opening and sealing stay with the session that owns the keys.
 */
@Sharable
public final class KdnetEnvelopeCodec extends MessageToMessageCodec<DatagramPacket, KdnetEnvelope> {
    /** The shared instance. */
    public static final KdnetEnvelopeCodec INSTANCE = new KdnetEnvelopeCodec();

    private KdnetEnvelopeCodec() {
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, KdnetEnvelope envelope, List<Object> out) {
        out.add(new DatagramPacket(Unpooled.wrappedBuffer(envelope.payload()), envelope.recipient(),
                envelope.sender()));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        out.add(new KdnetEnvelope(packet.sender(), packet.recipient(), ByteBufUtil.getBytes(packet.content())));
    }
}
