package dev.kdnet.host.session;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.netty.EventLoopScheduler;
import dev.kdnet.protocol.netty.SocketSink;
import dev.kdnet.protocol.netty.UdpSocketOptions;
import dev.kdnet.protocol.netty.UdpTransport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The debugger host's UDP side: one socket and one {@link TargetSession} per configured port, each on one event loop
 * of the given {@link UdpTransport} (epoll where available, NIO otherwise). Ports are isolated: what one receives
 * never touches another's session.
 */
public final class HostServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostServer.class);

    private final HostConfig config;
    private final Map<Integer, TargetSession> sessions;
    private final List<Channel> channels;

    private HostServer(HostConfig config, Map<Integer, TargetSession> sessions, List<Channel> channels) {
        this.config = config;
        this.sessions = sessions;
        this.channels = channels;
    }

    /**
     * Binds every port of {@code config} on {@code transport}, without reading yet: datagrams wait in the sockets
     * until {@link #start()}, so that whoever listens to the sessions ({@link TargetSession#setListener}) is in place
     * before the first handshake. The transport stays the caller's: closing the server closes the sockets, not the
     * transport.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws IllegalStateException if a port cannot be bound (the ports bound so far are closed again), or another
     *                               debugger host listens on one ({@link #refuseTakenPorts})
     */
    public static HostServer bind(UdpTransport transport, HostConfig config) throws InterruptedException {
        refuseTakenPorts(config);
        Map<Integer, TargetSession> sessions = new LinkedHashMap<>();
        List<Channel> channels = new ArrayList<>();
        HostServer server = new HostServer(config, sessions, channels);
        List<String> unsupported = transport.unsupported(UdpSocketOptions.host());
        if (!unsupported.isEmpty()) {
            LOG.info("this transport cannot set {}", unsupported);
        }
        try {
            for (int port : config.ports()) {
                CompletableFuture<TargetSession> created = new CompletableFuture<>();
                Channel channel = transport.bind(new InetSocketAddress(config.bindAddress(), port),
                        UdpSocketOptions.host(), new ChannelInitializer<>() {
                            @Override
                            protected void initChannel(Channel ch) {
                                ch.config().setAutoRead(false);
                                TargetSession session = new TargetSession(config, port, ch.eventLoop(),
                                        new SocketSink(ch, (to, cause) -> LOG.debug("UDP {}: sending to {} failed: {}",
                                                port, AddressText.of(to), cause.getMessage())),
                                        new EventLoopScheduler(ch.eventLoop()));
                                ch.pipeline().addLast(new SessionChannelHandler(session));
                                created.complete(session);
                            }
                        });
                channels.add(channel);
                TargetSession session = created.join();
                sessions.put(port, session);
            }
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException(e.getMessage(), e);
        }
        LOG.info("listening on UDP {} of {} ({})", config.portsText(), config.bindAddress().getHostAddress(),
                transport.isEpoll() ? "epoll" : "NIO");
        return server;
    }

    /** Starts every session (silence timer, contact of a known target) and the reading of its socket. */
    public void start() {
        for (Channel channel : channels) {
            TargetSession session = sessions.get(((InetSocketAddress) channel.localAddress()).getPort());
            channel.eventLoop().execute(() -> {
                session.start();
                channel.config().setAutoRead(true);
            });
        }
    }

    /**
     * Refuses a port another socket listens on with this host's address or the wildcard one, before binding any: the
     * host binds with SO_REUSEADDR, so the bind would succeed and silently take that socket's target. A socket on the
     * port with another address (a simulated target on this machine) is no obstacle.
     */
    private static void refuseTakenPorts(HostConfig config) {
        Set<Integer> ports = Set.copyOf(config.ports());
        List<InetSocketAddress> bound = BoundUdpSockets.read().stream().filter(s -> ports.contains(s.getPort()))
                .toList();
        for (int port : config.ports()) {
            BoundUdpSockets.rival(bound, new InetSocketAddress(config.bindAddress(), port)).ifPresent(rival -> {
                throw new IllegalStateException("UDP " + port + " is already in use by another debugger host ("
                        + (rival.getAddress().isAnyLocalAddress() ? "on all addresses"
                                : "on " + rival.getAddress().getHostAddress())
                        + "); stop it, or listen on another port");
            });
        }
    }

    /** The configuration. */
    public HostConfig config() {
        return config;
    }

    /** The session of {@code port}. */
    public TargetSession session(int port) {
        TargetSession session = sessions.get(port);
        if (session == null) {
            throw new NoSuchElementException("not listening on UDP " + port + "; ports: " + sessions.keySet());
        }
        return session;
    }

    /** Every session, in port order of the configuration. */
    public List<TargetSession> sessions() {
        return List.copyOf(sessions.values());
    }

    /** Stops every session and closes its socket. */
    @Override
    public void close() {
        sessions.values().forEach(TargetSession::close);
        channels.forEach(c -> c.close().syncUninterruptibly());
    }
}
