package dev.kdnet.it.sim;

import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkConfig;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.netty.EventLoopScheduler;
import dev.kdnet.protocol.netty.SocketSink;
import dev.kdnet.protocol.netty.UdpSocketOptions;
import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionPeer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A debugger host for tests, made only of kdnet-protocol parts (a host-role {@link SessionPeer} and a
 * {@link KdLink}): it answers the first unbound poke on its port,
 * keys the data channel, runs a host-role {@link KdLink}, and offers blocking calls to send manipulate requests
 * and wait for replies, state changes and prints. Everything touching the link runs on the socket's event loop.
 */
final class ScriptedDebugger implements AutoCloseable {
    private final UdpTransport transport = UdpTransport.create(1);
    private final SessionPeer peer;
    private final io.netty.channel.Channel socket;
    private final SocketSink sink;
    private final BlockingQueue<ManipulateState64> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<StateChange64> stateChanges = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> prints = new LinkedBlockingQueue<>();
    private final BlockingQueue<Poke> pokes = new LinkedBlockingQueue<>();
    private final BlockingQueue<UnusedHello> hellos = new LinkedBlockingQueue<>();
    private final SplittableRandom random = new SplittableRandom(7);
    private KdLink link;

    ScriptedDebugger(int port, KdnetKey key) throws InterruptedException {
        this.peer = new SessionPeer(KdRole.HOST, key);
        this.socket = transport.bind(new InetSocketAddress("127.0.0.1", port), UdpSocketOptions.host(),
                new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(io.netty.channel.Channel ch) {
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<DatagramPacket>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                                onDatagram(packet.sender(), packet.content().nioBuffer());
                            }
                        });
                    }
                });
        this.sink = new SocketSink(socket, (to, cause) -> { });
    }

    private void onDatagram(InetSocketAddress sender, ByteBuffer wire) {
        Inbound inbound = peer.receive(sender, wire);
        if (inbound instanceof Inbound.Control control && control.message() instanceof Poke poke) {
            pokes.add(poke);
            if (poke.isUnbound()) {
                answer(sender, control, poke);
            }
        } else if (inbound instanceof Inbound.Data data) {
            if (data.body() instanceof UnusedHello hello) {
                hellos.add(hello);
            }
            link.receive(data.body());
        }
    }

    private void answer(InetSocketAddress from, Inbound.Control pokeDatagram, Poke poke) {
        byte[] body = ControlResponse.answering(poke, random).encode();
        int version = pokeDatagram.datagram().version();
        sink.send(from, peer.sealControl(version, pokeDatagram.datagram().sequence(), body));
        peer.keyChannel(from, version, body);
        if (link != null) {
            link.close();
        }
        link = new KdLink(KdRole.HOST, KdLinkConfig.defaults(KdRole.HOST), new EventLoopScheduler(socket.eventLoop()),
                kd -> sink.send(from, peer.sealData(kd)), new KdLink.Listener() {
                    @Override
                    public void onPacket(KdPacket packet) {
                        deliver(packet);
                    }
                });
    }

    private void deliver(KdPacket packet) {
        ByteBuffer payload = packet.payload();
        if (packet.type().equals(KdPacketType.STATE_MANIPULATE)) {
            ManipulateState64.decode(payload).map(replies::add);
        } else if (packet.type().equals(KdPacketType.STATE_CHANGE64)) {
            StateChange64.decode(payload).map(stateChanges::add);
        } else if (packet.type().equals(KdPacketType.DEBUG_IO)) {
            DebugIo.decode(payload).map(io -> prints.add(io.text()));
        }
    }

    private <T> T onLoop(java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        socket.eventLoop().execute(() -> result.complete(action.get()));
        return result.get(5, TimeUnit.SECONDS);
    }

    /** Waits for the hello of a new session; fails after {@code timeout}. */
    UnusedHello awaitHello(Duration timeout) throws InterruptedException {
        return require(hellos.poll(timeout.toMillis(), TimeUnit.MILLISECONDS), "a hello");
    }

    /** The next poke, in arrival order. */
    Poke awaitPoke(Duration timeout) throws InterruptedException {
        return require(pokes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS), "a poke");
    }

    /** Sends {@code request} and waits for its reply. */
    ManipulateState64 request(ManipulateState64 request, Duration timeout) throws Exception {
        send(request);
        return require(replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS), "a reply to " + request.api());
    }

    /** Sends {@code request} (Continue, Reboot, ...) without waiting for anything. */
    void send(ManipulateState64 request) throws Exception {
        onLoop(() -> {
            link.send(KdPacketType.STATE_MANIPULATE, request.encode());
            return null;
        });
    }

    /** Sends the break-in byte. */
    void breakIn() throws Exception {
        onLoop(() -> {
            link.sendBreakIn();
            return null;
        });
    }

    /** The next state change. */
    StateChange64 awaitStateChange(Duration timeout) throws InterruptedException {
        return require(stateChanges.poll(timeout.toMillis(), TimeUnit.MILLISECONDS), "a state change");
    }

    /** The next DbgPrint text. */
    String awaitPrint(Duration timeout) throws InterruptedException {
        return require(prints.poll(timeout.toMillis(), TimeUnit.MILLISECONDS), "a DbgPrint");
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new AssertionError("no " + what + " arrived in time");
        }
        return value;
    }

    @Override
    public void close() {
        socket.close().syncUninterruptibly();
        transport.close();
    }
}
