package dev.kdnet.host.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.protocol.netty.UdpTransport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay over real loopback sockets: two plain sockets as side A and the {@code --to} side, 1,000 datagrams
 * each way. Each datagram is a sequence number followed by its complement, so a flipped bit shows.
 */
class UdpRelayTest {
    private static final int EACH_WAY = 1000;
    private static final int BATCH = 50;
    private static final Impairment SETTINGS = new Impairment(0.05, 0.03, 0, Duration.ofMillis(1),
            Duration.ofNanos(500_000), 0.02);

    private final UdpTransport transport = UdpTransport.create(1);

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void relaysBothWaysAndItsCountsAddUp() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(loopback, 0));
                DatagramSocket b = new DatagramSocket(new InetSocketAddress(loopback, 0));
                UdpRelay relay = UdpRelay.start(transport, new InetSocketAddress(loopback, 0),
                        (InetSocketAddress) b.getLocalSocketAddress(), SETTINGS, 11)) {
            Receiver atB = Receiver.start(b);
            Receiver atA = Receiver.start(a);
            sendInBatches(a, relay.localAddress(), 0, atB, () -> relay.stats().fromA());
            sendInBatches(b, relay.localAddress(), EACH_WAY, atA, () -> relay.stats().toA());

            assertArrived(relay.stats().fromA(), atB.received, 0);
            assertArrived(relay.stats().toA(), atA.received, EACH_WAY);
            assertThat(relay.sideA()).isEqualTo(a.getLocalSocketAddress());
        }
    }

    @Test
    void aHeldBackDatagramArrivesEvenWhenNothingFollows() throws Exception {
        Impairment alwaysReorder = new Impairment(0, 0, 1, Duration.ofMillis(1), Duration.ZERO, 0);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(loopback, 0));
                DatagramSocket b = new DatagramSocket(new InetSocketAddress(loopback, 0));
                UdpRelay relay = UdpRelay.start(transport, new InetSocketAddress(loopback, 0),
                        (InetSocketAddress) b.getLocalSocketAddress(), alwaysReorder, 11)) {
            Receiver atB = Receiver.start(b);
            byte[] payload = payload(7);
            a.send(new DatagramPacket(payload, payload.length, relay.localAddress()));

            await().atMost(Duration.ofSeconds(5)).until(() -> atB.received.size() == 1);
            assertThat(atB.received.get(0)).isEqualTo(payload);
            assertThat(relay.stats().fromA().reordered()).isEqualTo(1);
        }
    }

    /**
     * Sends {@code EACH_WAY} datagrams from {@code from} in batches, waiting after each until the relay has
     * decided them all and everything it forwarded has arrived, so no socket buffer overflows.
     */
    private static void sendInBatches(DatagramSocket from, InetSocketAddress relay, int firstSequence,
            Receiver receiver, java.util.function.Supplier<DirectionStats> stats) throws IOException {
        for (int sent = 0; sent < EACH_WAY; ) {
            for (int i = 0; i < BATCH; i++, sent++) {
                byte[] payload = payload(firstSequence + sent);
                from.send(new DatagramPacket(payload, payload.length, relay));
            }
            int expected = sent;
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                DirectionStats now = stats.get();
                return now.forwarded() + now.dropped() == expected
                        && receiver.received.size() == now.forwarded() + now.duplicated();
            });
        }
    }

    private static void assertArrived(DirectionStats stats, List<byte[]> received, int firstSequence) {
        assertThat(stats.forwarded() + stats.dropped()).isEqualTo(EACH_WAY);
        assertThat(stats.dropped()).isPositive();
        assertThat(stats.duplicated()).isPositive();
        assertThat(stats.corrupted()).isPositive();
        assertThat(stats.delayed()).isEqualTo(stats.forwarded());
        assertThat((long) received.size()).isEqualTo(stats.forwarded() + stats.duplicated());
        long intact = received.stream().filter(UdpRelayTest::intact).count();
        assertThat(received).filteredOn(d -> !intact(d))
                .allSatisfy(d -> assertThat(oneBitFromSomePayload(d, firstSequence)).isTrue());
        assertThat(received.size() - intact).isBetween(stats.corrupted(), 2 * stats.corrupted());
        long distinct = received.stream().filter(UdpRelayTest::intact).map(ByteBuffer::wrap).distinct().count();
        assertThat(intact - distinct).isLessThanOrEqualTo(stats.duplicated());
    }

    private static byte[] payload(long sequence) {
        return ByteBuffer.allocate(16).putLong(sequence).putLong(~sequence).array();
    }

    private static boolean intact(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        return datagram.length == 16 && buffer.getLong(0) == ~buffer.getLong(8);
    }

    private static boolean oneBitFromSomePayload(byte[] datagram, int firstSequence) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        return oneBitApart(datagram, buffer.getLong(0), firstSequence)
                || oneBitApart(datagram, ~buffer.getLong(8), firstSequence);
    }

    private static boolean oneBitApart(byte[] datagram, long sequence, int firstSequence) {
        if (sequence < firstSequence || sequence >= firstSequence + EACH_WAY) {
            return false;
        }
        byte[] original = payload(sequence);
        int bits = 0;
        for (int i = 0; i < original.length; i++) {
            bits += Integer.bitCount((original[i] ^ datagram[i]) & 0xff);
        }
        return bits == 1;
    }

    /** Collects what one socket receives on a daemon thread until the socket closes. */
    private record Receiver(List<byte[]> received) {
        static Receiver start(DatagramSocket socket) throws IOException {
            Receiver receiver = new Receiver(new CopyOnWriteArrayList<>());
            socket.setSoTimeout(100);
            Thread thread = new Thread(() -> receiver.receiveUntilClosed(socket), "relay-test-receiver");
            thread.setDaemon(true);
            thread.start();
            return receiver;
        }

        private void receiveUntilClosed(DatagramSocket socket) {
            byte[] buffer = new byte[64];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    received.add(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                } catch (SocketTimeoutException idle) {
                    continue;
                } catch (IOException closed) {
                    return;
                }
            }
        }
    }
}
