package dev.kdnet.sim.kernel;

import static dev.kdnet.sim.kernel.ManualPageWalk.NO_EXECUTE;
import static dev.kdnet.sim.kernel.ManualPageWalk.PRESENT;
import static dev.kdnet.sim.kernel.ManualPageWalk.WRITABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built kernel's page tables: {@link AddressSpace#translate} agrees with a walk by hand from the raw PML4 page
 * for every structure, virtual reads equal physical reads at the translated address, sections carry their
 * protection, and the self-map at PML4 slot 0x1ED shows the PML4.
 */
class KernelPageTablesTest {
    private static KernelImage image;

    @BeforeAll
    static void buildKernel() {
        image = KernelImage.build(WindowsBuild.DEFAULT, 2);
    }

    @Test
    void translateAgreesWithAWalkByHandForEveryKernelStructure() {
        long cr3 = image.virtual().cr3();
        assertThat(image.physical().read(cr3, 4096)).as("the PML4 page").isNotEqualTo(new byte[4096]);
        for (long va : interestingAddresses()) {
            long expected = ManualPageWalk.physicalAddress(image.physical(), cr3, va);
            assertThat(expected).as("0x%x is mapped", va).isNotNegative();
            assertThat(image.virtual().translate(va)).as("translate(0x%x)", va).isEqualTo(expected);
            int inPage = (int) Math.min(64, 4096 - (va & 0xFFF));
            assertThat(image.virtual().read(va, inPage)).as("bytes at 0x%x", va)
                    .isEqualTo(image.physical().read(expected, inPage));
        }
    }

    @Test
    void sectionsCarryTheirProtection() {
        KernelSymbols symbols = image.symbols();
        assertThat(protection(symbols.breakpointWithStatus())).as(".text: read-only, executable").isEqualTo(PRESENT);
        assertThat(protection(symbols.kdDebuggerDataBlock())).as(".data: writable, no-execute")
                .isEqualTo(PRESENT | WRITABLE | NO_EXECUTE);
        assertThat(protection(symbols.kernBase())).as("headers: read-only, no-execute")
                .isEqualTo(PRESENT | NO_EXECUTE);
        assertThat(protection(symbols.cpus().get(0).stackTop() - 8)).as("stack")
                .isEqualTo(PRESENT | WRITABLE | NO_EXECUTE);
    }

    @Test
    void theSelfMapShowsThePml4AtItsFixedAddress() {
        long cr3 = image.virtual().cr3();
        long pml4View = 0xFFFF_F6FB_7DBE_D000L;
        assertThat(image.virtual().translate(pml4View)).isEqualTo(cr3);
        assertThat(image.virtual().read(pml4View, 4096)).isEqualTo(image.physical().read(cr3, 4096));
        long selfEntry = WireBytes.wrap(image.physical().read(cr3 + 0x1ED * 8, 8)).getLong(0);
        assertThat(selfEntry & ManualPageWalk.FRAME).isEqualTo(cr3);
    }

    private static long protection(long va) {
        long entry = ManualPageWalk.leafEntry(image.physical(), image.virtual().cr3(), va);
        return entry & (PRESENT | WRITABLE | NO_EXECUTE);
    }

    private static List<Long> interestingAddresses() {
        KernelSymbols symbols = image.symbols();
        List<Long> addresses = new ArrayList<>(List.of(symbols.kernBase(), symbols.breakpointWithStatus(),
                symbols.codeStart(), symbols.codeEnd() - 1, symbols.kdDebuggerDataBlock(), symbols.debuggerDataList(),
                symbols.psLoadedModuleList(), symbols.ntBuildLab(), symbols.kuserSharedData() + 0x260,
                symbols.gdtBase(), symbols.idtBase() + 0xFF0, symbols.kiProcessorBlock()));
        for (CpuSymbols cpu : symbols.cpus()) {
            addresses.addAll(List.of(cpu.kpcr(), cpu.kprcb(), cpu.kthread(), cpu.processorState(), cpu.stackTop() - 8,
                    cpu.stackTop() - KernelBuilder.KERNEL_STACK_SIZE));
        }
        symbols.modules().forEach(module -> addresses.add(module.base()));
        return addresses;
    }
}
