package dev.kdnet.sim.nic;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error queue of a target's epoll socket: with IP_RECVERR set, Linux queues every ICMP error that comes back
 * for the socket's datagrams there, with the reporting router's address, and Netty only hears "Connection refused"
 * or "No route to host" without the address. This reads the queue with {@code recvmsg(MSG_ERRQUEUE)} through JNA
 * (Netty does not expose it) and must be drained whenever the socket reports an error: queued errors count against
 * the receive buffer.
 *
 * <p>Linux on a 64-bit machine only (the {@code struct msghdr} layout below); elsewhere, or when JNA cannot load,
 * {@link #enable} returns empty and errors stay unreported. Confined to the socket's event loop.
 */
final class ErrorQueue {
    /** setsockopt(IPPROTO_IP, IP_RECVERR): queue ICMP errors on an unconnected UDP socket too. */
    static final IntegerUnixChannelOption IP_RECVERR = new IntegerUnixChannelOption("IP_RECVERR", 0, 11);
    /** Entries read per drain at most, so that an ICMP flood cannot hold the event loop. */
    static final int MAX_PER_DRAIN = 64;

    private static final Logger LOG = LoggerFactory.getLogger(TargetAgent.class);
    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_ERRQUEUE = 0x2000;
    private static final int EAGAIN = 11;
    // struct msghdr on LP64: name, namelen (padded), iov, iovlen, control, controllen, flags.
    private static final int MSGHDR_SIZE = 56;
    private static final int MSG_NAME = 0;
    private static final int MSG_NAMELEN = 8;
    private static final int MSG_IOV = 16;
    private static final int MSG_IOVLEN = 24;
    private static final int MSG_CONTROL = 32;
    private static final int MSG_CONTROLLEN = 40;
    private static final int IOVEC_SIZE = 16;
    /** Room for a sockaddr_in6. */
    private static final int NAME_SIZE = 28;
    /** Room for the extended error and its offender, and any other control message beside it. */
    private static final int CONTROL_SIZE = 512;
    /** The returned payload (the failed datagram's start) is not needed: a little room, the rest is cut. */
    private static final int PAYLOAD_SIZE = 64;

    private final int fd;
    private final LibC libc;
    private final Memory header = new Memory(MSGHDR_SIZE);
    private final Memory name = new Memory(NAME_SIZE);
    private final Memory control = new Memory(CONTROL_SIZE);
    private final Memory payload = new Memory(PAYLOAD_SIZE);
    private final Memory iov = new Memory(IOVEC_SIZE);

    /** The C library's recvmsg. */
    interface LibC extends Library {
        int recvmsg(int fd, Pointer message, int flags) throws LastErrorException;
    }

    private ErrorQueue(int fd, LibC libc) {
        this.fd = fd;
        this.libc = libc;
        iov.setPointer(0, payload);
        iov.setLong(Long.BYTES, PAYLOAD_SIZE);
    }

    /**
     * Sets IP_RECVERR on {@code channel} and returns its queue; empty (with one log line saying why) where the
     * queue cannot be read, in which case IP_RECVERR stays off.
     */
    static Optional<ErrorQueue> enable(Channel channel, String who) {
        if (!(channel instanceof EpollDatagramChannel epoll)) {
            LOG.info("{}: ICMP errors are not reported: they need the epoll transport", who);
            return Optional.empty();
        }
        if (!Platform.isLinux() || Native.POINTER_SIZE != Long.BYTES) {
            LOG.info("{}: ICMP errors are not reported: reading them needs 64-bit Linux", who);
            return Optional.empty();
        }
        LibC libc;
        try {
            libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
        } catch (LinkageError e) {
            LOG.info("{}: ICMP errors are not reported: JNA cannot load the C library: {}", who, e.getMessage());
            return Optional.empty();
        }
        epoll.config().setOption(IP_RECVERR, 1);
        return Optional.of(new ErrorQueue(epoll.fd().intValue(), libc));
    }

    /** The ICMP errors queued now, oldest first, at most {@link #MAX_PER_DRAIN}; other queued errors are skipped. */
    List<IcmpError> drain() {
        List<IcmpError> errors = new ArrayList<>();
        for (int i = 0; i < MAX_PER_DRAIN; i++) {
            header.clear();
            header.setPointer(MSG_NAME, name);
            header.setInt(MSG_NAMELEN, NAME_SIZE);
            header.setPointer(MSG_IOV, iov);
            header.setLong(MSG_IOVLEN, 1);
            header.setPointer(MSG_CONTROL, control);
            header.setLong(MSG_CONTROLLEN, CONTROL_SIZE);
            try {
                libc.recvmsg(fd, header, MSG_ERRQUEUE | MSG_DONTWAIT);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EAGAIN) {
                    LOG.debug("reading the error queue failed: {}", e.getMessage());
                }
                break;
            }
            int controlLength = (int) Math.min(header.getLong(MSG_CONTROLLEN), CONTROL_SIZE);
            int nameLength = Math.min(header.getInt(MSG_NAMELEN), NAME_SIZE);
            ErrorQueueEntry.icmpError(control.getByteBuffer(0, controlLength), name.getByteBuffer(0, nameLength))
                    .ifPresent(errors::add);
        }
        return errors;
    }
}
