package dev.kdnet.host.relay;

import dev.kdnet.protocol.netty.UdpSocketOptions;
import dev.kdnet.protocol.netty.UdpTransport;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A UDP relay with impairment. It listens on one socket; the first sender other than the {@code to} address
 * becomes side A. Datagrams from A go to {@code to}, datagrams from {@code to} go back to A, both directions
 * impaired independently with the same settings. Datagrams from anyone else are ignored.
 */
public final class UdpRelay implements AutoCloseable {
    private static final UdpSocketOptions OPTIONS = new UdpSocketOptions(0, false, false);

    private final InetSocketAddress to;
    private final ImpairedDirection fromA;
    private final ImpairedDirection toA;
    private volatile InetSocketAddress sideA;
    private Channel channel;

    private UdpRelay(InetSocketAddress to, Impairment impairment, long seed) {
        this.to = to;
        Duration holdLimit = ImpairedDirection.holdLimit(impairment);
        this.fromA = new ImpairedDirection(new Impairer(impairment, seed), holdLimit, this::schedule);
        this.toA = new ImpairedDirection(new Impairer(impairment, ~seed), holdLimit, this::schedule);
    }

    /**
     * Binds {@code listen} on {@code transport} and starts relaying between the first sender and {@code to}.
     *
     * @param seed seeds the decisions of both directions, so a run can be repeated
     * @throws InterruptedException if interrupted while binding
     */
    public static UdpRelay start(UdpTransport transport, InetSocketAddress listen, InetSocketAddress to,
            Impairment impairment, long seed) throws InterruptedException {
        UdpRelay relay = new UdpRelay(to, impairment, seed);
        relay.channel = transport.bind(listen, OPTIONS, relay.new Handler());
        return relay;
    }

    /** The address the relay listens on (with the actual port if port 0 was asked for). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Side A, or null until its first datagram has arrived. */
    public InetSocketAddress sideA() {
        return sideA;
    }

    /** The counts so far, per direction. */
    public RelayStats stats() {
        return new RelayStats(fromA.stats(), toA.stats());
    }

    /** Closes the socket; datagrams still waiting for their delay are not sent. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    private void send(byte[] datagram, InetSocketAddress destination, Duration delay) {
        Runnable write = () -> channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram),
                destination));
        if (delay.isZero()) {
            write.run();
        } else {
            schedule(delay, write);
        }
    }

    private void schedule(Duration wait, Runnable task) {
        channel.eventLoop().schedule(task, wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Routes each arriving datagram into its direction. */
    private final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            InetSocketAddress sender = packet.sender();
            byte[] datagram = ByteBufUtil.getBytes(packet.content());
            if (sender.equals(to)) {
                InetSocketAddress a = sideA;
                if (a != null) {
                    toA.offer(datagram, (bytes, delay) -> send(bytes, a, delay));
                }
                return;
            }
            if (sideA == null) {
                sideA = sender;
            }
            if (sender.equals(sideA)) {
                fromA.offer(datagram, (bytes, delay) -> send(bytes, to, delay));
            }
        }
    }
}
