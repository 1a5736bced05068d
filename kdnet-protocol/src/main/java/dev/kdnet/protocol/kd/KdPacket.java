package dev.kdnet.protocol.kd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One KD packet as it travels in a KDNET data datagram (kd-protocol §1.1): the 16-byte little-endian header
 * (leader, type, byte count, id, checksum) followed by the payload, with no trailing 0xAA.
 *
 * <p>Every header field is kept as received, so a decoded packet encodes back to the same bytes even when its
 * checksum or leader is wrong; {@link #checksumValid()} says whether the checksum matches the payload.
 *
 * @param leader   the 4-byte leader as a little-endian number ({@link #DATA_LEADER} or {@link #CONTROL_LEADER})
 * @param type     the packet type
 * @param id       the packet id
 * @param checksum the checksum field as sent
 * @param payload  the payload: a read-only view of the remaining bytes of the buffer given (not copied; a decoded
 *                 packet's payload is a view of the datagram's plaintext)
 */
public record KdPacket(int leader, KdPacketType type, int id, int checksum, ByteBuffer payload) implements KdBody {
    /** Header length. */
    public static final int HEADER_LENGTH = 16;
    /** {@code 30 30 30 30}: a data packet. */
    public static final int DATA_LEADER = 0x30303030;
    /** {@code 69 69 69 69}: a control packet (ACK, RESEND, RESET). */
    public static final int CONTROL_LEADER = 0x69696969;
    /** Largest payload a receiver accepts (PACKET_MAX_SIZE); larger data packets are answered with RESEND. */
    public static final int PACKET_MAX_SIZE = 4000;

    public KdPacket {
        Objects.requireNonNull(type, "type");
        if (payload.remaining() > 0xFFFF) {
            throw new IllegalArgumentException(
                    "payload of " + payload.remaining() + " bytes does not fit the 16-bit count");
        }
        payload = WireBytes.view(payload);
    }

    /** A data packet with the checksum computed over {@code payload} (not copied: it must not change afterwards). */
    public static KdPacket data(KdPacketType type, int id, byte[] payload) {
        ByteBuffer view = WireBytes.view(payload);
        return new KdPacket(DATA_LEADER, type, id, checksumOf(view), view);
    }

    /** A 16-byte control packet (byte count 0, checksum 0). */
    public static KdPacket control(KdPacketType type, int id) {
        return new KdPacket(CONTROL_LEADER, type, id, 0, WireBytes.empty());
    }

    /** The KD checksum of the remaining bytes of {@code payload}: their unsigned 32-bit sum, wrapping. */
    public static int checksumOf(ByteBuffer payload) {
        int sum = 0;
        for (int i = payload.position(); i < payload.limit(); i++) {
            sum += payload.get(i) & 0xFF;
        }
        return sum;
    }

    static Decoded<KdPacket> decode(ByteBuffer body) {
        ByteBuffer in = WireBytes.view(body);
        int length = in.remaining();
        if (length < HEADER_LENGTH) {
            return Decoded.malformed("KD body of " + length + " bytes is shorter than the 16-byte header");
        }
        int leader = in.getInt(0);
        if (leader != DATA_LEADER && leader != CONTROL_LEADER) {
            return Decoded.malformed(String.format("KD leader 0x%08x is neither data nor control", leader));
        }
        int count = WireBytes.u16(in, 6);
        if (count != length - HEADER_LENGTH) {
            return Decoded.malformed("KD byte count " + count + " but " + (length - HEADER_LENGTH)
                    + " payload bytes in the datagram");
        }
        return Decoded.ok(new KdPacket(leader, KdPacketType.valueOf(WireBytes.u16(in, 4)), in.getInt(8),
                in.getInt(12), WireBytes.viewFrom(in, HEADER_LENGTH)));
    }

    /** True for the control leader (ACK, RESEND, RESET travel this way). */
    public boolean isControl() {
        return leader == CONTROL_LEADER;
    }

    /** True if the checksum field equals the byte sum of the payload. */
    public boolean checksumValid() {
        return checksum == checksumOf(payload);
    }

    /** A read-only view of the payload, at position 0 (its position and limit are the caller's to move). */
    @Override
    public ByteBuffer payload() {
        return payload.duplicate().order(WireBytes.ORDER);
    }

    /** Payload length (the header's byte count). */
    public int byteCount() {
        return payload.remaining();
    }

    @Override
    public byte[] encode() {
        ByteBuffer out = WireBytes.allocate(HEADER_LENGTH + payload.remaining()).putInt(0, leader)
                .putShort(4, (short) type.value()).putShort(6, (short) payload.remaining()).putInt(8, id)
                .putInt(12, checksum).put(HEADER_LENGTH, payload, 0, payload.remaining());
        return out.array();
    }

    @Override
    public String toString() {
        int length = payload.remaining();
        return String.format("KdPacket[%s %s id=0x%08x len=%d%s]", isControl() ? "CTRL" : "DATA", type, id,
                length, checksumValid() ? "" : " BAD-CHECKSUM")
                + (length == 0 ? "" : " " + HexFormat.of().formatHex(
                        WireBytes.toArray(WireBytes.view(payload, 0, Math.min(16, length)))));
    }
}
