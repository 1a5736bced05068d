package dev.kdnet.it.bench;

import dev.kdnet.protocol.netty.UdpSocketOptions;
import dev.kdnet.protocol.netty.UdpTransport;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client of the event-loop raw ping-pong, a process of its own, against a {@link LoopRawPeer}: the socket
 * opened as the debugger host opens its own ({@link UdpTransport}, epoll, one event loop, the host's socket options,
 * what one read causes flushed once), each request sent from the event loop when the previous reply arrives, as the
 * host's transfers do; the caller waits once per command. Commands as {@link RawClient}'s. Args:
 * {@code peerAddress peerPort}.
 */
public final class LoopRawClient extends SimpleChannelInboundHandler<DatagramPacket> {
    private final InetSocketAddress peer;
    private Series series;

    private LoopRawClient(InetSocketAddress peer) {
        this.peer = peer;
    }

    /** Serves commands until stdin ends. */
    public static void main(String[] args) throws Exception {
        InetSocketAddress peer = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        LoopRawClient client = new LoopRawClient(peer);
        try (UdpTransport transport = UdpTransport.create(1)) {
            Channel channel = transport.bind(new InetSocketAddress("127.0.0.1", 0), UdpSocketOptions.host(), client);
            CommandLoop.serve(command -> {
                try {
                    CompletableFuture<String> done = new CompletableFuture<>();
                    channel.eventLoop().execute(() -> client.start(channel, new RawRequests(command), done));
                    return done.get(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    return "error: " + e;
                }
            });
        }
    }

    /** One command's exchanges, confined to the event loop. */
    private static final class Series {
        private final RawRequests requests;
        private final CompletableFuture<String> done;
        private final long start = System.nanoTime();
        private final long end;
        private long answers;
        private long exchanges;

        Series(RawRequests requests, CompletableFuture<String> done) {
            this.requests = requests;
            this.done = done;
            end = start + requests.nanos();
        }
    }

    private void start(Channel channel, RawRequests requests, CompletableFuture<String> done) {
        series = new Series(requests, done);
        channel.writeAndFlush(packet(requests.request()));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        Series current = series;
        if (current == null) {
            return;
        }
        RawRequests requests = current.requests;
        try {
            requests.check(packet.content().nioBuffer());
        } catch (IllegalStateException e) {
            series = null;
            current.done.complete("error: " + e.getMessage());
            return;
        }
        if (++current.answers % requests.answersPerRequest() != 0) {
            return;
        }
        current.exchanges++;
        if (requests.acked()) {
            ctx.write(packet(requests.ack()));
        }
        long now = System.nanoTime();
        if (now < current.end) {
            ctx.write(packet(requests.request()));
        } else {
            series = null;
            current.done.complete(current.exchanges + " " + (now - current.start));
        }
        ctx.flush();
    }

    private DatagramPacket packet(ByteBuffer datagram) {
        return new DatagramPacket(Unpooled.wrappedBuffer(datagram), peer);
    }
}
