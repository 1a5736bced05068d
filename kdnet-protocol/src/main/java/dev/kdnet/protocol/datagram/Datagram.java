package dev.kdnet.protocol.datagram;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The meaning of one KDNET datagram: version byte, channel, 56-bit sequence number, direction and body (the
 * plaintext after the 8-byte KDNET header, without pad). Sealing it with {@link DatagramCrypto} gives the bytes on
 * the wire; opening wire bytes gives one back.
 *
 * @param version  the protocol version byte (any value 0..255 is carried and echoed)
 * @param channel  data or control
 * @param sequence the sequence number, 0..2^56-1
 * @param direction who sends it
 * @param body     the body bytes (defensively copied)
 */
public record Datagram(int version, Channel channel, long sequence, Direction direction, byte[] body) {
    /** Largest sequence number the 56-bit field holds. */
    public static final long MAX_SEQUENCE = (1L << 56) - 1;

    public Datagram {
        if (version < 0 || version > 0xFF) {
            throw new IllegalArgumentException("version " + version + " does not fit in a byte");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence " + sequence + " is outside 0..2^56-1");
        }
        body = body.clone();
    }

    /** The body bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Length of the body in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** Number of zero pad bytes that sealing adds so that header + body fill whole AES blocks. */
    public int padLength() {
        return (16 - (KdnetHeader.LENGTH + body.length) % 16) % 16;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Datagram d && version == d.version && channel == d.channel && sequence == d.sequence
                && direction == d.direction && Arrays.equals(body, d.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, channel, sequence, direction, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(body, 0, Math.min(body.length, 32));
        return "Datagram[v" + version + " " + channel + " " + direction.arrow() + " seq=" + sequence + " body="
                + body.length + "B " + hex + (body.length > 32 ? "…" : "") + "]";
    }
}
