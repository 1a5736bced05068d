package dev.kdnet.sim.kernel;

import static dev.kdnet.sim.kernel.ManualPageWalk.LARGE;
import static dev.kdnet.sim.kernel.ManualPageWalk.NO_EXECUTE;
import static dev.kdnet.sim.kernel.ManualPageWalk.PRESENT;
import static dev.kdnet.sim.kernel.ManualPageWalk.WRITABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link AddressSpace} on hand-made tables: map builds real 4-level tables with the protection in the leaf, and
 * translate follows 2 MiB and 1 GiB pages, agreeing with a walk by hand.
 */
class PageTableMappingTest {
    private static final long KERNEL_VA = 0xFFFF_8000_0000_0000L;

    @Test
    void mapCreatesTheTablesAndSetsTheLeafProtection() {
        PhysicalMemory ram = new PhysicalMemory(8L << 20);
        long pml4 = ram.allocatePage();
        AddressSpace space = new AddressSpace(ram, pml4);
        long frame = ram.allocatePage();
        long va = 0x0000_7FF0_1234_5000L;
        space.map(va, frame, true);
        space.map(va + 0x1000, frame, false, true);
        assertThat(ManualPageWalk.physicalAddress(ram, pml4, va + 0x10)).isEqualTo(frame + 0x10);
        assertThat(space.translate(va + 0x10)).isEqualTo(frame + 0x10);
        assertThat(space.translate(va + 0x1010)).as("two pages, one frame").isEqualTo(frame + 0x10);
        assertThat(ManualPageWalk.leafEntry(ram, pml4, va) & (PRESENT | WRITABLE | NO_EXECUTE))
                .as("writable data is no-execute").isEqualTo(PRESENT | WRITABLE | NO_EXECUTE);
        assertThat(ManualPageWalk.leafEntry(ram, pml4, va + 0x1000) & (PRESENT | WRITABLE | NO_EXECUTE))
                .as("read-only code").isEqualTo(PRESENT);
        assertThat(space.translate(va + 0x2000)).isEqualTo(-1);
    }

    @Test
    void mapRefusesWhatPagingCannotExpress() {
        PhysicalMemory ram = new PhysicalMemory(8L << 20);
        long pml4 = ram.allocatePage();
        AddressSpace space = new AddressSpace(ram, pml4);
        long frame = ram.allocatePage();
        assertThatThrownBy(() -> space.map(KERNEL_VA + 1, frame, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> space.map(0x0000_8000_0000_0000L, frame, true))
                .as("non-canonical").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> space.map(KERNEL_VA, 8L << 20, true))
                .as("frame outside RAM").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressSpace(ram, pml4 + 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressSpace(ram, 8L << 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largePagesInThePageDirectoryAndPdptAreFollowed() {
        PhysicalMemory ram = new PhysicalMemory(8L << 20);
        long pml4 = ram.allocatePage();
        long pdpt = ram.allocatePage();
        long pd = ram.allocatePage();
        ManualPageWalk.putEntry(ram, pml4 + 0x100 * 8, pdpt | PRESENT | WRITABLE);
        ManualPageWalk.putEntry(ram, pdpt, pd | PRESENT | WRITABLE);
        ManualPageWalk.putEntry(ram, pd + 8, 0x20_0000 | PRESENT | WRITABLE | LARGE);
        ManualPageWalk.putEntry(ram, pdpt + 8, 0x4000_0000 | PRESENT | LARGE);
        AddressSpace space = new AddressSpace(ram, pml4);
        long inTwoMegabytePage = KERNEL_VA + 0x20_0000 + 0x1_2345;
        assertThat(space.translate(inTwoMegabytePage)).isEqualTo(0x20_0000 + 0x1_2345)
                .isEqualTo(ManualPageWalk.physicalAddress(ram, pml4, inTwoMegabytePage));
        assertThat(space.translate(KERNEL_VA + 0x4000_0000 + 0x123_4567)).isEqualTo(0x4000_0000 + 0x123_4567);
        assertThat(space.read(KERNEL_VA + 0x4000_0000, 16)).as("a frame beyond RAM reads as unmapped").isEmpty();
        assertThat(space.translate(KERNEL_VA)).as("PD entry 0 is empty").isEqualTo(-1);
        assertThatThrownBy(() -> space.map(KERNEL_VA + 0x20_0000, ram.allocatePage(), true))
                .isInstanceOf(IllegalStateException.class);
    }
}
