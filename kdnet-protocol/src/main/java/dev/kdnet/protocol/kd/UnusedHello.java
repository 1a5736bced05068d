package dev.kdnet.protocol.kd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * The target's first data datagram after the KDNET handshake (kd-protocol §1.6): 12 bytes, leader 0, type UNUSED,
 * byte count 0 and an id field that holds the host's IPv4 address as a little-endian number (192.168.2.1 is
 * {@code 01 02 A8 C0}). It has no checksum field.
 *
 * @param id the id field (the host's IPv4 address as an unsigned 32-bit number)
 */
public record UnusedHello(int id) implements KdBody {
    /** Length of the hello body. */
    public static final int LENGTH = 12;

    /** The hello naming {@code host}. */
    public static UnusedHello naming(Inet4Address host) {
        byte[] a = host.getAddress();
        return new UnusedHello((a[0] & 0xFF) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | (a[3] & 0xFF));
    }

    /** The host address the id field names. */
    public Inet4Address hostAddress() {
        byte[] a = {(byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
        try {
            return (Inet4Address) InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    static Decoded<UnusedHello> decode(ByteBuffer body) {
        ByteBuffer in = WireBytes.view(body);
        if (in.getLong(0) != 0) {
            return Decoded.malformed("12-byte body that is not an UNUSED hello (leader, type or count not 0)");
        }
        return Decoded.ok(new UnusedHello(in.getInt(8)));
    }

    @Override
    public byte[] encode() {
        return WireBytes.allocate(LENGTH).putInt(8, id).array();
    }

    @Override
    public String toString() {
        return "UnusedHello[" + hostAddress().getHostAddress() + "]";
    }
}
