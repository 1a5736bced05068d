package dev.kdnet.sim.nic;

import dev.kdnet.protocol.netty.EventLoopScheduler;
import dev.kdnet.protocol.netty.SocketSink;
import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.sim.stub.KdEndpointFactory;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The KDNET NIC agent of one simulated target: binds its own address and port P, pokes hostip:P every 3 seconds
 * for as long as it runs, accepts a host's response that echoes one of its recent pokes, keys the data channel
 * with it, sends the UNUSED hello and then carries the KD endpoint's bodies in data datagrams both ways. A later
 * response (the host restarted) re-keys; an empty control datagram makes it poke at once; the endpoint's reboot
 * request boots a new endpoint with a new boot nonce and no host. ICMP errors that come back for its datagrams
 * (port or host unreachable, time exceeded, ...) are counted with the address that sent them
 * ({@link AgentStats#icmpErrors()}) and logged at most once per second.
 *
 * <p>All of it runs on the socket's Netty event loop. Bad input is counted in {@link AgentStats#drops()} and
 * logged at most once per second per reason; it never raises an exception.
 */
public final class TargetAgent implements AutoCloseable {
    private final Channel socket;
    private final AgentSession session;
    private final AgentConfig config;

    private TargetAgent(Channel socket, AgentSession session, AgentConfig config) {
        this.socket = socket;
        this.session = session;
        this.config = config;
    }

    /**
     * Binds {@code config.localAddress()} on {@code transport}, boots the first endpoint from {@code factory} and
     * sends the first poke at once; both have happened when this returns.
     *
     * @throws InterruptedException  if interrupted while binding
     * @throws IllegalStateException naming the address if it cannot be bound
     */
    public static TargetAgent start(UdpTransport transport, AgentConfig config, KdEndpointFactory factory)
            throws InterruptedException {
        Objects.requireNonNull(factory, "factory");
        CompletableFuture<AgentSession> created = new CompletableFuture<>();
        Channel socket = transport.bind(config.localAddress(), config.socketOptions(), new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                EventLoopScheduler scheduler = new EventLoopScheduler(channel.eventLoop());
                String who = AgentSession.who(config);
                SendFailures failures = new SendFailures(who, scheduler::nanoTime);
                IcmpErrors icmp = new IcmpErrors(who, scheduler::nanoTime);
                SocketErrors socketErrors = new SocketErrors(ErrorQueue.enable(channel, who), icmp);
                SocketSink sink = new SocketSink(channel, (to, cause) -> {
                    failures.failed(to, cause);
                    socketErrors.drain();
                });
                AgentSession session = new AgentSession(config, factory, new SecureRandom(), sink, scheduler,
                        failures, icmp);
                channel.pipeline().addLast(new AgentChannelHandler(session, socketErrors));
                created.complete(session);
            }
        });
        AgentSession session = created.join();
        try {
            socket.eventLoop().submit(session::start).syncUninterruptibly();
        } catch (RuntimeException e) {
            socket.close().syncUninterruptibly();
            throw e;
        }
        return new TargetAgent(socket, session, config);
    }

    /** The settings this agent runs with. */
    public AgentConfig config() {
        return config;
    }

    /** The counters now; from any thread while the transport runs (off the event loop it waits for the loop). */
    public AgentStats stats() {
        EventLoop loop = socket.eventLoop();
        if (loop.inEventLoop()) {
            return session.stats();
        }
        return loop.submit(session::stats).syncUninterruptibly().getNow();
    }

    /**
     * Stops poking, closes the endpoint and the socket. Idempotent; does nothing once the transport shuts down (its
     * event loop closes the socket, and stopping the session would need that loop).
     */
    @Override
    public void close() {
        EventLoop loop = socket.eventLoop();
        if (loop.isShuttingDown()) {
            return;
        }
        loop.submit(session::stop).syncUninterruptibly();
        socket.close().syncUninterruptibly();
    }
}
