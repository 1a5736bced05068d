package dev.kdnet.protocol.netty;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One UDP payload with its addresses, as the KDNET layers above Netty see it: still sealed, not yet trusted.
 *
 * <p>An inbound envelope's payload is a view of Netty's receive buffer, valid only while the
 * {@code channelRead} that delivers it runs: {@link KdnetEnvelopeCodec} releases the buffer when that returns.
 * Opening it ({@link dev.kdnet.protocol.datagram.DatagramCrypto#open}) copies what the session keeps.
 *
 * @param sender    where it came from (for outgoing envelopes: {@code null}, the channel's own address)
 * @param recipient where it goes
 * @param payload   the UDP payload, a sealed KDNET datagram (not copied)
 */
public record KdnetEnvelope(InetSocketAddress sender, InetSocketAddress recipient, ByteBuffer payload) {
    public KdnetEnvelope {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(payload, "payload");
    }

    /** An envelope to send {@code payload} to {@code recipient}. */
    public static KdnetEnvelope to(InetSocketAddress recipient, byte[] payload) {
        return new KdnetEnvelope(null, recipient, ByteBuffer.wrap(payload));
    }
}
