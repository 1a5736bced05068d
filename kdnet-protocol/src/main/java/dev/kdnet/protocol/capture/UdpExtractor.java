package dev.kdnet.protocol.capture;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the IPv4/UDP datagram in a captured frame. Understands the link layers a KDNET capture comes with:
 * Ethernet (with 802.1Q tags), raw IPv4, BSD loopback, Linux cooked (SLL and SLL2).
 */
public final class UdpExtractor {
    /** LINKTYPE_NULL: BSD loopback, 4-byte address family in host order. */
    public static final int LINKTYPE_NULL = 0;
    /** LINKTYPE_ETHERNET. */
    public static final int LINKTYPE_ETHERNET = 1;
    /** LINKTYPE_RAW: the frame starts with the IP header. */
    public static final int LINKTYPE_RAW = 101;
    /** LINKTYPE_LINUX_SLL. */
    public static final int LINKTYPE_LINUX_SLL = 113;
    /** LINKTYPE_IPV4. */
    public static final int LINKTYPE_IPV4 = 228;
    /** LINKTYPE_LINUX_SLL2. */
    public static final int LINKTYPE_LINUX_SLL2 = 276;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int PROTOCOL_UDP = 17;

    private UdpExtractor() {
    }

    /** The UDP datagram in {@code frame}, or empty if the frame holds no complete, unfragmented IPv4/UDP datagram. */
    public static Optional<CapturedUdp> extract(CapturedFrame frame) {
        ByteBuffer bytes = ByteBuffer.wrap(frame.data());
        int ipOffset = ipv4Offset(frame.linkType(), bytes);
        if (ipOffset < 0) {
            return Optional.empty();
        }
        return parseIpv4(frame, bytes, ipOffset);
    }

    private static int ipv4Offset(int linkType, ByteBuffer b) {
        int limit = b.limit();
        switch (linkType) {
            case LINKTYPE_RAW, LINKTYPE_IPV4:
                return 0;
            case LINKTYPE_NULL:
                if (limit < 4) {
                    return -1;
                }
                int family = b.getInt(0);
                return family == 2 || Integer.reverseBytes(family) == 2 ? 4 : -1;
            case LINKTYPE_ETHERNET:
                int offset = 12;
                while (offset + 2 <= limit) {
                    int etherType = b.getShort(offset) & 0xFFFF;
                    if (etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ) {
                        offset += 4;
                    } else {
                        return etherType == ETHERTYPE_IPV4 ? offset + 2 : -1;
                    }
                }
                return -1;
            case LINKTYPE_LINUX_SLL:
                return limit >= 16 && (b.getShort(14) & 0xFFFF) == ETHERTYPE_IPV4 ? 16 : -1;
            case LINKTYPE_LINUX_SLL2:
                return limit >= 20 && (b.getShort(0) & 0xFFFF) == ETHERTYPE_IPV4 ? 20 : -1;
            default:
                return -1;
        }
    }

    private static Optional<CapturedUdp> parseIpv4(CapturedFrame frame, ByteBuffer b, int ip) {
        if (ip + 20 > b.limit() || (b.get(ip) & 0xF0) != 0x40) {
            return Optional.empty();
        }
        int headerLength = (b.get(ip) & 0x0F) * 4;
        int totalLength = b.getShort(ip + 2) & 0xFFFF;
        int flagsAndOffset = b.getShort(ip + 6) & 0xFFFF;
        boolean moreFragments = (flagsAndOffset & 0x2000) != 0;
        int fragmentOffset = flagsAndOffset & 0x1FFF;
        int end = Math.min(ip + totalLength, b.limit());
        int udp = ip + headerLength;
        if (headerLength < 20 || (b.get(ip + 9) & 0xFF) != PROTOCOL_UDP || moreFragments || fragmentOffset != 0
                || udp + 8 > end) {
            return Optional.empty();
        }
        int udpLength = b.getShort(udp + 4) & 0xFFFF;
        if (udpLength < 8 || udp + udpLength > end) {
            return Optional.empty();
        }
        byte[] data = frame.data();
        return Optional.of(new CapturedUdp(frame,
                socket(data, ip + 12, b.getShort(udp) & 0xFFFF),
                socket(data, ip + 16, b.getShort(udp + 2) & 0xFFFF),
                b.get(ip + 8) & 0xFF,
                (flagsAndOffset & 0x4000) != 0,
                b.getShort(ip + 4) & 0xFFFF,
                b.getShort(udp + 6) & 0xFFFF,
                Arrays.copyOfRange(data, udp + 8, udp + udpLength)));
    }

    private static InetSocketAddress socket(byte[] data, int offset, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(data, offset, offset + 4)), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
