package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerEvent;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.EventSubscription;
import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.Progress;
import dev.kdnet.host.relay.UdpRelay;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 16 MiB physical dump during which the target power-cycles itself (the debugger did not ask): the host reports
 * the reboot, attaches again and finishes the dump from the first byte it had not received.
 *
 * <p>What "exact" means here: the dump has every byte of [0, 16 MiB) and its SHA-256 equals that of the simulated
 * kernel's physical memory of the range when the dump has finished (the second boot's), which equals the first
 * boot's. A boot rebuilds the kernel's structures (in the second MiB) byte for byte from its configuration and
 * stops the same way (SimulatedKernelTest checks it; this test checks it again for the range), and the target
 * never runs during the dump, so nothing in the range legitimately changes at boot. The rest of simulated RAM is
 * zero, where a lost or misplaced chunk would not show, so every boot of the test machine finds the same seeded
 * random bytes in [2 MiB, 16 MiB), as firmware that initialised RAM the same way each time would leave them:
 * every chunk differs from every other.
 */
class RebootMidDumpIT {
    private static final String KEY = "1.2.3.4";
    private static final int HOST = 1;
    private static final int TARGET = 2;
    private static final int RELAY = 3;
    private static final int DUMP = 16 << 20;
    private static final long RAM_AT = 2L << 20;
    private static final long REBOOT_AT = DUMP / 4;
    private static final Duration ATTACH = Duration.ofSeconds(10);
    private static final Duration REATTACH = Duration.ofSeconds(10);
    private static final Duration RUN = Duration.ofSeconds(40);
    private static final byte[] RAM = seededRam();

    private final Closer closer = new Closer();
    private int port;
    private LoopbackTarget target;
    private volatile InProcessHost shell;
    private volatile byte[] kernelDigestAfterDump;

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    private static byte[] seededRam() {
        byte[] ram = new byte[(int) (DUMP - RAM_AT)];
        new Random(7).nextBytes(ram);
        return ram;
    }

    /**
     * A target on 127.0.0.2 whose host is 127.0.0.{hostAddressByte} (the host's, or a relay's), which power-cycles
     * when asked for physical memory at or above 4 MiB.
     */
    private void startTarget(int hostAddressByte) throws Exception {
        port = LoopbackTarget.freePort();
        target = closer.add(LoopbackTarget.withRam(hostAddressByte, DebuggerAttachIT.KEY, port, TARGET,
                KernelConfig.defaults(), RAM_AT, RAM));
        target.powerCycleOnPhysicalRead(REBOOT_AT);
    }

    /** The offset of the first request at or above {@link #REBOOT_AT}: what had arrived when the target went off. */
    private static long receivedAtReboot(int chunkSize) {
        return (REBOOT_AT + chunkSize - 1) / chunkSize * chunkSize;
    }

    /**
     * Runs on the shell's thread after each write to its stdout: once it has printed the dump's rate line, the dump
     * is over and the target still stopped, so this takes the digest of the kernel's memory of the range then. (At
     * the end of the script the host lets the target run, which rewrites the processor state in its KPRCBs.)
     */
    private void digestKernelOnceDumped() {
        InProcessHost running = shell;
        if (kernelDigestAfterDump == null && running != null && running.out().contains("Writing 0x")) {
            try {
                kernelDigestAfterDump = LossyLinkIT.sha256(target.kernel().physical().read(0, DUMP));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What a dump told its progress, in order. */
    private static final class RecordedProgress implements Progress {
        final List<Long> updates = new ArrayList<>();
        final List<Long> resumedAt = new ArrayList<>();
        int updatesBeforeResume = -1;

        @Override
        public void update(long done, long total) {
            assertThat(total).isEqualTo(DUMP);
            updates.add(done);
        }

        @Override
        public void resumedAfterReboot(long done, long total) {
            assertThat(total).isEqualTo(DUMP);
            resumedAt.add(done);
            updatesBeforeResume = updates.size();
        }
    }

    /** How a dump went: its duration and the reboot events published meanwhile. */
    private record Outcome(double seconds, long rebooted, long reattached) {
    }

    /**
     * Attaches a debugger with {@code chunk}-byte requests to the target, dumps [0, 16 MiB) across its power cycle
     * and checks the dump and its progress; returns how long it took and the events.
     */
    private Outcome dumpAcrossThePowerCycle(int chunk) throws Exception {
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, List.of(port)),
                DebuggerSettings.defaults().withChunkSize(chunk)));
        Debugger debugger = host.debugger(port);
        debugger.attach(ATTACH);
        SimulatedKernel firstBoot = target.kernel();
        RecordedProgress progress = new RecordedProgress();
        List<DebuggerEvent> events = new ArrayList<>();

        long start = System.nanoTime();
        MemoryRead dump;
        try (EventSubscription subscription = debugger.subscribe()) {
            dump = debugger.dumpPhysical(0, DUMP, progress, REATTACH);
            for (Optional<DebuggerEvent> e = subscription.poll(Duration.ZERO); e.isPresent();
                    e = subscription.poll(Duration.ZERO)) {
                events.add(e.get());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(target.agent().stats().boots()).isEqualTo(2);
        SimulatedKernel secondBoot = target.kernel();
        assertThat(secondBoot).isNotSameAs(firstBoot);
        assertThat(dump.complete()).as(dump.toString()).isTrue();
        byte[] atTheEnd = secondBoot.physical().read(0, DUMP);
        assertThat(LossyLinkIT.sha256(dump.bytes())).isEqualTo(LossyLinkIT.sha256(atTheEnd));
        assertThat(LossyLinkIT.sha256(firstBoot.physical().read(0, DUMP))).as("the first boot's memory")
                .isEqualTo(LossyLinkIT.sha256(atTheEnd));

        long rebootedAt = receivedAtReboot(chunk);
        assertThat(progress.resumedAt).containsExactly(rebootedAt);
        assertThat(progress.updates.get(progress.updatesBeforeResume - 1)).isEqualTo(rebootedAt);
        assertThat(progress.updates.get(progress.updatesBeforeResume)).isEqualTo(rebootedAt + chunk);
        assertThat(progress.updates.get(progress.updates.size() - 1)).isEqualTo(DUMP);
        return new Outcome(seconds, events.stream().filter(DebuggerEvent.Rebooted.class::isInstance).count(),
                events.stream().filter(DebuggerEvent.Reattached.class::isInstance).count());
    }

    @Test
    @Timeout(60)
    void theDumpReportsTheRebootAttachesAgainAndIsExact() throws Exception {
        startTarget(HOST);
        Outcome dump = dumpAcrossThePowerCycle(DebuggerSettings.MAX_CHUNK_SIZE);
        assertThat(dump.rebooted()).isEqualTo(1);
        assertThat(dump.reattached()).isEqualTo(1);
        System.out.printf("API: %d MiB dump across a reboot: %.2f s%n", DUMP >> 20, dump.seconds());
    }

    @Test
    @Timeout(60)
    void theDumpAlsoGoesOnThroughALossyRelay() throws Exception {
        startTarget(RELAY);
        UdpRelay relay = closer.add(UdpRelay.start(closer.transport,
                new InetSocketAddress(LoopbackTarget.loopback(RELAY), port),
                new InetSocketAddress(LoopbackTarget.loopback(HOST), port), RelayedTarget.LOSSY, 11));
        Outcome dump = dumpAcrossThePowerCycle(DebuggerSettings.MAX_CHUNK_SIZE);
        assertThat(dump.rebooted()).isEqualTo(1);
        assertThat(dump.reattached()).isEqualTo(1);
        assertThat(relay.stats().fromA().dropped()).isPositive();
        assertThat(relay.stats().toA().corrupted()).isPositive();
        System.out.printf("API through the lossy relay (5%% loss, 1%% dup, 2%% reorder, 0.5%% corrupt): %d MiB dump"
                + " across a reboot: %.2f s; relay %s%n", DUMP >> 20, dump.seconds(), relay.stats());
    }

    @Test
    @Timeout(60)
    void dumpphysPrintsWhereTheTargetRebootedAndWritesTheWholeRange(@TempDir Path dir) throws Exception {
        startTarget(HOST);
        Path file = dir.resolve("physical.bin");
        long start = System.nanoTime();
        InProcessHost run = InProcessHost.start(this::digestKernelOnceDumped, "listen", "--bind", "127.0.0.1",
                "--port", String.valueOf(port), "--key", KEY, "-c", ".dumpphys " + file + " 0 L?1000000; q");
        shell = run;

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        double seconds = (System.nanoTime() - start) / 1e9;
        // 0x448-byte requests: the 3827th, at 0x400058, is the first at or above 4 MiB
        assertThat(run.out()).as(run.transcript()).containsOnlyOnce(
                "target rebooted at 0x400058 of 0x1000000 bytes; re-attached, continuing from 00000000`00400058\n");
        assertThat(run.out()).containsOnlyOnce("rebooted; attaching again")
                .contains("Writing 0x1000000 bytes to " + file);
        assertThat(target.agent().stats().boots()).isEqualTo(2);
        assertThat(kernelDigestAfterDump).as("the kernel's memory when the dump had finished").isNotNull();
        assertThat(LossyLinkIT.sha256(Files.readAllBytes(file))).isEqualTo(kernelDigestAfterDump);
        System.out.printf("shell: listen, attach and a %d MiB .dumpphys across a reboot: %.2f s%n", DUMP >> 20,
                seconds);
    }
}
