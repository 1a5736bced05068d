package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kdnet.host.relay.UdpRelay;
import dev.kdnet.host.session.TargetSession;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.sim.kernel.KernelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What a user of {@code ./kdnet host listen} sees of a lossy link: a dump through the impairment relay is exact (the
 * kernel's memory is read while the host still holds it stopped: once the script ends it runs and changes), and
 * {@code .kdstats} and the log show the retransmits, timeouts, drops by reason and round trip, with the log's
 * resend lines (DEBUG: {@code --log-level debug}) and drop lines rate-limited.
 */
class LossyCommandLineIT {
    private static final String KEY = "1.2.3.4";
    private static final int DUMP = 4 << 20;
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final Pattern KD_LINE = Pattern.compile("KD: (\\d+) packets sent, (\\d+) retransmits, (\\d+) timeouts");

    private final Closer closer = new Closer();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger sessionLogger = (Logger) LoggerFactory.getLogger(TargetSession.class);

    @AfterEach
    void close() throws Exception {
        sessionLogger.detachAppender(log);
        closer.close();
    }

    @Test
    @Timeout(90)
    void kdstatsAndTheLogShowWhatTheLossyLinkCost(@TempDir Path dir) throws Exception {
        int port = LoopbackTarget.freePort();
        RelayedTarget relayed = RelayedTarget.start(closer, port, RelayedTarget.LOSSY, KernelConfig.defaults());
        LoopbackTarget target = relayed.target();
        UdpRelay relay = relayed.relay();
        log.start();
        sessionLogger.addAppender(log);
        Path file = dir.resolve("phys.bin");
        long start = System.nanoTime();

        AtomicReference<InProcessHost> started = new AtomicReference<>();
        AtomicReference<byte[]> stoppedMemory = new AtomicReference<>();
        Runnable afterOutput = () -> {
            InProcessHost host = started.get();
            if (stoppedMemory.get() == null && host != null && host.out().contains("Writing 0x")) {
                stoppedMemory.set(target.kernel().physical().read(0, DUMP));
            }
        };
        InProcessHost run = InProcessHost.start(afterOutput, "listen", "--bind", "127.0.0.1", "--port",
                String.valueOf(port), "--key", KEY, "--log-level", "debug", "-c", ".dumpphys " + file + " 0 L?"
                        + Integer.toHexString(DUMP) + "; .kdstats; q");
        started.set(run);

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(stoppedMemory.get()).as("the kernel's memory while the host still held it stopped").isNotNull();
        assertThat(Files.readAllBytes(file)).isEqualTo(stoppedMemory.get());
        String out = run.out();
        System.out.println(out.lines().filter(line -> line.startsWith("KD:") || line.startsWith("RTT:")
                || line.startsWith("drops:")).reduce((a, b) -> a + "\n" + b).orElse(out));
        System.out.println("relay: " + relay.stats());

        Matcher kd = KD_LINE.matcher(out);
        assertThat(kd.find()).as(out).isTrue();
        assertThat(Long.parseLong(kd.group(2))).as("retransmits").isPositive();
        assertThat(Long.parseLong(kd.group(3))).as("timeouts").isPositive();
        assertThat(out).containsPattern("RTT: [1-9]\\d* samples, smoothed \\d+\\.\\d{3} ms \\(min \\d+\\.\\d{3}")
                .containsPattern("drops: .*HMAC mismatch [1-9]\\d*");

        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        List<String> resends = lines.stream().filter(line -> line.contains(": no ACK for ")).toList();
        assertThat(resends).as(String.join("\n", lines)).isNotEmpty()
                .allMatch(line -> line.contains(" retransmits, ") && line.contains(" timeouts, ")
                        && line.contains("RTT "));
        long secondsBound = (long) Math.ceil(seconds) + 1;
        assertThat((long) resends.size()).as("resend lines, at most one a second").isLessThanOrEqualTo(secondsBound);
        List<String> drops = lines.stream().filter(line -> line.contains(": dropped a datagram from ")).toList();
        assertThat(drops).as(String.join("\n", lines)).anyMatch(line -> line.contains("HMAC mismatch"));
        assertThat((long) drops.size()).as("drop lines, at most one a second per reason")
                .isLessThanOrEqualTo(secondsBound * DropReason.values().length);
    }
}
