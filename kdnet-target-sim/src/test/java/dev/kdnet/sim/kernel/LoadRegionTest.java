package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.load.LoadPattern;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LoadRegionTest {
    private static final long SEED = 7;

    private final PhysicalMemory ram = new PhysicalMemory(KernelImage.RAM_SIZE, OptionalLong.of(SEED));

    @Test
    void theLoadRegionReadsAsTheSeededPattern() {
        long address = LoadPattern.REGION_BASE + 0x3000 - 10;
        byte[] read = ram.read(address, 0x448);
        assertThat(LoadPattern.mismatches(SEED, address, read)).isZero();
    }

    @Test
    void belowTheRegionAbsentPagesStayZero() {
        assertThat(ram.read(LoadPattern.REGION_BASE - 16, 16)).containsOnly(0);
    }

    @Test
    void aWriteChangesOnlyItsBytesOfThePattern() {
        long address = LoadPattern.REGION_BASE + 0x5000;
        ram.write(address + 100, new byte[] {1, 2, 3});
        byte[] read = ram.read(address, 4096);
        assertThat(read[100]).isEqualTo((byte) 1);
        assertThat(read[102]).isEqualTo((byte) 3);
        assertThat(LoadPattern.mismatches(SEED, address, read)).isLessThanOrEqualTo(3);
        assertThat(read[99]).isEqualTo(LoadPattern.byteAt(SEED, address + 99));
        assertThat(read[103]).isEqualTo(LoadPattern.byteAt(SEED, address + 103));
    }

    @Test
    void aKernelBuiltWithASeedServesItsPattern() {
        SimulatedKernel kernel = new SimulatedKernel(KernelConfig.defaults().withLoadSeed(SEED));
        long address = LoadPattern.REGION_END - 0x448;
        assertThat(LoadPattern.mismatches(SEED, address, kernel.physical().read(address, 0x448))).isZero();
    }

    @Test
    void withoutASeedTheRegionReadsAsZero() {
        assertThat(new PhysicalMemory(KernelImage.RAM_SIZE).read(LoadPattern.REGION_BASE, 64)).containsOnly(0);
    }

    @Test
    void theKernelsOwnPagesLieBelowTheScratchRegion() {
        SimulatedKernel kernel = new SimulatedKernel(KernelConfig.defaults().withCpus(KernelImage.MAX_CPUS));
        assertThat(kernel.physical().allocationTop()).isLessThan(LoadPattern.SCRATCH_BASE);
        assertThat(LoadPattern.SCRATCH_BASE + LoadPattern.SCRATCH_SIZE).isLessThanOrEqualTo(LoadPattern.REGION_BASE);
    }
}
