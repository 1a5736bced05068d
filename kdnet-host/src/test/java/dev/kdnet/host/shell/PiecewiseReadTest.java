package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.Progress;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiecewiseReadTest {
    /** Memory of {@code size} readable bytes from 0x1000, each byte the low 8 bits of its address. */
    private static PiecewiseRead.Reader memory(long size, List<String> asked) {
        return (address, length, progress) -> {
            asked.add(Long.toHexString(address) + "+" + length);
            int readable = (int) Math.max(0, Math.min(length, 0x1000 + size - address));
            byte[] bytes = new byte[readable];
            for (int i = 0; i < readable; i++) {
                bytes[i] = (byte) (address + i);
            }
            progress.update(readable, length);
            if (address == 0x1004) {
                progress.resumedAfterReboot(1, length);
            }
            return new MemoryRead(address, length, bytes, readable == length ? 0 : 0xC0000001);
        };
    }

    @Test
    void aLongReadGoesInPiecesHandedOnInOrderWithTheWholeTransfersProgress() {
        List<String> asked = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
                heard.add(done + "/" + total);
            }

            @Override
            public void resumedAfterReboot(long done, long total) {
                heard.add("rebooted at " + done + "/" + total);
            }
        };

        PiecewiseRead.Outcome outcome = PiecewiseRead.run(0x1000, 10, 4, memory(100, asked), progress,
                file::writeBytes);

        assertThat(outcome).isEqualTo(new PiecewiseRead.Outcome(10, 0));
        assertThat(asked).containsExactly("1000+4", "1004+4", "1008+2");
        assertThat(heard).containsExactly("4/10", "8/10", "rebooted at 5/10", "10/10");
        assertThat(file.toByteArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void itEndsAtThePieceThatStopsShortKeepingTheBytesBefore() {
        List<String> asked = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        PiecewiseRead.Outcome outcome = PiecewiseRead.run(0x1000, 0x1_0000_0000L, 4, memory(6, asked),
                Progress.NONE, file::writeBytes);

        assertThat(outcome).isEqualTo(new PiecewiseRead.Outcome(6, 0xC0000001));
        assertThat(asked).containsExactly("1000+4", "1004+4");
        assertThat(file.toByteArray()).hasSize(6);
    }
}
