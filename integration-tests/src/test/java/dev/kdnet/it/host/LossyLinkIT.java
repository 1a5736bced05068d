package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.MemorySpace;
import dev.kdnet.host.api.Progress;
import dev.kdnet.host.relay.Impairment;
import dev.kdnet.host.relay.UdpRelay;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.sim.kernel.KernelConfig;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory transfers through the impairment relay (see {@link RelayedTarget}). One port runs through a clean relay
 * for comparison, the next through a lossy one, the third through a lossy one that also delays.
 */
class LossyLinkIT {
    /** The lossy impairment with 1 ms ± 0.5 ms of delay each way, as {@code --delay 1ms --jitter 0.5ms}. */
    private static final Impairment LOSSY_DELAYED = new Impairment(0.05, 0.01, 0.02, Duration.ofMillis(1),
            Duration.ofNanos(500_000), 0.005);
    private static final int DUMP = 16 << 20;
    /** Smaller through the delayed relay: each request costs at least one 1 ms round trip. */
    private static final int DELAYED_DUMP = 2 << 20;
    private static final long WRITE_AT = 64L << 20;
    private static final int WRITTEN = 1 << 20;
    private static final Duration ATTACH = Duration.ofSeconds(30);

    private final Closer closer = new Closer();
    private DebuggerHost host;

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    /** A debugger attached to a target on {@code port}, stopped, behind a relay applying {@code impairment}. */
    private Link link(int port, Impairment impairment) throws Exception {
        RelayedTarget relayed = RelayedTarget.start(closer, port, impairment, KernelConfig.defaults());
        Debugger debugger = host.debugger(port);
        debugger.attach(ATTACH);
        return new Link(debugger, relayed.target(), relayed.relay());
    }

    private record Link(Debugger debugger, LoopbackTarget target, UdpRelay relay) {
        /** Reads {@code size} bytes of physical memory, checks them against the target's and returns MB/s. */
        double dumpAndCompare(String name, int size) throws Exception {
            long start = System.nanoTime();
            MemoryRead dump = debugger.read(MemorySpace.PHYSICAL, 0, size, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(dump.complete()).isTrue();
            assertThat(sha256(dump.bytes())).isEqualTo(sha256(target.kernel().physical().read(0, size)));
            double throughput = size / 1e6 / seconds;
            KdLinkStats stats = debugger.stats().link().orElseThrow();
            System.out.printf("%s: %d MiB in %.2f s = %.2f MB/s; retransmits %d (%d found spurious), timeouts %d,"
                    + " srtt %d us, rttvar %d us, rtt %d..%d us, rto %d us; relay %s%n", name, size >> 20, seconds,
                    throughput, stats.retransmits(), stats.spuriousRetransmits(), stats.timeouts(),
                    stats.srttMicros(), stats.rttvarMicros(), stats.minRttMicros(), stats.maxRttMicros(),
                    stats.rtoMicros(), relay.stats());
            return throughput;
        }
    }

    static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    @Test
    @Timeout(240)
    void dumpsSixteenMibThroughALossyRelayAndWritesOneMibBack() throws Exception {
        int firstPort = LoopbackTarget.freePorts(3);
        host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, List.of(firstPort, firstPort + 1, firstPort + 2)),
                DebuggerSettings.defaults().withChunkSize(DebuggerSettings.MAX_CHUNK_SIZE)));
        Link clean = link(firstPort, Impairment.NONE);
        Link lossy = link(firstPort + 1, RelayedTarget.LOSSY);
        Link delayed = link(firstPort + 2, LOSSY_DELAYED);

        double cleanRate = clean.dumpAndCompare("clean", DUMP);
        double lossyRate = lossy.dumpAndCompare("lossy", DUMP);
        System.out.printf("lossy / clean throughput: %.3f%n", lossyRate / cleanRate);
        double delayedRate = delayed.dumpAndCompare("lossy, 1 ms +- 0.5 ms each way", DELAYED_DUMP);
        System.out.printf("lossy delayed / clean throughput: %.3f%n", delayedRate / cleanRate);
        assertThat(delayed.debugger().stats().link().orElseThrow().rtoMicros())
                .as("the timeout follows a round trip of at least 1 ms instead of staying at the 1 ms floor")
                .isGreaterThan(1_000L);

        byte[] data = new byte[WRITTEN];
        new Random(RelayedTarget.SEED).nextBytes(data);
        assertThat(lossy.debugger().write(MemorySpace.PHYSICAL, WRITE_AT, data, Progress.NONE)).isEqualTo(WRITTEN);
        assertThat(lossy.target().kernel().physical().read(WRITE_AT, WRITTEN)).isEqualTo(data);
        assertThat(lossy.debugger().read(MemorySpace.PHYSICAL, WRITE_AT, WRITTEN, Progress.NONE).bytes())
                .isEqualTo(data);
        assertThat(lossy.relay().stats().fromA().dropped()).isPositive();
        assertThat(lossy.relay().stats().toA().corrupted()).isPositive();
    }
}
