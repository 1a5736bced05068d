package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Virtual reads and writes at the edges: across pages backed by unrelated frames, up to an unmapped page, at
 * non-canonical and wrapping addresses, with any length, and into read-only code.
 */
class VirtualMemoryBoundariesTest {
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;
    private static KernelImage image;
    private static AddressSpace space;

    @BeforeAll
    static void buildKernel() {
        image = KernelImage.build(WindowsBuild.DEFAULT, 1);
        space = image.virtual();
    }

    @Test
    void writesAndReadsCrossPageBoundaries() {
        long top = image.symbols().cpus().get(0).stackTop();
        long start = top - PAGE - 100;
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        assertThat(space.write(start, data)).isEqualTo(300);
        assertThat(space.read(start, 300)).isEqualTo(data);
        long lowFrame = space.translate(start);
        long highFrame = space.translate(top - PAGE);
        assertThat(image.physical().read(lowFrame, 100)).isEqualTo(Arrays.copyOf(data, 100));
        assertThat(image.physical().read(highFrame, 200)).isEqualTo(Arrays.copyOfRange(data, 100, 300));
    }

    @Test
    void readsAndWritesStopAtTheFirstUnmappedByte() {
        long stackLimit = image.symbols().cpus().get(0).stackTop() - KernelBuilder.KERNEL_STACK_SIZE;
        assertThat(space.translate(stackLimit - 1)).as("the guard page below the stack").isEqualTo(-1);
        assertThat(space.read(stackLimit - 16, 32)).isEmpty();
        long kuserEnd = image.symbols().kuserSharedData() + PAGE;
        assertThat(space.read(kuserEnd - 10, 64)).hasSize(10);
        assertThat(space.write(kuserEnd - 4, new byte[] {1, 2, 3, 4, 5, 6})).isEqualTo(4);
        assertThat(space.read(kuserEnd - 4, 4)).containsExactly(1, 2, 3, 4);
        assertThat(space.read(0, 8)).as("user address 0").isEmpty();
    }

    @Test
    void nonCanonicalAddressesAreNeverMapped() {
        for (long va : new long[] {0x0000_8000_0000_0000L, 0xFFFF_7FFF_FFFF_F000L, 0x1234_5678_9ABC_DEF0L,
                image.symbols().kernBase() & 0x0000_FFFF_FFFF_FFFFL}) {
            assertThat(space.translate(va)).as("0x%x", va).isEqualTo(-1);
            assertThat(space.read(va, 16)).isEmpty();
            assertThat(space.write(va, new byte[16])).isZero();
        }
    }

    @Test
    void anyLengthIsAnsweredWithoutThrowing() {
        long kuser = image.symbols().kuserSharedData();
        assertThat(space.read(kuser, -1)).isEmpty();
        assertThat(space.read(kuser, Integer.MIN_VALUE)).isEmpty();
        assertThat(space.read(kuser, 0)).isEmpty();
        assertThat(space.read(kuser, Integer.MAX_VALUE)).hasSize(PAGE);
        assertThat(space.read(0xFFFF_FFFF_FFFF_FFF0L, Integer.MAX_VALUE)).isEmpty();
        assertThat(space.read(Long.MAX_VALUE, Integer.MAX_VALUE)).isEmpty();
        assertThat(space.write(0xFFFF_FFFF_FFFF_FFF0L, new byte[64])).isZero();
    }

    @Test
    void theDebuggerMayPatchReadOnlyCode() {
        long code = image.symbols().codeStart();
        assertThat(space.read(code, 1)).containsExactly(0x90);
        assertThat(space.write(code, new byte[] {(byte) 0xCC})).isEqualTo(1);
        assertThat(space.read(code, 2)).containsExactly(0xCC, 0x90);
        assertThat(space.write(code, new byte[] {(byte) 0x90})).isEqualTo(1);
    }
}
