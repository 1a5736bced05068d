package dev.kdnet.protocol.netty;

import dev.kdnet.protocol.AddressText;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens KDNET UDP sockets. On Linux it uses the epoll transport, which can set the unicast IP TTL
 * ({@link #IP_TTL}), DF ({@link #IP_MTU_DISCOVER}) and a UDP checksum of 0 ({@link #SO_NO_CHECK}); the JDK has no
 * option for any of them. Elsewhere it falls back
 * to NIO and logs one line saying which options it could not set.
 */
public final class UdpTransport implements AutoCloseable {
    /** setsockopt(IPPROTO_IP, IP_TTL): the unicast TTL. */
    public static final IntegerUnixChannelOption IP_TTL = new IntegerUnixChannelOption("IP_TTL", 0, 2);
    /** setsockopt(IPPROTO_IP, IP_MTU_DISCOVER): {@link #IP_PMTUDISC_DO} sets DF on every datagram. */
    public static final IntegerUnixChannelOption IP_MTU_DISCOVER =
            new IntegerUnixChannelOption("IP_MTU_DISCOVER", 0, 10);
    /**
     * setsockopt(SOL_SOCKET, SO_NO_CHECK) = 1: IPv4 UDP datagrams go out with checksum 0 ("no checksum"). It also
     * applies to IPv4 datagrams of the dual-stack sockets epoll opens. Checked on the wire by the simulator's
     * UdpChecksumIT.
     */
    public static final IntegerUnixChannelOption SO_NO_CHECK = new IntegerUnixChannelOption("SO_NO_CHECK", 1, 11);
    /** IP_MTU_DISCOVER value that always sets DF. */
    public static final int IP_PMTUDISC_DO = 2;
    /**
     * The receive buffer of every socket: room for the largest KDNET datagram
     * ({@link dev.kdnet.protocol.datagram.DatagramCrypto#MAX_LENGTH}), which Netty's default 2048-byte datagram
     * buffer would cut short. The kernel silently cuts a longer datagram to this size; since that is still over the
     * maximum, the cut datagram is rejected as oversized like the whole one would be.
     */
    public static final int RECEIVE_BUFFER = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
    /** How Netty's native transport words a failed system call before the system's own text. */
    private static final Pattern NATIVE_ERROR = Pattern.compile("^\\w+\\(\\.\\.\\) failed with error\\(-?\\d+\\): ");
    private static final String ADDRESS_IN_USE = "Address already in use";

    private final EventLoopGroup group;
    private final boolean epoll;

    private UdpTransport(EventLoopGroup group, boolean epoll) {
        this.group = group;
        this.epoll = epoll;
    }

    /** Epoll if this system has it, NIO otherwise; {@code threads} event loops. */
    public static UdpTransport create(int threads) {
        if (Epoll.isAvailable()) {
            return new UdpTransport(new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory()), true);
        }
        return nio(threads);
    }

    /** The portable NIO transport, which cannot set TTL or DF. */
    public static UdpTransport nio(int threads) {
        return new UdpTransport(new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory()), false);
    }

    /** True on the epoll transport. */
    public boolean isEpoll() {
        return epoll;
    }

    /** The event loops sockets of this transport run on. */
    public EventLoopGroup group() {
        return group;
    }

    /** Options this transport cannot apply, named for a log line; empty when all can be set. */
    public List<String> unsupported(UdpSocketOptions options) {
        List<String> missing = new ArrayList<>();
        if (!epoll && options.ttl() != 0) {
            missing.add("IP TTL " + options.ttl());
        }
        if (!epoll && options.dontFragment()) {
            missing.add("DF");
        }
        if (!epoll && options.zeroUdpChecksum()) {
            missing.add("UDP checksum 0");
        }
        return missing;
    }

    /**
     * Binds a UDP socket at {@code local} with {@code options}; {@code handler} is its pipeline initializer, and a
     * {@link ReadBatchFlush} goes first in the pipeline.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws IllegalStateException {@code cannot bind 127.0.0.1:50000: Address already in use; another program has
     *                               this port}: the address and the system's reason, without Netty's wording
     */
    public Channel bind(InetSocketAddress local, UdpSocketOptions options, ChannelHandler handler)
            throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(group).handler(withReadBatchFlush(handler))
                .option(ChannelOption.SO_REUSEADDR, options.reuseAddress())
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECEIVE_BUFFER));
        if (epoll) {
            bootstrap.channel(EpollDatagramChannel.class);
            if (options.ttl() != 0) {
                bootstrap.option(IP_TTL, options.ttl());
            }
            if (options.dontFragment()) {
                bootstrap.option(IP_MTU_DISCOVER, IP_PMTUDISC_DO);
            }
            if (options.zeroUdpChecksum()) {
                bootstrap.option(SO_NO_CHECK, 1);
            }
        } else {
            bootstrap.channel(NioDatagramChannel.class);
            List<String> missing = unsupported(options);
            if (!missing.isEmpty()) {
                LOG.warn("NIO transport ({}) cannot set {} on {}: datagrams go out with the system defaults",
                        Epoll.isAvailable() ? "chosen" : "epoll unavailable: " + Epoll.unavailabilityCause(),
                        String.join(" or ", missing), local);
            }
        }
        ChannelFuture bound = bootstrap.bind(local).await();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot bind " + AddressText.of(local) + ": " + reason(bound.cause()),
                    bound.cause());
        }
        return bound.channel();
    }

    /**
     * The system's reason a bind failed, e.g. {@code Address already in use; another program has this port}, from
     * Netty's {@code bind(..) failed with error(-98): Address already in use} (epoll) or Java's own text (NIO).
     */
    static String reason(Throwable cause) {
        String text = NATIVE_ERROR.matcher(cause.getMessage() != null ? cause.getMessage() : cause.toString())
                .replaceFirst("");
        return text.contains(ADDRESS_IN_USE) ? text + "; another program has this port" : text;
    }

    /** A pipeline initializer that puts a {@link ReadBatchFlush} first, then {@code handler}. */
    static ChannelInitializer<Channel> withReadBatchFlush(ChannelHandler handler) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new ReadBatchFlush(), handler);
            }
        };
    }

    /** Shuts the event loops down and waits for them. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
