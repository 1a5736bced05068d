package dev.kdnet.sim.nic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Error queue entries laid out as Linux returns them on x86-64 (ip(7), cmsg(3)): the bytes are written here field
 * by field, the layout seen when a dual-stack epoll socket got a time exceeded from a router namespace.
 */
class ErrorQueueEntryTest {
    private static final int SOL_IP = 0;
    private static final int IP_RECVERR = 11;
    private static final int SOL_IPV6 = 41;
    private static final int IPV6_RECVERR = 25;
    private static final int SOL_SOCKET = 1;
    private static final int SO_TIMESTAMP = 29;
    private static final int ORIGIN_LOCAL = 1;
    private static final int ORIGIN_ICMP = 2;
    private static final int EHOSTUNREACH = 113;
    private static final int ECONNREFUSED = 111;
    private static final int EMSGSIZE = 90;

    @Test
    void aDualStackSocketsTimeExceededNamesTheRouterAndTheDestination() throws Exception {
        ByteBuffer control = buffer(128);
        cmsg(control, SOL_IPV6, IPV6_RECVERR, extendedError(EHOSTUNREACH, ORIGIN_ICMP, 11, 0, 0,
                sockaddrIn6("10.213.1.1", 0)));

        Optional<IcmpError> error = ErrorQueueEntry.icmpError(control.flip(),
                name(sockaddrIn6("10.213.2.2", 50000)));

        assertThat(error).contains(new IcmpError(IcmpErrorKind.TIME_EXCEEDED, 11, 0, Optional.of(ip("10.213.1.1")),
                Optional.of(new InetSocketAddress(ip("10.213.2.2"), 50000)), 0));
    }

    @Test
    void anIpv4SocketsPortUnreachableIsReadFromSockaddrIn() throws Exception {
        ByteBuffer control = buffer(128);
        cmsg(control, SOL_IP, IP_RECVERR, extendedError(ECONNREFUSED, ORIGIN_ICMP, 3, 3, 0,
                sockaddrIn("192.168.7.9", 0)));

        Optional<IcmpError> error = ErrorQueueEntry.icmpError(control.flip(),
                name(sockaddrIn("192.168.7.9", 50001)));

        assertThat(error).contains(new IcmpError(IcmpErrorKind.PORT_UNREACHABLE, 3, 3,
                Optional.of(ip("192.168.7.9")), Optional.of(new InetSocketAddress(ip("192.168.7.9"), 50001)), 0));
    }

    @Test
    void fragmentationNeededCarriesTheNextHopMtuAfterAnotherControlMessage() throws Exception {
        ByteBuffer control = buffer(256);
        cmsg(control, SOL_SOCKET, SO_TIMESTAMP, new byte[20]);
        cmsg(control, SOL_IPV6, IPV6_RECVERR, extendedError(EMSGSIZE, ORIGIN_ICMP, 3, 4, 1400,
                sockaddrIn6("10.0.0.254", 0)));

        Optional<IcmpError> error = ErrorQueueEntry.icmpError(control.flip(),
                name(sockaddrIn6("10.0.1.5", 50000)));

        assertThat(error).map(IcmpError::kind).contains(IcmpErrorKind.FRAGMENTATION_NEEDED);
        assertThat(error).map(IcmpError::info).contains(1400L);
        assertThat(error).flatMap(IcmpError::reporter).contains(ip("10.0.0.254"));
    }

    @Test
    void aLocalErrorIsNoIcmpError() {
        ByteBuffer control = buffer(128);
        cmsg(control, SOL_IP, IP_RECVERR, extendedError(EMSGSIZE, ORIGIN_LOCAL, 0, 0, 1500, new byte[16]));

        assertThat(ErrorQueueEntry.icmpError(control.flip(), name(sockaddrIn("10.0.1.5", 50000)))).isEmpty();
    }

    @Test
    void withoutAnOffenderTheReporterIsUnknown() throws Exception {
        ByteBuffer control = buffer(128);
        cmsg(control, SOL_IP, IP_RECVERR, extendedError(EHOSTUNREACH, ORIGIN_ICMP, 3, 1, 0, new byte[16]));

        Optional<IcmpError> error = ErrorQueueEntry.icmpError(control.flip(),
                name(sockaddrIn("10.0.1.5", 50000)));

        assertThat(error).map(IcmpError::kind).contains(IcmpErrorKind.HOST_UNREACHABLE);
        assertThat(error).flatMap(IcmpError::reporter).isEmpty();
    }

    @Test
    void aTruncatedOrForeignControlBufferGivesNothing() {
        ByteBuffer whole = buffer(128);
        cmsg(whole, SOL_IPV6, IPV6_RECVERR, extendedError(ECONNREFUSED, ORIGIN_ICMP, 3, 3, 0,
                sockaddrIn6("10.213.2.2", 0)));
        whole.flip();
        ByteBuffer cut = whole.duplicate().limit(20);
        ByteBuffer foreign = buffer(64);
        cmsg(foreign, SOL_SOCKET, SO_TIMESTAMP, new byte[16]);

        assertThat(ErrorQueueEntry.icmpError(cut, name(sockaddrIn6("10.213.2.2", 50000)))).isEmpty();
        assertThat(ErrorQueueEntry.icmpError(foreign.flip(), name(sockaddrIn6("10.213.2.2", 50000)))).isEmpty();
        assertThat(ErrorQueueEntry.icmpError(buffer(0), name(sockaddrIn6("10.213.2.2", 50000)))).isEmpty();
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    /** cmsghdr: size_t len, int level, int type, data, padding to 8. */
    private static void cmsg(ByteBuffer into, int level, int type, byte[] data) {
        into.putLong(16 + data.length).putInt(level).putInt(type).put(data);
        while (into.position() % 8 != 0) {
            into.put((byte) 0);
        }
    }

    /** sock_extended_err: u32 errno, u8 origin, u8 type, u8 code, u8 pad, u32 info, u32 data; then the offender. */
    private static byte[] extendedError(int errno, int origin, int type, int code, int info, byte[] offender) {
        ByteBuffer error = buffer(16 + offender.length);
        error.putInt(errno).put((byte) origin).put((byte) type).put((byte) code).put((byte) 0).putInt(info)
                .putInt(0).put(offender);
        return error.array();
    }

    /** sockaddr_in: family (host order), port and address (network order), 8 bytes of zero. */
    private static byte[] sockaddrIn(String address, int port) {
        ByteBuffer sockaddr = buffer(16);
        sockaddr.putShort((short) 2).order(ByteOrder.BIG_ENDIAN).putShort((short) port)
                .put(ip(address).getAddress());
        return sockaddr.array();
    }

    /** sockaddr_in6 with the IPv4-mapped address ::ffff:a.b.c.d. */
    private static byte[] sockaddrIn6(String address, int port) {
        ByteBuffer sockaddr = buffer(28);
        sockaddr.putShort((short) 10).order(ByteOrder.BIG_ENDIAN).putShort((short) port).putInt(0)
                .put(new byte[10]).put((byte) 0xFF).put((byte) 0xFF).put(ip(address).getAddress()).putInt(0);
        return sockaddr.array();
    }

    /** A message name: the address the failed datagram went to. */
    private static ByteBuffer name(byte[] sockaddr) {
        return ByteBuffer.wrap(sockaddr);
    }

    private static Inet4Address ip(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
