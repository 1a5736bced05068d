package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sparse RAM: zero until written, reads and writes across pages, short only at the end, never throwing. */
class SparsePhysicalMemoryTest {
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;

    @Test
    void absentPagesReadAsZeroAndWrittenBytesReadBack() {
        PhysicalMemory ram = new PhysicalMemory(64L << 20);
        assertThat(ram.size()).isEqualTo(64L << 20);
        assertThat(ram.read(0x123_4567, 16)).containsOnly(0);
        assertThat(ram.write(0x123_4567, new byte[] {1, 2, 3})).isEqualTo(3);
        assertThat(ram.read(0x123_4566, 5)).containsExactly(0, 1, 2, 3, 0);
    }

    @Test
    void readsAndWritesCrossPageBoundaries() {
        PhysicalMemory ram = new PhysicalMemory(16 * PAGE);
        byte[] data = new byte[2 * PAGE + 100];
        Arrays.fill(data, (byte) 0x5A);
        long start = 3 * PAGE - 50;
        assertThat(ram.write(start, data)).isEqualTo(data.length);
        assertThat(ram.read(start, data.length)).isEqualTo(data);
        assertThat(ram.read(start - 1, 1)).containsExactly(0);
        assertThat(ram.read(start + data.length, 1)).containsExactly(0);
    }

    @Test
    void accessesAreShortOnlyWhereRamEnds() {
        PhysicalMemory ram = new PhysicalMemory(4 * PAGE);
        assertThat(ram.write(4 * PAGE - 2, new byte[] {7, 8, 9, 10})).isEqualTo(2);
        assertThat(ram.read(4 * PAGE - 2, 4)).containsExactly(7, 8);
        assertThat(ram.read(4 * PAGE, 4)).isEmpty();
        assertThat(ram.write(4 * PAGE, new byte[] {1})).isZero();
    }

    @Test
    void anyAddressAndLengthIsAnsweredWithoutThrowing() {
        PhysicalMemory ram = new PhysicalMemory(4 * PAGE);
        assertThat(ram.read(-1, 16)).isEmpty();
        assertThat(ram.read(Long.MIN_VALUE, Integer.MAX_VALUE)).isEmpty();
        assertThat(ram.read(Long.MAX_VALUE, 16)).isEmpty();
        assertThat(ram.read(0, -5)).isEmpty();
        assertThat(ram.read(0, 0)).isEmpty();
        assertThat(ram.read(4 * PAGE - 10, Integer.MAX_VALUE)).hasSize(10);
        assertThat(ram.write(-PAGE, new byte[8])).isZero();
        assertThat(ram.write(Long.MAX_VALUE, new byte[8])).isZero();
    }

    @Test
    void allocatedFramesAreFreshZeroedPagesFromOneMegabyteUp() {
        PhysicalMemory ram = new PhysicalMemory(0x10_0000 + 2 * PAGE);
        ram.write(0x10_0000 + 8, new byte[] {1, 2, 3});
        long first = ram.allocatePage();
        long second = ram.allocatePage();
        assertThat(first).isEqualTo(0x10_0000);
        assertThat(second).isEqualTo(first + PAGE);
        assertThat(ram.read(first, PAGE)).containsOnly(0);
        assertThatThrownBy(ram::allocatePage).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exhausted");
    }

    @Test
    void sizeMustBeAPositiveMultipleOfThePageSize() {
        assertThatThrownBy(() -> new PhysicalMemory(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhysicalMemory(PAGE + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
