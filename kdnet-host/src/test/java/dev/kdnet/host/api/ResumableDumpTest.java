package dev.kdnet.host.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.UnionView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Dumps across reboots against a fake target whose byte at address A is {@code A * 7 + 3}, the same in every boot,
 * whose memory ends at {@link #end}, and which reboots (failing the request under way) when first asked for one of
 * {@link #rebootAt}.
 */
class ResumableDumpTest {
    private static final int CHUNK = 0x100;
    private static final Duration REATTACH = Duration.ofSeconds(3);

    private final List<Long> asked = new ArrayList<>();
    private final List<long[]> resumed = new ArrayList<>();
    private final List<Duration> attachWaits = new ArrayList<>();
    private final Set<Long> rebootAt = new TreeSet<>();
    private long end = Long.MAX_VALUE;
    private long reboots;
    private boolean stopped = true;
    private boolean attachesAgain = true;
    private DebuggerException failure;

    private ManipulateState64 serve(ManipulateApi api, int cpu, UnionView union, byte[] data) {
        ManipulateState64 request = ManipulateState64.request(api, cpu, union, data);
        MemoryTransfer transfer = MemoryTransfer.from(request.union());
        asked.add(transfer.targetBaseAddress());
        if (failure != null) {
            throw failure;
        }
        if (rebootAt.remove(transfer.targetBaseAddress())) {
            reboots++;
            stopped = false;
            throw new NotAttachedException("the target handshook again (ANSWER_REBOOTED) under the request");
        }
        int actual = (int) Math.min(transfer.transferCount(), end - transfer.targetBaseAddress());
        return request.reply(actual == transfer.transferCount() ? NtStatus.SUCCESS : NtStatus.UNSUCCESSFUL,
                transfer.withActualBytes(actual), expected(transfer.targetBaseAddress(), actual));
    }

    private static byte[] expected(long address, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ((address + i) * 7 + 3);
        }
        return bytes;
    }

    private final ResumableDump dump = new ResumableDump(new MemoryAccess(this::serve, CHUNK),
            new ResumableDump.Debuggee() {
                @Override
                public long reboots() {
                    return reboots;
                }

                @Override
                public int stoppedCpu() {
                    if (!stopped) {
                        throw new TargetRunningException("dumpPhysical");
                    }
                    return 0;
                }

                @Override
                public void attachAgain(Duration timeout) {
                    attachWaits.add(timeout);
                    if (!attachesAgain) {
                        throw new NotAttachedException("nothing attached on UDP 50000 within 3000 ms");
                    }
                    stopped = true;
                }
            });

    private final Progress progress = new Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public void resumedAfterReboot(long done, long total) {
            resumed.add(new long[] {done, total});
        }
    };

    @Test
    void aRebootUnderARequestIsWaitedOutAndTheDumpGoesOnFromTheFirstMissingByte() {
        rebootAt.add(0x10_0300L);
        MemoryRead read = dump.read(0x10_0000, 0x800, progress, REATTACH);

        assertThat(read.complete()).isTrue();
        assertThat(read.bytes()).isEqualTo(expected(0x10_0000, 0x800));
        assertThat(asked).containsExactly(0x10_0000L, 0x10_0100L, 0x10_0200L, 0x10_0300L, 0x10_0300L, 0x10_0400L,
                0x10_0500L, 0x10_0600L, 0x10_0700L);
        assertThat(resumed).singleElement().satisfies(r -> assertThat(r).containsExactly(0x300, 0x800));
        assertThat(attachWaits).containsExactly(REATTACH);
    }

    @Test
    void everyRebootIsReportedWhereItHappened() {
        rebootAt.addAll(List.of(0x100L, 0x600L));
        MemoryRead read = dump.read(0, 0x800, progress, REATTACH);

        assertThat(read.bytes()).isEqualTo(expected(0, 0x800));
        assertThat(resumed).extracting(r -> r[0]).containsExactly(0x100L, 0x600L);
        assertThat(attachWaits).hasSize(2);
    }

    @Test
    void aTargetThatDoesNotAttachAgainEndsTheDumpSayingHowFarItGot() {
        rebootAt.add(0x200L);
        attachesAgain = false;

        assertThatThrownBy(() -> dump.read(0, 0x800, progress, REATTACH))
                .isInstanceOf(NotAttachedException.class)
                .hasMessageContaining("rebooted at 0x200 of 0x800 bytes")
                .hasMessageContaining("nothing attached on UDP 50000 within 3000 ms");
        assertThat(resumed).isEmpty();
    }

    @Test
    void aFailureWithoutARebootEndsTheDumpAsItWouldEndARead() {
        failure = new NoAnswerException("ReadPhysicalMemory", Duration.ofSeconds(5));

        assertThatThrownBy(() -> dump.read(0, 0x800, progress, REATTACH)).isSameAs(failure);
        assertThat(asked).containsExactly(0L);
        assertThat(attachWaits).isEmpty();
    }

    @Test
    void aDumpAfterARebootStillStopsWhereMemoryEnds() {
        rebootAt.add(0x100L);
        end = 0x480;
        MemoryRead read = dump.read(0, 0x800, progress, REATTACH);

        assertThat(read.complete()).isFalse();
        assertThat(read.stoppedAt()).hasValue(0x480);
        assertThat(read.status()).isEqualTo(NtStatus.UNSUCCESSFUL);
        assertThat(read.bytes()).isEqualTo(expected(0, 0x480));
        assertThat(resumed).hasSize(1);
    }
}
