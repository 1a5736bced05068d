package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionPeer;
import dev.kdnet.protocol.testing.ManualScheduler;
import dev.kdnet.protocol.testing.RecordingSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Netty side of a host session: a datagram in a direct buffer, as the socket receives it, reaches the session
 * and is opened from that buffer; the packet is released once the session returns, whether it answered or dropped.
 */
class SessionChannelHandlerTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final int PORT = 50000;
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", PORT);
    private static final InetSocketAddress TARGET = new InetSocketAddress("127.0.0.2", PORT);

    private final RecordingSink sink = new RecordingSink();
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final TargetSession session =
            new TargetSession(HostConfig.of(KEY, List.of(PORT)), PORT, loop, sink, new ManualScheduler());
    private final EmbeddedChannel channel = new EmbeddedChannel(new SessionChannelHandler(session));
    private final SessionPeer target = new SessionPeer(KdRole.TARGET, KEY);

    @AfterEach
    void stop() {
        channel.finishAndReleaseAll();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static DatagramPacket fromTarget(ByteBuf content) {
        return new DatagramPacket(content, HOST, TARGET);
    }

    @Test
    void aPokeInADirectBufferIsAnsweredAndThePacketReleased() {
        Poke poke = Poke.of(Poke.nonce(1, new byte[Poke.NONCE_LENGTH - 2]), Endpoint.of(TARGET), Endpoint.of(HOST),
                Endpoint.UNBOUND);
        ByteBuf wire = Unpooled.directBuffer().writeBytes(target.sealControl(4, 1, poke.encode()));
        DatagramPacket packet = fromTarget(wire);

        channel.writeInbound(packet);

        assertThat(packet.refCnt()).isZero();
        RecordingSink.Sent response = sink.take();
        assertThat(response.recipient()).isEqualTo(TARGET);
        assertThat(((Inbound.Control) target.receive(HOST, response.buffer())).message())
                .isInstanceOf(ControlResponse.class);
    }

    @Test
    void aDroppedDatagramIsCountedAndThePacketReleased() {
        ByteBuf wire = Unpooled.directBuffer().writeBytes("not a KDNET datagram".getBytes());
        DatagramPacket packet = fromTarget(wire);

        channel.writeInbound(packet);

        assertThat(packet.refCnt()).isZero();
        assertThat(sink.size()).isZero();
        assertThat(session.stats().drops()).isEqualTo(Map.of(DropReason.BAD_MAGIC, 1L));
    }
}
