package dev.kdnet.sim.nic;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Reads one entry of a Linux socket's error queue, as {@code recvmsg(MSG_ERRQUEUE)} returns it on a 64-bit system
 * (ip(7) IP_RECVERR): the control messages, one of which holds a {@code struct sock_extended_err} followed by the
 * offender's address, and the message name, the address the failed datagram was sent to.
 *
 * <p>Epoll's sockets are dual-stack, so an IPv4 datagram's error comes as {@code IPV6_RECVERR} with IPv4-mapped
 * {@code sockaddr_in6} addresses; a plain IPv4 socket gives {@code IP_RECVERR} with {@code sockaddr_in}. Both are
 * read. Lengths and the address family are in the machine's byte order, ports and addresses in network order.
 */
final class ErrorQueueEntry {
    /** {@code SOL_IP}. */
    static final int SOL_IP = 0;
    /** {@code IP_RECVERR}: the control message type of an IPv4 socket's error. */
    static final int IP_RECVERR = 11;
    /** {@code SOL_IPV6}. */
    static final int SOL_IPV6 = 41;
    /** {@code IPV6_RECVERR}: the control message type of a dual-stack socket's error. */
    static final int IPV6_RECVERR = 25;
    /** {@code SO_EE_ORIGIN_ICMP}: the error is an ICMP message that came back. */
    static final int ORIGIN_ICMP = 2;
    /** {@code AF_INET}. */
    static final int AF_INET = 2;
    /** {@code AF_INET6}. */
    static final int AF_INET6 = 10;

    /** {@code struct cmsghdr}: size_t length, int level, int type, then the data at this offset. */
    static final int CMSG_HEADER = 16;
    /** {@code struct sock_extended_err}: errno (4), origin, type, code, pad (1 each), info (4), data (4). */
    static final int EXTENDED_ERR = 16;
    private static final int EE_ORIGIN = 4;
    private static final int EE_TYPE = 5;
    private static final int EE_CODE = 6;
    private static final int EE_INFO = 8;
    private static final int CMSG_ALIGN = 8;
    private static final int SOCKADDR_PORT = 2;
    private static final int SOCKADDR_IN_ADDRESS = 4;
    private static final int SOCKADDR_IN6_ADDRESS = 8;
    private static final int IPV4_LENGTH = 4;
    private static final int IPV6_LENGTH = 16;
    private static final int MAPPED_PREFIX = 12;
    private static final int UNSIGNED_BYTE = 0xFF;
    private static final int UNSIGNED_SHORT = 0xFFFF;
    private static final long UNSIGNED_INT = 0xFFFF_FFFFL;

    private ErrorQueueEntry() {
    }

    /**
     * The ICMP error in {@code control} (the control messages, {@code msg_controllen} bytes) for a datagram sent
     * to {@code name} ({@code msg_namelen} bytes); empty when no control message holds an error that came back
     * as ICMP (a local error, or a truncated buffer).
     */
    static Optional<IcmpError> icmpError(ByteBuffer control, ByteBuffer name) {
        ByteBuffer messages = control.duplicate().order(ByteOrder.nativeOrder());
        int at = messages.position();
        while (messages.limit() - at >= CMSG_HEADER) {
            long length = messages.getLong(at);
            if (length < CMSG_HEADER || length > messages.limit() - at) {
                return Optional.empty();
            }
            int level = messages.getInt(at + Long.BYTES);
            int type = messages.getInt(at + Long.BYTES + Integer.BYTES);
            boolean isError = level == SOL_IP && type == IP_RECVERR || level == SOL_IPV6 && type == IPV6_RECVERR;
            if (isError && length >= CMSG_HEADER + EXTENDED_ERR) {
                ByteBuffer data = messages.slice(at + CMSG_HEADER, (int) length - CMSG_HEADER)
                        .order(ByteOrder.nativeOrder());
                return extendedError(data, name);
            }
            at += (int) ((length + CMSG_ALIGN - 1) & -CMSG_ALIGN);
        }
        return Optional.empty();
    }

    private static Optional<IcmpError> extendedError(ByteBuffer error, ByteBuffer name) {
        if ((error.get(EE_ORIGIN) & UNSIGNED_BYTE) != ORIGIN_ICMP) {
            return Optional.empty();
        }
        int type = error.get(EE_TYPE) & UNSIGNED_BYTE;
        int code = error.get(EE_CODE) & UNSIGNED_BYTE;
        long info = error.getInt(EE_INFO) & UNSIGNED_INT;
        ByteBuffer offender = error.slice(EXTENDED_ERR, error.limit() - EXTENDED_ERR).order(ByteOrder.nativeOrder());
        Optional<Inet4Address> reporter = ipv4(offender);
        Optional<InetSocketAddress> destination = ipv4(name.duplicate().order(ByteOrder.nativeOrder()))
                .map(address -> new InetSocketAddress(address, port(name)));
        return Optional.of(new IcmpError(IcmpErrorKind.of(type, code), type, code, reporter, destination, info));
    }

    /** The IPv4 address of a {@code sockaddr_in} or of an IPv4-mapped {@code sockaddr_in6}. */
    private static Optional<Inet4Address> ipv4(ByteBuffer sockaddr) {
        int start = sockaddr.position();
        if (sockaddr.remaining() < Short.BYTES) {
            return Optional.empty();
        }
        int family = sockaddr.getShort(start) & UNSIGNED_SHORT;
        byte[] address = new byte[IPV4_LENGTH];
        if (family == AF_INET && sockaddr.remaining() >= SOCKADDR_IN_ADDRESS + IPV4_LENGTH) {
            sockaddr.get(start + SOCKADDR_IN_ADDRESS, address);
        } else if (family == AF_INET6 && sockaddr.remaining() >= SOCKADDR_IN6_ADDRESS + IPV6_LENGTH
                && isIpv4Mapped(sockaddr, start + SOCKADDR_IN6_ADDRESS)) {
            sockaddr.get(start + SOCKADDR_IN6_ADDRESS + MAPPED_PREFIX, address);
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean isIpv4Mapped(ByteBuffer sockaddr, int address) {
        for (int i = 0; i < MAPPED_PREFIX - 2; i++) {
            if (sockaddr.get(address + i) != 0) {
                return false;
            }
        }
        return sockaddr.get(address + MAPPED_PREFIX - 2) == (byte) UNSIGNED_BYTE
                && sockaddr.get(address + MAPPED_PREFIX - 1) == (byte) UNSIGNED_BYTE;
    }

    private static int port(ByteBuffer sockaddr) {
        ByteBuffer network = sockaddr.duplicate().order(ByteOrder.BIG_ENDIAN);
        return network.getShort(network.position() + SOCKADDR_PORT) & UNSIGNED_SHORT;
    }
}
