package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.MemorySpace;
import dev.kdnet.host.api.Progress;
import dev.kdnet.host.session.HostDropReason;
import dev.kdnet.host.session.SessionStats;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.testing.FuzzDatagrams;
import dev.kdnet.target.kernel.KernelConfig;
import dev.kdnet.target.nic.AgentStats;
import dev.kdnet.target.nic.DropReason;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seeded fuzz over real sockets: a host with a target on each of two ports; a million random, replayed, mutated
 * and authentic-but-damaged datagrams ({@link FuzzDatagrams}) at the host's port P1 from a fake target on the real
 * target's own address and port, then a million at that target from a fake host on the host's address and port
 * (each fake handshakes first, so its authentic datagrams carry the live data key and reach the KD link and the
 * DBGKD decoders), and a few from 100 other addresses at both. Paced so the receivers keep up.
 *
 * <p>Required: nothing logs an error or an exception on either side; the event loops still answer; the session on
 * P2 reads its marker right during and after the fuzz; the used heap after GC grows by less than {@value #HEAP_MIB}
 * MiB and the per-source structures stay at their bounds. The fuzzed session on P1 is <em>not</em> required to
 * survive: the fakes hold the key, so their authentic pokes and responses legitimately re-key host and target apart
 * (kdnet-wire §3.3: a target that pokes bound is not answered again). What is required is that P1 recovers: a
 * target booted again on P1 handshakes, attaches and reads right.
 */
@Timeout(150)
class SocketFuzzIT {
    private static final long SEED = Long.getLong("kdnet.fuzz.seed", 0x5EED_F022L);
    private static final long DATAGRAMS = 1_000_000;
    private static final Duration PHASE_BOUND = Duration.ofSeconds(40);
    private static final long PACING_WINDOW = 64;
    private static final int OTHER_SOURCES = 100;
    private static final int FIRST_OTHER_SOURCE = 10;
    private static final int PER_OTHER_SOURCE = 500;
    private static final int HEAP_MIB = 32;
    private static final int HOST = 1;
    private static final int FUZZED_TARGET = 2;
    private static final int OTHER_TARGET = 3;
    private static final long MARKER_ADDRESS = 0x0200_0000;
    private static final int MARKER_LENGTH = 0x1000;
    private static final Set<HostDropReason> BEFORE_HMAC = EnumSet.of(HostDropReason.BAD_MAGIC,
            HostDropReason.BAD_LENGTH, HostDropReason.UNKNOWN_CHANNEL, HostDropReason.NO_DATA_KEY,
            HostDropReason.RATE_LIMITED);
    private static final Set<DropReason> TARGET_BEFORE_HMAC = EnumSet.of(DropReason.BAD_MAGIC,
            DropReason.BAD_LENGTH, DropReason.UNKNOWN_CHANNEL, DropReason.NO_DATA_KEY);

    private final Closer closer = new Closer();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    @Test
    void aMillionDatagramsAtTheHostAndAMillionAtTheTargetBreakNothingAndLeakNothing() throws Exception {
        long testStart = System.nanoTime();
        System.out.printf("socket fuzz seed 0x%X (rerun with -Dkdnet.fuzz.seed=...)%n", SEED);
        LoggedErrors errors = closer.add(LoggedErrors.install());
        int p1 = LoopbackTarget.freePort();
        int p2 = LoopbackTarget.freePort();
        while (p2 == p1) {
            p2 = LoopbackTarget.freePort();
        }
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, List.of(p1, p2)), DebuggerSettings.defaults()));
        LoopbackTarget fuzzed = closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, p1, FUZZED_TARGET,
                KernelConfig.defaults()));
        LoopbackTarget other = closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, p2, OTHER_TARGET,
                KernelConfig.defaults()));
        Debugger d1 = host.debugger(p1);
        Debugger d2 = host.debugger(p2);
        d1.attach(DebuggerAttachIT.ATTACH);
        d2.attach(DebuggerAttachIT.ATTACH);
        byte[] marker = new byte[MARKER_LENGTH];
        new SplittableRandom(SEED).nextBytes(marker);
        assertThat(d2.write(MemorySpace.PHYSICAL, MARKER_ADDRESS, marker, Progress.NONE)).isEqualTo(MARKER_LENGTH);
        Map<String, Long> hostEvents = new ConcurrentHashMap<>();
        d1.addListener(event -> hostEvents.merge(event.getClass().getSimpleName(), 1L, Long::sum));
        long heapBefore = usedHeapAfterGc();
        long fuzzStart = System.nanoTime();

        InetSocketAddress hostAddress = new InetSocketAddress(LoopbackTarget.loopback(HOST), p1);
        InetSocketAddress targetAddress = new InetSocketAddress(LoopbackTarget.loopback(FUZZED_TARGET), p1);
        Phase atHost;
        Phase atTarget;
        try (MarkerReader reader = new MarkerReader(d2, MARKER_ADDRESS, marker, Duration.ofMillis(100))) {
            long hostIn = d1.stats().datagramsIn();
            try (FuzzPeer fakeTarget = FuzzPeer.target(DebuggerAttachIT.KEY, targetAddress, hostAddress, SEED)) {
                atHost = Phase.run(fakeTarget, () -> d1.stats().datagramsIn());
            }
            sendFromOtherSources(hostAddress, Direction.TARGET_TO_HOST);
            long hostHandled = d1.stats().datagramsIn() - hostIn;
            long targetIn = fuzzed.agent().stats().datagramsIn();
            try (FuzzPeer fakeHost = FuzzPeer.host(DebuggerAttachIT.KEY, hostAddress, targetAddress, SEED + 1)) {
                atTarget = Phase.run(fakeHost, () -> fuzzed.agent().stats().datagramsIn());
            }
            sendFromOtherSources(targetAddress, Direction.HOST_TO_TARGET);
            long targetHandled = fuzzed.agent().stats().datagramsIn() - targetIn;
            reader.close();
            double fuzzSeconds = (System.nanoTime() - fuzzStart) / 1e9;

            SessionStats s1 = d1.stats();
            SessionStats s2 = d2.stats();
            AgentStats t1 = fuzzed.agent().stats();
            long pokes = t1.pokesSent();
            System.out.printf("at the host: %s; handled %d; drops %s; limiter sources %d, tallied senders %d;"
                    + " link %s; debugger events %s%n", atHost, hostHandled, new TreeMap<>(s1.drops()),
                    s1.limitedSources(), s1.talliedSenders(), s1.link().orElse(null), new TreeMap<>(hostEvents));
            System.out.printf("at the target: %s; handled %d; drops %s; boots %d, handshakes %d, delivered %d,"
                    + " data sent %d; link %s%n", atTarget, targetHandled, new TreeMap<>(t1.drops()), t1.boots(),
                    t1.handshakes(), t1.dataDelivered(), t1.dataSent(), t1.link());
            System.out.printf("P2 during the fuzz: %d marker reads right; %.1f s of fuzz%n", reader.good(),
                    fuzzSeconds);

            assertThat(atHost.sent()).isGreaterThanOrEqualTo(DATAGRAMS);
            assertThat(atTarget.sent()).isGreaterThanOrEqualTo(DATAGRAMS);
            assertThat(hostHandled).as("the host took in most of what was sent").isGreaterThan(atHost.sent() * 9 / 10);
            assertThat(targetHandled).as("the target took in most of what was sent")
                    .isGreaterThan(atTarget.sent() * 9 / 10);
            long hostPastHmac = hostHandled - s1.drops().entrySet().stream()
                    .filter(e -> BEFORE_HMAC.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            assertThat(hostPastHmac).as("host datagrams that reached the HMAC check").isGreaterThan(hostHandled / 2);
            assertThat(s1.drops().get(HostDropReason.MALFORMED_BODY)).as("authentic garbage at the KD/DBGKD decoders")
                    .isGreaterThan(10_000);
            assertThat(hostEvents).as("DBGKD payloads the host decoded and acted on")
                    .containsKeys("Stopped", "Printed");
            assertThat(s1.drops()).containsKey(HostDropReason.RATE_LIMITED);
            assertThat(s1.limitedSources()).isPositive().isLessThanOrEqualTo(64);
            assertThat(s1.talliedSenders()).isLessThanOrEqualTo(32);
            long targetPastHmac = targetHandled - t1.drops().entrySet().stream()
                    .filter(e -> TARGET_BEFORE_HMAC.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            assertThat(targetPastHmac).as("target datagrams that reached the HMAC check")
                    .isGreaterThan(targetHandled / 2);
            assertThat(t1.dataDelivered()).as("authentic bodies handed to the KD stub").isGreaterThan(100_000);
            assertThat(t1.boots()).as("garbage Reboot and CauseBugCheck requests the stub decoded and obeyed")
                    .isGreaterThan(1);
            assertThat(reader.firstFailure()).as("P2 during the fuzz").isNull();
            assertThat(reader.good()).as("P2 reads during the fuzz").isPositive();
            assertThat(s2.totalDrops()).as("nothing reached P2").isZero();
            assertThat(d2.readPhysical(MARKER_ADDRESS, MARKER_LENGTH).bytes()).isEqualTo(marker);
            await().atMost(Duration.ofSeconds(5)).until(() -> fuzzed.agent().stats().pokesSent() > pokes);
        }

        long heapAfter = usedHeapAfterGc();
        System.out.printf("used heap after GC: %d KiB before the fuzz, %d KiB after (%+d KiB)%n", heapBefore >> 10,
                heapAfter >> 10, (heapAfter - heapBefore) >> 10);
        assertThat(heapAfter - heapBefore).isLessThan((long) HEAP_MIB << 20);

        fuzzed.close();
        LoopbackTarget rebooted = closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, p1, FUZZED_TARGET,
                KernelConfig.defaults()));
        d1.attach(DebuggerAttachIT.ATTACH);
        assertThat(d1.readPhysical(0, 0x10000).bytes()).isEqualTo(rebooted.kernel().physical().read(0, 0x10000));
        assertThat(errors.count()).as("errors and exceptions logged: %s", errors.first()).isZero();
        System.out.printf("socket fuzz: %.1f s in all%n", (System.nanoTime() - testStart) / 1e9);
    }

    /** One side's fuzz: the fake peer's handshake and flood, with what it sent and how fast. */
    private record Phase(long sent, double rate, long handshakes, long received, Map<FuzzDatagrams.Kind, Long> kinds) {
        static Phase run(FuzzPeer peer, java.util.function.LongSupplier handled) throws Exception {
            peer.handshake(Duration.ofSeconds(5));
            Flooder flooder = peer.flood(DATAGRAMS, PHASE_BOUND, Flooder.Pacing.window(handled, PACING_WINDOW));
            assertThat(flooder.awaitEnd(PHASE_BOUND.plusSeconds(5))).isTrue();
            assertThat(flooder.failure()).isNull();
            return new Phase(flooder.sent(), flooder.rate(), peer.handshakes(), peer.received(), peer.kinds());
        }

        @Override
        public String toString() {
            return String.format("%d sent at %.0f/s, %d handshakes, %d answers received, kinds %s", sent, rate,
                    handshakes, received, kinds);
        }
    }

    /** {@value #PER_OTHER_SOURCE} datagrams of a generator without data key from each of 100 other addresses. */
    private static void sendFromOtherSources(InetSocketAddress to, Direction direction) throws Exception {
        FuzzDatagrams fuzz = new FuzzDatagrams(SEED ^ to.getPort(), direction, SessionKeys.of(DebuggerAttachIT.KEY));
        for (int i = 0; i < OTHER_SOURCES; i++) {
            try (DatagramChannel socket = DatagramChannel.open(StandardProtocolFamily.INET)) {
                socket.bind(new InetSocketAddress(LoopbackTarget.loopback(FIRST_OTHER_SOURCE + i), 0));
                for (int n = 0; n < PER_OTHER_SOURCE; n++) {
                    socket.send(ByteBuffer.wrap(fuzz.next()), to);
                }
            }
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
