package dev.kdnet.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.kd.BreakIn;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.testing.ManualScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The debugger engine against a {@link ScriptedTarget} on the virtual clock (no sockets, no threads): attach, a
 * lost break-in byte, a reboot under a request and under a dump, a lost reply, a reply before its ACK, and the
 * request deadline that counts from the last sign of life.
 */
class DebuggerEngineTest {
    private static final int CHUNK = 0x100;
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);
    private static final Duration REATTACH = Duration.ofSeconds(10);

    private final DebuggerSettings settings = DebuggerSettings.defaults().withChunkSize(CHUNK);
    private final ManualScheduler clock = new ManualScheduler();
    private final EngineHarness harness = new EngineHarness(settings, clock);

    @Test
    void attachesOnGetVersionAloneWhenMemoryHoldsNoDebuggerDataBlock() {
        KernelVersion version = attached();

        assertThat(version.buildNumber()).isEqualTo(ScriptedTarget.BUILD);
        assertThat(version.product()).isEqualTo("Windows 8.1 / Server 2012 R2");
        assertThat(version.kernelBase()).isEqualTo(ScriptedTarget.KERN_BASE);
        assertThat(version.debuggerDataBlock()).isZero();
        assertThat(version.ntBuildLab()).isEmpty();
        assertThat(version.unread()).singleElement().asString()
                .startsWith("the debugger data list at 0xFFFFF80000200000");
        assertThat(harness.target.breakIns).as("the target did not stop by itself: one break-in").isEqualTo(1);
    }

    @Test
    void attachReadsTheDebuggerDataBlockWhereMemoryHoldsOne() {
        long block = 0xFFFFF80000300000L;
        long lab = 0xFFFFF80000400000L;
        byte[] head = new byte[8];
        WireBytes.wrap(head).putLong(0, block);
        harness.target.map(ScriptedTarget.DEBUGGER_DATA_LIST, head);
        byte[] prefix = new byte[0x210];
        System.arraycopy("KDBG".getBytes(StandardCharsets.US_ASCII), 0, prefix, 0x10, 4);
        WireBytes.wrap(prefix).putInt(0x14, 0x368);
        WireBytes.wrap(prefix).putLong(0x208, lab);
        harness.target.map(block, prefix);
        harness.target.map(lab, "9600.winblue_rtm.130821-1623\0".getBytes(StandardCharsets.US_ASCII));

        KernelVersion version = attached();

        assertThat(version.debuggerDataBlock()).isEqualTo(block);
        assertThat(version.debuggerDataSize()).isEqualTo(0x368);
        assertThat(version.ntBuildLab()).isEqualTo("9600.winblue_rtm.130821-1623");
        assertThat(version.unread()).isEmpty();
    }

    @Test
    void aLostBreakInByteIsSentAgainUntilTheTargetStopsAndNoMoreAfterwards() {
        AtomicInteger sent = new AtomicInteger();
        harness.loseToTarget = body -> body instanceof BreakIn && sent.incrementAndGet() == 1;

        attached();
        run(settings.breakInRepeat().multipliedBy(4));

        assertThat(sent).as("the first was lost, the second stopped the target").hasValue(2);
        assertThat(harness.target.breakIns).isEqualTo(1);
    }

    @Test
    void aRebootDuringARequestFailsItAndTheEngineAttachesAgainByItself() {
        attached();
        harness.target.rebootWhenAsked.add(0x1000L);

        CompletableFuture<MemoryRead> read = readPhysical(0x1000, 16);
        runUntilDone(read, LONG_ENOUGH);

        assertThat(failure(read)).isInstanceOf(NotAttachedException.class);
        KernelVersion again = runUntilDone(harness.engine.attach(REATTACH), LONG_ENOUGH).join();
        assertThat(again.buildNumber()).isEqualTo(ScriptedTarget.BUILD);
        assertThat(harness.engine.reboots()).isEqualTo(1);
        assertThat(harness.events).anyMatch(e -> e instanceof DebuggerEvent.Rebooted)
                .anyMatch(e -> e instanceof DebuggerEvent.Reattached);
    }

    @Test
    void aDumpGoesOnAcrossARebootFromTheFirstByteItLacks() {
        attached();
        harness.target.rebootWhenAsked.add(0x300L);
        List<Long> resumedAt = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public void resumedAfterReboot(long done, long total) {
                resumedAt.add(done);
            }
        };

        CompletableFuture<MemoryRead> dump = harness.engine.dump(0, 0x800, progress, REATTACH);
        runUntilDone(dump, LONG_ENOUGH);

        assertThat(dump.join().bytes()).isEqualTo(physical(0, 0x800));
        assertThat(resumedAt).containsExactly(0x300L);
        assertThat(harness.engine.reboots()).isEqualTo(1);
    }

    @Test
    void aLostReplyIsTakenWhenTheTargetSendsItAgain() {
        attached();
        harness.loseToHost = once(body -> isReply(body, ManipulateApi.READ_PHYSICAL_MEMORY));

        CompletableFuture<MemoryRead> read = readPhysical(0x2000, 0x40);
        runUntilDone(read, LONG_ENOUGH);

        assertThat(read.join().bytes()).isEqualTo(physical(0x2000, 0x40));
    }

    @Test
    void aReplyThatArrivesBeforeTheAckOfItsRequestIsTaken() {
        attached();
        harness.loseToHost = once(body -> body instanceof KdPacket packet
                && packet.type().equals(KdPacketType.ACKNOWLEDGE));

        CompletableFuture<MemoryRead> read = readPhysical(0x3000, 0x40);
        runUntilDone(read, LONG_ENOUGH);

        assertThat(read.join().bytes()).isEqualTo(physical(0x3000, 0x40));
    }

    @Test
    void aRequestDoesNotFailWhileThePeerIsStillHeard() {
        attached();
        harness.target.replyDelay = settings.requestTimeout().multipliedBy(2);
        harness.target.printEvery = Duration.ofSeconds(1);

        CompletableFuture<MemoryRead> read = readPhysical(0x4000, 0x10);
        runUntilDone(read, LONG_ENOUGH);

        assertThat(read.join().bytes()).isEqualTo(physical(0x4000, 0x10));
    }

    @Test
    void aRequestFailsWhenThePeerHasBeenSilentForTheRequestTimeout() {
        attached();
        harness.target.ignoreAsks.put(0x5000L, 1);
        Duration timeout = settings.requestTimeout();

        CompletableFuture<MemoryRead> read = readPhysical(0x5000, 0x10);
        run(timeout.minusMillis(100));
        assertThat(read).as("the ACK was the last sign of life").isNotDone();
        run(Duration.ofMillis(200));

        assertThat(failure(read)).isInstanceOf(NoAnswerException.class).hasMessageContaining("ReadPhysicalMemory");
    }

    @Test
    void aDumpAsksAgainForAChunkThatGotNoAnswer() {
        attached();
        harness.target.ignoreAsks.put(0x200L, ResumingDump.RE_ASKS);

        CompletableFuture<MemoryRead> dump = harness.engine.dump(0, 0x400, Progress.NONE, REATTACH);
        runUntilDone(dump, LONG_ENOUGH);

        assertThat(dump.join().bytes()).isEqualTo(physical(0, 0x400));
    }

    @Test
    void aDumpEndsWhenAChunkGetsNoAnswerMoreOftenThanItIsAskedAgain() {
        attached();
        harness.target.ignoreAsks.put(0x200L, ResumingDump.RE_ASKS + 1);

        CompletableFuture<MemoryRead> dump = harness.engine.dump(0, 0x400, Progress.NONE, REATTACH);
        runUntilDone(dump, LONG_ENOUGH);

        assertThat(failure(dump)).isInstanceOf(NoAnswerException.class);
    }

    @Test
    void aTransferSendsEachChunkFromThePreviousReplyAndTellsProgress() {
        attached();
        List<Long> progress = new ArrayList<>();

        CompletableFuture<MemoryRead> read = harness.engine.memory().read(MemorySpace.PHYSICAL, 0, 0x6000,
                3 * CHUNK, (done, total) -> progress.add(done));
        runUntilDone(read, LONG_ENOUGH);

        assertThat(read.join().bytes()).isEqualTo(physical(0x6000, 3 * CHUNK));
        assertThat(progress).containsExactly((long) CHUNK, 2L * CHUNK, 3L * CHUNK);
    }

    @Test
    void aCancelledReadSendsNoFurtherChunkAndTheTargetStaysReadable() {
        attached();
        AtomicReference<CompletableFuture<MemoryRead>> read = new AtomicReference<>();
        read.set(harness.engine.memory().read(MemorySpace.PHYSICAL, 0, 0x6000, 8 * CHUNK,
                (done, total) -> read.get().cancel(false)));
        run(LONG_ENOUGH);

        assertThat(read.get()).isCancelled();
        assertThat(harness.target.requests.stream().filter(ManipulateApi.READ_PHYSICAL_MEMORY::equals))
                .as("the chunk under way when the cancel came, and none after it").hasSize(1);
        assertThat(runUntilDone(readPhysical(0x7000, 0x40), LONG_ENOUGH).join().bytes())
                .isEqualTo(physical(0x7000, 0x40));
    }

    @Test
    void aCancelledDumpSendsNoFurtherChunk() {
        attached();
        AtomicReference<CompletableFuture<MemoryRead>> dump = new AtomicReference<>();
        dump.set(harness.engine.dump(0, 8 * CHUNK, (done, total) -> {
            if (done == 2 * CHUNK) {
                dump.get().cancel(false);
            }
        }, REATTACH));
        run(LONG_ENOUGH);

        assertThat(dump.get()).isCancelled();
        assertThat(harness.target.requests.stream().filter(ManipulateApi.READ_PHYSICAL_MEMORY::equals))
                .hasSize(2);
    }

    @Test
    void aWaitForTheNextStopWithoutATimeoutOutlastsEveryTimeoutUntilTheTargetStops() {
        attached();
        runUntilDone(harness.engine.resume(false, false), LONG_ENOUGH);

        CompletableFuture<Stop> next = harness.engine.nextStop();
        run(Duration.ofHours(2));
        assertThat(next).isNotDone();
        harness.engine.breakIn();
        runUntilDone(next, LONG_ENOUGH);

        assertThat(next.join().pc()).isEqualTo(ScriptedTarget.PC);
    }

    @Test
    void whenAttachedWaitsWithoutADeadlineAndTheStateFollowsTheTarget() {
        CompletableFuture<KernelVersion> attach = harness.engine.whenAttached();
        run(Duration.ofMinutes(10));
        assertThat(attach).as("no target yet, no deadline").isNotDone();
        assertThat(harness.engine.state()).isEqualTo(TargetState.WAITING);

        harness.handshake();
        assertThat(harness.engine.state()).isEqualTo(TargetState.ATTACHING);
        runUntilDone(attach, LONG_ENOUGH);

        assertThat(attach.join().buildNumber()).isEqualTo(ScriptedTarget.BUILD);
        assertThat(harness.engine.state()).isEqualTo(TargetState.STOPPED);
        harness.engine.resume(false, false);
        assertThat(harness.engine.state()).isEqualTo(TargetState.RUNNING);
        harness.handshake();
        assertThat(harness.engine.state()).as("a second handshake is a reboot").isEqualTo(TargetState.REBOOTING);
        KernelVersion again = runUntilDone(harness.engine.whenAttached(), LONG_ENOUGH).join();
        assertThat(again.buildNumber()).isEqualTo(ScriptedTarget.BUILD);
        assertThat(harness.engine.state()).isEqualTo(TargetState.STOPPED);
    }

    /** Handshakes and attaches; returns the kernel identified. */
    private KernelVersion attached() {
        harness.handshake();
        return runUntilDone(harness.engine.attach(REATTACH), LONG_ENOUGH).join();
    }

    private void run(Duration time) {
        clock.advance(time);
    }

    /** Lets time pass in steps of 10 ms until {@code future} is done, at most {@code limit}; returns it. */
    private <T> CompletableFuture<T> runUntilDone(CompletableFuture<T> future, Duration limit) {
        for (long waited = 0; waited < limit.toMillis() && !future.isDone(); waited += 10) {
            run(Duration.ofMillis(10));
        }
        return future;
    }

    private CompletableFuture<MemoryRead> readPhysical(long address, int length) {
        return harness.engine.memory().read(MemorySpace.PHYSICAL, 0, address, length, Progress.NONE);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).isDone();
        try {
            future.join();
        } catch (CompletionException e) {
            return Failures.cause(e);
        }
        throw new AssertionError("completed without failure: " + future.join());
    }

    private static boolean isReply(KdBody body, ManipulateApi api) {
        return body instanceof KdPacket packet && packet.type().equals(KdPacketType.STATE_MANIPULATE)
                && ManipulateState64.decode(packet.payload()).orElseThrow().api().equals(api);
    }

    /** True for the first body that matches {@code test} only. */
    private static Predicate<KdBody> once(Predicate<KdBody> test) {
        boolean[] used = {false};
        return body -> {
            if (!used[0] && test.test(body)) {
                used[0] = true;
                return true;
            }
            return false;
        };
    }

    private static byte[] physical(long address, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = ScriptedTarget.physicalByte(address + i);
        }
        return bytes;
    }
}
