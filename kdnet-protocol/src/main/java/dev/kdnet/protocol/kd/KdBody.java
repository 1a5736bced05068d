package dev.kdnet.protocol.kd;

import dev.kdnet.protocol.Decoded;

/**
 * What one KDNET data datagram carries (kd-protocol §1.6): a whole {@link KdPacket} (no trailing 0xAA), the
 * single {@link BreakIn} byte, or the target's 12-byte {@link UnusedHello}.
 */
public sealed interface KdBody permits KdPacket, BreakIn, UnusedHello {

    /** The body bytes as they go into a datagram. */
    byte[] encode();

    /**
     * Decodes a data-datagram body; never throws. A KD packet whose checksum is wrong still decodes (so the
     * receiver can answer RESEND); structural damage is {@link Decoded.Malformed}.
     */
    static Decoded<KdBody> decode(byte[] body) {
        if (body.length == 1) {
            return (body[0] & 0xFF) == BreakIn.BYTE ? Decoded.ok(BreakIn.INSTANCE)
                    : Decoded.malformed(String.format("1-byte body 0x%02x is not the break-in byte", body[0] & 0xFF));
        }
        if (body.length == UnusedHello.LENGTH) {
            return UnusedHello.decode(body).map(h -> h);
        }
        return KdPacket.decode(body).map(p -> p);
    }
}
