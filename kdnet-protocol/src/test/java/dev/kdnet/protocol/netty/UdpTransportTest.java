package dev.kdnet.protocol.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kdnet.protocol.datagram.DatagramCrypto;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real loopback sockets on both transports, and the {@link SocketSink} that writes to them. */
class UdpTransportTest {
    private static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    /** One datagram a socket received. */
    private record Received(InetSocketAddress sender, InetSocketAddress recipient, byte[] payload) {
    }

    private static ChannelInitializer<Channel> collectingInto(BlockingQueue<Received> received) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        received.add(new Received(packet.sender(), packet.recipient(),
                                ByteBufUtil.getBytes(packet.content())));
                    }
                });
            }
        };
    }

    private static void exchange(UdpTransport transport) throws Exception {
        BlockingQueue<Received> atHost = new LinkedBlockingQueue<>();
        Channel host = transport.bind(LOOPBACK_ANY_PORT, UdpSocketOptions.host(), collectingInto(atHost));
        Channel target = transport.bind(LOOPBACK_ANY_PORT, UdpSocketOptions.target(),
                collectingInto(new LinkedBlockingQueue<>()));
        try {
            InetSocketAddress hostAddress = (InetSocketAddress) host.localAddress();
            new SocketSink(target, (to, cause) -> { })
                    .send(hostAddress, ByteBuffer.wrap(new byte[] {'M', 'D', 'B', 'G', 4, 1}));
            Received envelope = atHost.poll(5, TimeUnit.SECONDS);
            assertThat(envelope).isNotNull();
            assertThat(envelope.payload()).containsExactly('M', 'D', 'B', 'G', 4, 1);
            assertThat(envelope.sender()).isEqualTo(target.localAddress());
            assertThat(envelope.recipient().getPort()).isEqualTo(hostAddress.getPort());
        } finally {
            host.close().sync();
            target.close().sync();
        }
    }

    @Test
    void epollTargetSocketsCarryTtl16DontFragmentAndNoUdpChecksum() throws Exception {
        assumeTrue(Epoll.isAvailable(), "epoll is unavailable on this system: " + Epoll.unavailabilityCause());
        try (UdpTransport transport = UdpTransport.create(1)) {
            assertThat(transport.isEpoll()).isTrue();
            assertThat(transport.unsupported(UdpSocketOptions.target())).isEmpty();
            Channel target = transport.bind(LOOPBACK_ANY_PORT, UdpSocketOptions.target(),
                    collectingInto(new LinkedBlockingQueue<>()));
            try {
                assertThat(target.config().getOption(UdpTransport.IP_TTL)).isEqualTo(16);
                assertThat(target.config().getOption(UdpTransport.IP_MTU_DISCOVER))
                        .isEqualTo(UdpTransport.IP_PMTUDISC_DO);
                assertThat(target.config().getOption(UdpTransport.SO_NO_CHECK)).isEqualTo(1);
            } finally {
                target.close().sync();
            }
            exchange(transport);
        }
    }

    @Test
    void epollHostSocketsComputeTheUdpChecksum() throws Exception {
        assumeTrue(Epoll.isAvailable(), "epoll is unavailable on this system: " + Epoll.unavailabilityCause());
        try (UdpTransport transport = UdpTransport.create(1)) {
            Channel host = transport.bind(LOOPBACK_ANY_PORT, UdpSocketOptions.host(),
                    collectingInto(new LinkedBlockingQueue<>()));
            try {
                assertThat(host.config().getOption(UdpTransport.SO_NO_CHECK)).isEqualTo(0);
            } finally {
                host.close().sync();
            }
        }
    }

    @Test
    void nioFallbackWorksAndNamesWhatItCannotSet() throws Exception {
        try (UdpTransport transport = UdpTransport.nio(1)) {
            assertThat(transport.isEpoll()).isFalse();
            assertThat(transport.unsupported(UdpSocketOptions.target())).containsExactly("IP TTL 16", "DF",
                    "UDP checksum 0");
            assertThat(transport.unsupported(new UdpSocketOptions(0, false, false))).isEmpty();
            exchange(transport);
        }
    }

    @Test
    void aPortAnotherProgramHoldsFailsWithTheAddressAndTheSystemsReason() throws Exception {
        for (UdpTransport transport : List.of(UdpTransport.create(1), UdpTransport.nio(1))) {
            try (transport; DatagramSocket other = new DatagramSocket(LOOPBACK_ANY_PORT)) {
                InetSocketAddress taken = (InetSocketAddress) other.getLocalSocketAddress();

                assertThatThrownBy(() -> transport.bind(taken, UdpSocketOptions.host(), new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                    }
                })).isInstanceOf(IllegalStateException.class).hasMessage("cannot bind 127.0.0.1:" + taken.getPort()
                        + ": Address already in use; another program has this port");
            }
        }
    }

    @Test
    void theReasonOfAFailedBindLeavesNettysWordingOut() {
        assertThat(UdpTransport.reason(new java.io.IOException("bind(..) failed with error(-99): Cannot assign"
                + " requested address"))).isEqualTo("Cannot assign requested address");
        assertThat(UdpTransport.reason(new java.net.BindException("Address already in use")))
                .isEqualTo("Address already in use; another program has this port");
    }

    /** Sends datagrams of {@code lengths} bytes from a plain JDK socket; returns what the transport's socket got. */
    private static List<Integer> receivedLengths(UdpTransport transport, int... lengths) throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        Channel host = transport.bind(LOOPBACK_ANY_PORT, UdpSocketOptions.host(), collectingInto(received));
        List<Integer> got = new ArrayList<>();
        try (DatagramSocket sender = new DatagramSocket(LOOPBACK_ANY_PORT)) {
            for (int length : lengths) {
                sender.send(new java.net.DatagramPacket(new byte[length], length, host.localAddress()));
                Received envelope = received.poll(5, TimeUnit.SECONDS);
                assertThat(envelope).as("a datagram of %d bytes arrives", length).isNotNull();
                got.add(envelope.payload().length);
            }
        } finally {
            host.close().sync();
        }
        return got;
    }

    @Test
    void aDatagramOverTheReceiveBufferArrivesCutToItWhichIsStillOversized() throws Exception {
        assertThat(UdpTransport.RECEIVE_BUFFER).isGreaterThan(DatagramCrypto.MAX_LENGTH);
        List<UdpTransport> transports = new ArrayList<>(List.of(UdpTransport.nio(1)));
        if (Epoll.isAvailable()) {
            transports.add(UdpTransport.create(1));
        }
        for (UdpTransport transport : transports) {
            try (transport) {
                assertThat(receivedLengths(transport, 9000, 8192, 5000, DatagramCrypto.MAX_LENGTH))
                        .as(transport.isEpoll() ? "epoll" : "NIO")
                        .containsExactly(UdpTransport.RECEIVE_BUFFER, UdpTransport.RECEIVE_BUFFER, 5000,
                                DatagramCrypto.MAX_LENGTH);
            }
        }
    }

    @Test
    void aSocketSinkWritesOnePacketToTheRecipientAndReportsAFailedWrite() {
        EmbeddedChannel channel = new EmbeddedChannel();
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 50000);
        List<InetSocketAddress> failed = new ArrayList<>();
        SocketSink sink = new SocketSink(channel, (to, cause) -> failed.add(to));

        sink.send(a, ByteBuffer.wrap(new byte[] {9, 4, 5}, 1, 2));
        DatagramPacket outbound = channel.readOutbound();
        assertThat(outbound.recipient()).isEqualTo(a);
        assertThat(ByteBufUtil.getBytes(outbound.content())).containsExactly(4, 5);
        outbound.release();
        assertThat(failed).isEmpty();

        channel.close();
        sink.send(a, ByteBuffer.wrap(new byte[] {1}));
        assertThat(failed).containsExactly(a);
    }
}
