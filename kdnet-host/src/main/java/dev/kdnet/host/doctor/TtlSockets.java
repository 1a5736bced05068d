package dev.kdnet.host.doctor;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Plain Linux UDP/IPv4 sockets, one per port, that receive datagrams with the IP TTL they arrived with: the JDK and
 * Netty do not report it, so these call libc through JNA: {@code setsockopt(IP_RECVTTL)}, then {@code recvmsg},
 * whose control message of type {@code IP_TTL} carries it. They only receive, never send: the doctor observes.
 * SO_REUSEADDR lets them bind the wildcard address next to a simulated target bound to its own address on this
 * machine, as the host does; the doctor checks before that no other socket holds the port. The
 * structures are laid out for 64-bit Linux (x86-64, aarch64). Used by one thread.
 */
final class TtlSockets implements Closeable {
    /** The largest datagram read whole; KDNET's largest is far smaller. */
    static final int MAX_DATAGRAM = 65_535;
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int IPPROTO_IP = 0;
    private static final int IP_TTL = 2;
    private static final int IP_RECVTTL = 12;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final short POLLIN = 1;
    private static final int SOCKADDR_IN = 16;
    private static final int POLLFD = 8;
    private static final int MSGHDR = 56;
    private static final int IOVEC = 16;
    private static final int CONTROL = 64;
    private static final int CMSG_DATA = 16;
    private static final int EINTR = 4;

    /** The libc calls used. */
    private interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;

        int bind(int fd, Pointer address, int length) throws LastErrorException;

        int poll(Pointer fds, long count, int timeoutMillis) throws LastErrorException;

        long recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    /** One received datagram: its source, the local port it came to, its payload and its TTL if reported. */
    record Received(InetSocketAddress source, int port, byte[] payload, OptionalInt ttl) {
    }

    private static final LibC LIBC = Native.load("c", LibC.class);

    private final List<Integer> fds = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Memory pollFds;
    private final Memory name = new Memory(SOCKADDR_IN);
    private final Memory buffer = new Memory(MAX_DATAGRAM);
    private final Memory iov = new Memory(IOVEC);
    private final Memory control = new Memory(CONTROL);
    private final Memory message = new Memory(MSGHDR);

    /**
     * Binds one socket per port of {@code ports} on {@code address} (0.0.0.0 for all), with IP_RECVTTL.
     *
     * @throws IOException naming the port that could not be bound and why
     */
    TtlSockets(Inet4Address address, List<Integer> ports) throws IOException {
        pollFds = new Memory((long) POLLFD * Math.max(1, ports.size()));
        try {
            for (int port : ports) {
                open(address, port);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open(Inet4Address address, int port) throws IOException {
        int fd;
        try {
            fd = LIBC.socket(AF_INET, SOCK_DGRAM, 0);
        } catch (LastErrorException e) {
            throw new IOException("no UDP socket for port " + port + ": errno " + e.getErrorCode(), e);
        }
        fds.add(fd);
        ports.add(port);
        try {
            Memory on = new Memory(Integer.BYTES);
            on.setInt(0, 1);
            LIBC.setsockopt(fd, IPPROTO_IP, IP_RECVTTL, on, Integer.BYTES);
            LIBC.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, on, Integer.BYTES);
            Memory sockaddr = new Memory(SOCKADDR_IN);
            sockaddr.clear();
            sockaddr.setShort(0, (short) AF_INET);
            sockaddr.setByte(2, (byte) (port >>> 8));
            sockaddr.setByte(3, (byte) port);
            sockaddr.write(4, address.getAddress(), 0, 4);
            LIBC.bind(fd, sockaddr, SOCKADDR_IN);
        } catch (LastErrorException e) {
            throw new IOException("cannot bind UDP " + address.getHostAddress() + ":" + port + " (errno "
                    + e.getErrorCode() + ")", e);
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for a datagram on any port and returns the ones ready (at most one per
     * port); an empty list when none came in time.
     */
    List<Received> receive(int timeoutMillis) throws IOException {
        for (int i = 0; i < fds.size(); i++) {
            pollFds.setInt((long) i * POLLFD, fds.get(i));
            pollFds.setShort((long) i * POLLFD + 4, POLLIN);
            pollFds.setShort((long) i * POLLFD + 6, (short) 0);
        }
        try {
            if (LIBC.poll(pollFds, fds.size(), timeoutMillis) <= 0) {
                return List.of();
            }
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return List.of();
            }
            throw new IOException("poll failed: errno " + e.getErrorCode(), e);
        }
        List<Received> received = new ArrayList<>();
        for (int i = 0; i < fds.size(); i++) {
            if ((pollFds.getShort((long) i * POLLFD + 6) & POLLIN) != 0) {
                received.add(read(fds.get(i), ports.get(i)));
            }
        }
        return received;
    }

    private Received read(int fd, int port) throws IOException {
        iov.setPointer(0, buffer);
        iov.setLong(8, MAX_DATAGRAM);
        message.clear();
        message.setPointer(0, name);
        message.setInt(8, SOCKADDR_IN);
        message.setPointer(16, iov);
        message.setLong(24, 1);
        message.setPointer(32, control);
        message.setLong(40, CONTROL);
        long length;
        try {
            length = LIBC.recvmsg(fd, message, 0);
        } catch (LastErrorException e) {
            throw new IOException("recvmsg on UDP " + port + " failed: errno " + e.getErrorCode(), e);
        }
        byte[] payload = buffer.getByteArray(0, (int) length);
        int sourcePort = (name.getByte(2) & 0xFF) << 8 | (name.getByte(3) & 0xFF);
        InetSocketAddress source = new InetSocketAddress(address(name.getByteArray(4, 4)), sourcePort);
        return new Received(source, port, payload, ttl(message.getLong(40)));
    }

    /** The TTL in the control messages ({@code controlLength} bytes), if one is of level IP and type IP_TTL. */
    private OptionalInt ttl(long controlLength) {
        long offset = 0;
        while (offset + CMSG_DATA <= controlLength) {
            long length = control.getLong(offset);
            if (length < CMSG_DATA) {
                break;
            }
            if (control.getInt(offset + 8) == IPPROTO_IP && control.getInt(offset + 12) == IP_TTL) {
                return OptionalInt.of(control.getInt(offset + CMSG_DATA));
            }
            offset += (length + 7) & ~7L;
        }
        return OptionalInt.empty();
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", impossible);
        }
    }

    @Override
    public void close() {
        for (int fd : fds) {
            try {
                LIBC.close(fd);
            } catch (LastErrorException e) {
                // closing a socket we opened cannot fail in a way worth telling
            }
        }
        fds.clear();
    }
}
