package dev.kdnet.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunked reads against a fake target whose memory ends at {@link #END}. */
class MemoryAccessTest {
    private static final long END = 0x3000;
    private final List<MemoryTransfer> asked = new ArrayList<>();

    private ManipulateState64 serve(ManipulateApi api, int cpu, dev.kdnet.protocol.dbgkd.UnionView union,
            byte[] data) {
        ManipulateState64 request = ManipulateState64.request(api, cpu, union, data);
        MemoryTransfer transfer = MemoryTransfer.from(request.union());
        asked.add(transfer);
        int actual = (int) Math.max(0, Math.min(transfer.transferCount(), END - transfer.targetBaseAddress()));
        byte[] bytes = new byte[actual];
        Arrays.fill(bytes, (byte) 0x5A);
        int status = actual == transfer.transferCount() ? NtStatus.SUCCESS : NtStatus.UNSUCCESSFUL;
        return request.reply(status, transfer.withActualBytes(actual), bytes);
    }

    @Test
    void aLongReadIsSplitAndReportsProgress() {
        List<Long> done = new ArrayList<>();
        MemoryRead read = new MemoryAccess(this::serve, 0x448).read(MemorySpace.VIRTUAL, 0, 0x1000, 0x1000,
                (d, total) -> done.add(d));
        assertThat(read.complete()).isTrue();
        assertThat(asked).extracting(MemoryTransfer::transferCount).containsExactly(0x448, 0x448, 0x448, 0x328);
        assertThat(done).containsExactly(0x448L, 0x890L, 0xCD8L, 0x1000L);
    }

    @Test
    void aReadThatRunsOffTheEndSaysWhereItStopped() {
        MemoryRead read = new MemoryAccess(this::serve, 0x448).read(MemorySpace.PHYSICAL, 0, 0x2F00, 0x400,
                Progress.NONE);
        assertThat(read.complete()).isFalse();
        assertThat(read.bytes()).hasSize(0x100);
        assertThat(read.stoppedAt()).hasValue(END);
        assertThat(read.status()).isEqualTo(NtStatus.UNSUCCESSFUL);
    }

    @Test
    void theChunkSizeIsASetting() {
        new MemoryAccess(this::serve, 0x800).read(MemorySpace.VIRTUAL, 0, 0, 0x1000, Progress.NONE);
        assertThat(asked).hasSize(2);
    }
}
