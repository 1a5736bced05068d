package dev.kdnet.protocol.kd;

import dev.kdnet.protocol.Decoded;
import java.nio.ByteBuffer;

/**
 * What one KDNET data datagram carries (kd-protocol §1.6): a whole {@link KdPacket} (no trailing 0xAA), the
 * single {@link BreakIn} byte, or the target's 12-byte {@link UnusedHello}.
 */
public sealed interface KdBody permits KdPacket, BreakIn, UnusedHello {

    /** The body bytes as they go into a datagram. */
    byte[] encode();

    /**
     * Decodes the remaining bytes of a data-datagram body (its position is left alone); never throws. A KD packet
     * whose checksum is wrong still decodes (so the receiver can answer RESEND); structural damage is
     * {@link Decoded.Malformed}. A packet's payload is a view of {@code body}, not a copy.
     */
    static Decoded<KdBody> decode(ByteBuffer body) {
        if (body.remaining() == 1) {
            int only = body.get(body.position()) & 0xFF;
            return only == BreakIn.BYTE ? Decoded.ok(BreakIn.INSTANCE)
                    : Decoded.malformed(String.format("1-byte body 0x%02x is not the break-in byte", only));
        }
        if (body.remaining() == UnusedHello.LENGTH) {
            return UnusedHello.decode(body).map(h -> h);
        }
        return KdPacket.decode(body).map(p -> p);
    }
}
