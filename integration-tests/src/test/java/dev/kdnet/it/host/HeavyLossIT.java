package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.Progress;
import dev.kdnet.host.relay.Impairment;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.sim.kernel.KernelConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A physical dump through a relay that drops one datagram in five each way (issue 10, point 8): the link keeps
 * probing at the pace of its round trip while the target answers, so the dump neither stalls on a back-off of
 * seconds nor runs out of retries, and its bytes are exact.
 */
class HeavyLossIT {
    private static final Impairment TWENTY_PERCENT_LOSS = new Impairment(0.20, 0, 0, Duration.ZERO, Duration.ZERO, 0);
    private static final int DUMP = 4 << 20;
    private static final Duration ATTACH = Duration.ofSeconds(30);
    private static final Duration REATTACH = Duration.ofSeconds(60);

    private final Closer closer = new Closer();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    @Test
    @Timeout(180)
    void dumpsFourMibExactlyThroughTwentyPercentLossEachWay() throws Exception {
        int port = LoopbackTarget.freePort();
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, List.of(port)), DebuggerSettings.defaults()));
        RelayedTarget relayed = RelayedTarget.start(closer, port, TWENTY_PERCENT_LOSS, KernelConfig.defaults());
        Debugger debugger = host.debugger(port);
        debugger.attach(ATTACH);

        long start = System.nanoTime();
        MemoryRead dump = debugger.dumpPhysical(0, DUMP, Progress.NONE, REATTACH);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(dump.complete()).isTrue();
        assertThat(LossyLinkIT.sha256(dump.bytes()))
                .isEqualTo(LossyLinkIT.sha256(relayed.target().kernel().physical().read(0, DUMP)));
        KdLinkStats stats = debugger.stats().link().orElseThrow();
        System.out.printf("20%% loss each way: %d MiB in %.2f s = %.2f MB/s; retransmits %d, timeouts %d,"
                + " given up %d, srtt %d us, rto %d us; relay %s%n", DUMP >> 20, seconds, DUMP / 1e6 / seconds,
                stats.retransmits(), stats.timeouts(), stats.gaveUp(), stats.srttMicros(), stats.rtoMicros(),
                relayed.relay().stats());
        assertThat(relayed.relay().stats().fromA().dropped()).isPositive();
        assertThat(relayed.relay().stats().toA().dropped()).isPositive();
        assertThat(stats.gaveUp()).as("no request given up while the target answers").isZero();
    }
}
