package dev.kdnet.protocol.kd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.LittleEndian;
import java.util.Arrays;
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
 * @param payload  the payload (copied)
 */
public record KdPacket(int leader, KdPacketType type, int id, int checksum, byte[] payload) implements KdBody {
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
        if (payload.length > 0xFFFF) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes does not fit the 16-bit count");
        }
        payload = payload.clone();
    }

    /** A data packet with the checksum computed over {@code payload}. */
    public static KdPacket data(KdPacketType type, int id, byte[] payload) {
        return new KdPacket(DATA_LEADER, type, id, checksumOf(payload), payload);
    }

    /** A 16-byte control packet (byte count 0, checksum 0). */
    public static KdPacket control(KdPacketType type, int id) {
        return new KdPacket(CONTROL_LEADER, type, id, 0, new byte[0]);
    }

    /** The KD checksum: the unsigned 32-bit sum of every payload byte, wrapping. */
    public static int checksumOf(byte[] payload) {
        int sum = 0;
        for (byte b : payload) {
            sum += b & 0xFF;
        }
        return sum;
    }

    static Decoded<KdPacket> decode(byte[] body) {
        if (body.length < HEADER_LENGTH) {
            return Decoded.malformed("KD body of " + body.length + " bytes is shorter than the 16-byte header");
        }
        int leader = LittleEndian.u32(body, 0);
        if (leader != DATA_LEADER && leader != CONTROL_LEADER) {
            return Decoded.malformed(String.format("KD leader 0x%08x is neither data nor control", leader));
        }
        int count = LittleEndian.u16(body, 6);
        if (count != body.length - HEADER_LENGTH) {
            return Decoded.malformed("KD byte count " + count + " but " + (body.length - HEADER_LENGTH)
                    + " payload bytes in the datagram");
        }
        return Decoded.ok(new KdPacket(leader, KdPacketType.valueOf(LittleEndian.u16(body, 4)), LittleEndian.u32(body, 8),
                LittleEndian.u32(body, 12), Arrays.copyOfRange(body, HEADER_LENGTH, body.length)));
    }

    /** True for the control leader (ACK, RESEND, RESET travel this way). */
    public boolean isControl() {
        return leader == CONTROL_LEADER;
    }

    /** True if the checksum field equals the byte sum of the payload. */
    public boolean checksumValid() {
        return checksum == checksumOf(payload);
    }

    /** The payload (a copy). */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Payload length (the header's byte count). */
    public int byteCount() {
        return payload.length;
    }

    @Override
    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + payload.length];
        LittleEndian.putU32(out, 0, leader);
        LittleEndian.putU16(out, 4, type.value());
        LittleEndian.putU16(out, 6, payload.length);
        LittleEndian.putU32(out, 8, id);
        LittleEndian.putU32(out, 12, checksum);
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdPacket p && leader == p.leader && type.equals(p.type) && id == p.id
                && checksum == p.checksum && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leader, type, id, checksum, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return String.format("KdPacket[%s %s id=0x%08x len=%d%s]", isControl() ? "CTRL" : "DATA", type, id,
                payload.length, checksumValid() ? "" : " BAD-CHECKSUM")
                + (payload.length == 0 ? "" : " " + HexFormat.of().formatHex(payload, 0, Math.min(16, payload.length)));
    }
}
