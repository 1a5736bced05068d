package dev.kdnet.protocol.control;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The target's poke (Microsoft: OFFER), a 344-byte control body sent every 3 seconds (kdnet-wire §3.1):
 *
 * <pre>
 *   0  1   lead byte (0x01)          52 18  configured host address and port
 *   1  1   kind 0x01 = poke          70 18  host the target is bound to (zero until a response is accepted)
 *   2  32  nonce: LE u16 counter, then 30 bytes fixed per boot
 *  34  18  target's own address and port         88 256 reserved (zero)
 * </pre>
 *
 * @param leadByte body byte 0 (always 0x01 on the wire; kept so any value survives a round trip)
 * @param nonce    the 32-byte nonce the host must echo (copied)
 * @param target   the target's own address and port
 * @param host     the configured host address and port (bcdedit hostip/port)
 * @param bound    the host the target is currently bound to, {@link Endpoint#UNBOUND} before any response
 * @param reserved the trailing 256 bytes (copied)
 */
public record Poke(int leadByte, byte[] nonce, Endpoint target, Endpoint host, Endpoint bound, byte[] reserved)
        implements ControlMessage {
    /** Body length of a poke. */
    public static final int LENGTH = 344;
    /** Length of the nonce. */
    public static final int NONCE_LENGTH = 32;
    /** Length of the reserved tail. */
    public static final int RESERVED_LENGTH = 256;
    /** The lead byte every real poke and response carries. */
    public static final int LEAD_BYTE = 0x01;

    public Poke {
        requireLength(nonce, NONCE_LENGTH, "nonce");
        requireLength(reserved, RESERVED_LENGTH, "reserved");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(bound, "bound");
        nonce = nonce.clone();
        reserved = reserved.clone();
    }

    /** A poke as a real target builds it: lead byte 0x01 and a zero reserved tail. */
    public static Poke of(byte[] nonce, Endpoint target, Endpoint host, Endpoint bound) {
        return new Poke(LEAD_BYTE, nonce, target, host, bound, new byte[RESERVED_LENGTH]);
    }

    /**
     * A boot nonce with counter {@code counter}: bytes 0..1 the counter (little-endian), bytes 2..31 from
     * {@code bootBytes} (30 bytes, fixed for a boot).
     */
    public static byte[] nonce(int counter, byte[] bootBytes) {
        requireLength(bootBytes, NONCE_LENGTH - 2, "boot bytes");
        byte[] nonce = new byte[NONCE_LENGTH];
        nonce[0] = (byte) counter;
        nonce[1] = (byte) (counter >>> 8);
        System.arraycopy(bootBytes, 0, nonce, 2, bootBytes.length);
        return nonce;
    }

    /** Reads a poke from a big-endian buffer of exactly {@link #LENGTH} bytes, from its position on. */
    static Poke decode(ByteBuffer in) {
        int lead = in.get() & 0xFF;
        in.get();
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(nonce);
        Endpoint target = readEndpoint(in);
        Endpoint host = readEndpoint(in);
        Endpoint bound = readEndpoint(in);
        byte[] reserved = new byte[RESERVED_LENGTH];
        in.get(reserved);
        return new Poke(lead, nonce, target, host, bound, reserved);
    }

    private static Endpoint readEndpoint(ByteBuffer in) {
        byte[] address = new byte[Endpoint.ADDRESS_LENGTH];
        in.get(address);
        return new Endpoint(address, Short.toUnsignedInt(in.getShort()));
    }

    private static void writeEndpoint(ByteBuffer out, Endpoint endpoint) {
        out.put(endpoint.address()).putShort((short) endpoint.port());
    }

    static void requireLength(byte[] bytes, int length, String what) {
        WireBytes.requireLength(bytes, length, what);
    }

    /** The 16-bit counter in the first two nonce bytes (little-endian). */
    public int nonceCounter() {
        return (nonce[0] & 0xFF) | (nonce[1] & 0xFF) << 8;
    }

    /** The 30 nonce bytes after the counter, fixed for one boot of the target (a copy). */
    public byte[] bootBytes() {
        return Arrays.copyOfRange(nonce, 2, NONCE_LENGTH);
    }

    /** True if the target is not bound to a host yet (bound port 0): a host should answer this poke. */
    public boolean isUnbound() {
        return bound.isUnbound();
    }

    /** The nonce (a copy). */
    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    /** The reserved tail (a copy). */
    @Override
    public byte[] reserved() {
        return reserved.clone();
    }

    @Override
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        out.put((byte) leadByte).put((byte) KIND_POKE).put(nonce);
        writeEndpoint(out, target);
        writeEndpoint(out, host);
        writeEndpoint(out, bound);
        out.put(reserved);
        return out.array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Poke p && leadByte == p.leadByte && Arrays.equals(nonce, p.nonce)
                && target.equals(p.target) && host.equals(p.host) && bound.equals(p.bound)
                && Arrays.equals(reserved, p.reserved);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leadByte, Arrays.hashCode(nonce), target, host, bound, Arrays.hashCode(reserved));
    }

    @Override
    public String toString() {
        return "Poke[nonce=" + HexFormat.of().formatHex(nonce) + " target=" + target + " host=" + host + " bound="
                + bound + "]";
    }
}
