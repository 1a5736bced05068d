package dev.kdnet.protocol.datagram;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
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
 * @param body     the body bytes: a read-only view of the remaining bytes of the buffer given (not copied; an
 *                 opened datagram's body is a view of its decrypted plaintext)
 */
public record Datagram(int version, Channel channel, long sequence, Direction direction, ByteBuffer body) {
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
        body = WireBytes.view(body);
    }

    /** A datagram with body {@code body} (not copied: it must not change afterwards). */
    public static Datagram of(int version, Channel channel, long sequence, Direction direction, byte[] body) {
        return new Datagram(version, channel, sequence, direction, ByteBuffer.wrap(body));
    }

    /** A read-only view of the body bytes, at position 0 (its position and limit are the caller's to move). */
    @Override
    public ByteBuffer body() {
        return body.duplicate().order(WireBytes.ORDER);
    }

    /** Length of the body in bytes. */
    public int bodyLength() {
        return body.remaining();
    }

    /** Number of zero pad bytes that sealing adds so that header + body fill whole AES blocks. */
    public int padLength() {
        return (16 - (KdnetHeader.LENGTH + body.remaining()) % 16) % 16;
    }

    @Override
    public String toString() {
        int length = body.remaining();
        String hex = HexFormat.of().formatHex(WireBytes.toArray(WireBytes.view(body, 0, Math.min(length, 32))));
        return "Datagram[v" + version + " " + channel + " " + direction.arrow() + " seq=" + sequence + " body="
                + length + "B " + hex + (length > 32 ? "…" : "") + "]";
    }
}
