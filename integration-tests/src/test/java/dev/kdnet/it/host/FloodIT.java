package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.session.SessionStats;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.sim.kernel.KernelConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One source flooding a port does not stop that port's target, nor another port's, from being served. */
class FloodIT {
    private static final int MIB = 0x10_0000;
    private static final long FLOOD_DATAGRAMS = 500_000;
    private static final Duration FLOOD_BOUND = Duration.ofSeconds(5);

    private final Closer closer = new Closer();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    @Test
    void bothTargetsAreReadWhileOnePortIsFloodedAndTheFloodIsRateLimited() throws Exception {
        int flooded = LoopbackTarget.freePort();
        int other = LoopbackTarget.freePort();
        while (other == flooded) {
            other = LoopbackTarget.freePort();
        }
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, List.of(flooded, other)),
                DebuggerSettings.defaults()));
        LoopbackTarget first = closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, flooded, 2,
                KernelConfig.defaults()));
        LoopbackTarget second = closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, other, 3,
                KernelConfig.defaults()));
        Flooder flooder = closer.add(Flooder.mdbgGarbage(flooded, FLOOD_DATAGRAMS, FLOOD_BOUND));

        host.debugger(flooded).attach(DebuggerAttachIT.ATTACH);
        host.debugger(other).attach(DebuggerAttachIT.ATTACH);
        long sentBeforeReads = flooder.sent();
        long floodedRead = timedMibRead(host.debugger(flooded), first);
        long otherRead = timedMibRead(host.debugger(other), second);
        long sentByEndOfReads = flooder.sent();
        flooder.close();

        SessionStats stats = await().atMost(Duration.ofSeconds(5)).until(() -> host.debugger(flooded).stats(),
                s -> s.drops().getOrDefault(DropReason.RATE_LIMITED, 0L) > 0);
        long quietRead = timedMibRead(host.debugger(flooded), first);
        assertThat(sentByEndOfReads).as("the flood went on during the reads").isGreaterThan(sentBeforeReads);
        assertThat(host.debugger(other).stats().totalDrops()).isZero();
        assertThat(stats.handshakes()).isEqualTo(1);
        System.out.printf("flood: %d datagrams sent (%d by the end of both attaches, %d by the end of both reads);"
                + " port %d drops %s; 1 MiB read %d ms flooded, %d ms on the other port, %d ms after the flood%n",
                flooder.sent(), sentBeforeReads, sentByEndOfReads, flooded, stats.drops(), floodedRead, otherRead,
                quietRead);
    }

    private static long timedMibRead(Debugger debugger, LoopbackTarget target) {
        long start = System.nanoTime();
        byte[] read = debugger.readPhysical(0, MIB).bytes();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(read).hasSize(MIB).isEqualTo(target.kernel().physical().read(0, MIB));
        return millis;
    }
}
