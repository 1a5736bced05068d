package dev.kdnet.protocol.control;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The host's response to a poke, a 322-byte control body (kdnet-wire §3.2): lead byte 0x01, kind 0x02, the poke's
 * 32-byte nonce verbatim, 32 random host-nonce bytes, 256 zero bytes. Its body, exactly as sent, keys the data
 * channel: D = SHA-256(K || body).
 *
 * @param leadByte    body byte 0 (0x01 on the wire)
 * @param echoedNonce the nonce of the poke being answered (copied)
 * @param hostNonce   32 random bytes chosen by the host (copied)
 * @param reserved    the trailing 256 bytes (copied)
 */
public record ControlResponse(int leadByte, byte[] echoedNonce, byte[] hostNonce, byte[] reserved)
        implements ControlMessage {
    /** Body length of a response. */
    public static final int LENGTH = 322;

    public ControlResponse {
        Poke.requireLength(echoedNonce, Poke.NONCE_LENGTH, "echoed nonce");
        Poke.requireLength(hostNonce, Poke.NONCE_LENGTH, "host nonce");
        Poke.requireLength(reserved, Poke.RESERVED_LENGTH, "reserved");
        echoedNonce = echoedNonce.clone();
        hostNonce = hostNonce.clone();
        reserved = reserved.clone();
    }

    /** The response a host sends to {@code poke}, with a host nonce drawn from {@code random}. */
    public static ControlResponse answering(Poke poke, RandomGenerator random) {
        byte[] hostNonce = new byte[Poke.NONCE_LENGTH];
        random.nextBytes(hostNonce);
        return new ControlResponse(Poke.LEAD_BYTE, poke.nonce(), hostNonce, new byte[Poke.RESERVED_LENGTH]);
    }

    /** Reads a response from a buffer of exactly {@link #LENGTH} bytes, from its position on. */
    static ControlResponse decode(ByteBuffer in) {
        int lead = in.get() & 0xFF;
        in.get();
        byte[] echoed = new byte[Poke.NONCE_LENGTH];
        byte[] host = new byte[Poke.NONCE_LENGTH];
        byte[] reserved = new byte[Poke.RESERVED_LENGTH];
        in.get(echoed).get(host).get(reserved);
        return new ControlResponse(lead, echoed, host, reserved);
    }

    /** True if this response echoes {@code nonce}. */
    public boolean echoes(byte[] nonce) {
        return Arrays.equals(echoedNonce, nonce);
    }

    /** The echoed nonce (a copy). */
    @Override
    public byte[] echoedNonce() {
        return echoedNonce.clone();
    }

    /** The host nonce (a copy). */
    @Override
    public byte[] hostNonce() {
        return hostNonce.clone();
    }

    /** The reserved tail (a copy). */
    @Override
    public byte[] reserved() {
        return reserved.clone();
    }

    @Override
    public byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put((byte) leadByte).put((byte) KIND_RESPONSE).put(echoedNonce)
                .put(hostNonce).put(reserved).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlResponse r && leadByte == r.leadByte && Arrays.equals(echoedNonce, r.echoedNonce)
                && Arrays.equals(hostNonce, r.hostNonce) && Arrays.equals(reserved, r.reserved);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leadByte, Arrays.hashCode(echoedNonce), Arrays.hashCode(hostNonce),
                Arrays.hashCode(reserved));
    }

    @Override
    public String toString() {
        return "ControlResponse[echoed=" + HexFormat.of().formatHex(echoedNonce) + "]";
    }
}
