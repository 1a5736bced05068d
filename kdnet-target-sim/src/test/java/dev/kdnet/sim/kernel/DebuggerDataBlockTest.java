package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.WireBytes;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * KdpDebuggerDataListHead and KDDEBUGGER_DATA64 as WinDbg reads them (kd-protocol §3.11): the list, the header, the
 * offsets and values of the spec table, and every address field pointing at readable kernel memory.
 */
class DebuggerDataBlockTest {
    private static KernelImage image;
    private static KernelReader read;
    private static long block;

    @BeforeAll
    static void buildKernel() {
        image = KernelImage.build(WindowsBuild.DEFAULT, 2);
        read = new KernelReader(image.virtual());
        block = image.symbols().kdDebuggerDataBlock();
    }

    @Test
    void theDebuggerDataListLinksTheBlockBothWays() {
        long head = image.symbols().debuggerDataList();
        assertThat(read.u64(head)).as("Flink").isEqualTo(block);
        assertThat(read.u64(head + 8)).as("Blink").isEqualTo(block);
        assertThat(read.u64(block)).as("block Flink").isEqualTo(head);
        assertThat(read.u64(block + 8)).as("block Blink").isEqualTo(head);
        assertThat(image.version().debuggerDataList()).isEqualTo(head);
    }

    @ParameterizedTest
    @EnumSource(WindowsBuild.class)
    void headerCarriesTheKdbgTagAndTheSizeOfTheBuild(WindowsBuild build) {
        KernelImage kernel = KernelImage.build(build, 1);
        KernelReader reader = new KernelReader(kernel.virtual());
        long kdbg = kernel.symbols().kdDebuggerDataBlock();
        assertThat(reader.bytes(kdbg + 0x10, 4)).containsExactly('K', 'D', 'B', 'G');
        assertThat(reader.u32(kdbg + 0x14)).isEqualTo(build.kdDebuggerDataSize());
        assertThat(kernel.virtual().read(kdbg + 0x18, build.kdDebuggerDataSize() - 0x18))
                .as("WinDbg's one read of the rest").hasSize(build.kdDebuggerDataSize() - 0x18);
        assertThat(reader.u64(kdbg + 0x360)).as("PteBase").isEqualTo(0xFFFF_F680_0000_0000L);
    }

    @Test
    void fieldsTheSpecTableNamesHoldTheirValues() {
        KernelSymbols symbols = image.symbols();
        assertThat(read.u64(block + 0x18)).as("KernBase").isEqualTo(symbols.kernBase());
        assertThat(read.u64(block + 0x20)).as("BreakpointWithStatus").isEqualTo(symbols.breakpointWithStatus());
        assertThat(read.u64(block + 0x28)).as("SavedContext").isZero();
        assertThat(read.u16(block + 0x36) & 1).as("PaeEnabled").isEqualTo(1);
        assertThat(read.u64(block + 0x48)).as("PsLoadedModuleList").isEqualTo(symbols.psLoadedModuleList());
        assertThat(read.u64(block + 0x138)).as("MmPageSize").isEqualTo(0x1000);
        assertThat(read.u64(read.u64(block + 0x1C8))).as("*MmHighestUserAddress").isEqualTo(0x7FFF_FFFE_FFFFL);
        assertThat(read.u64(read.u64(block + 0x1D0))).as("*MmSystemRangeStart").isEqualTo(0xFFFF_8000_0000_0000L);
        assertThat(read.u64(read.u64(block + 0x1D8))).as("*MmUserProbeAddress").isEqualTo(0x7FFF_FFFF_0000L);
        assertThat(read.u64(block + 0x208)).as("NtBuildLab").isEqualTo(symbols.ntBuildLab());
        assertThat(read.asciiZ(symbols.ntBuildLab())).isEqualTo("19041.1.amd64fre.vb_release.191206-1406");
        assertThat(image.virtual().read(symbols.ntBuildLab(), 0x105)).as("WinDbg's NtBuildLab read").hasSize(0x105);
        assertThat(read.u64(block + 0x218)).as("KiProcessorBlock").isEqualTo(symbols.kiProcessorBlock());
        assertThat(read.u32(read.u64(block + 0x268))).as("*CmNtCSDVersion").isZero();
    }

    @Test
    void structureOffsetsAndSelectorsAreTheSpecValues() {
        Map<Integer, Integer> expected = Map.ofEntries(Map.entry(0x2B4, 0x8), Map.entry(0x2BC, 0x120),
                Map.entry(0x2BE, 0x24), Map.entry(0x2E0, 0x5F00), Map.entry(0x2E2, 0x18), Map.entry(0x2E4, 0x20),
                Map.entry(0x2E6, 0x180), Map.entry(0x2F2, 0x40), Map.entry(0x2F4, 0x10), Map.entry(0x2F6, 0x18),
                Map.entry(0x2F8, 0), Map.entry(0x2FA, 0x30), Map.entry(0x2FC, 0x28), Map.entry(0x2FE, 0),
                Map.entry(0x300, 0), Map.entry(0x302, 0x40), Map.entry(0x304, 0x20), Map.entry(0x306, 0x50),
                Map.entry(0x338, 0x5980));
        expected.forEach((offset, value) -> assertThat(read.u16(block + offset)).as("u16 at 0x%x", offset)
                .isEqualTo(value));
    }

    @Test
    void theReportedOffsetsFindTheStructuresInMemory() {
        int pcrSelf = read.u16(block + 0x2E2);
        int pcrPrcb = read.u16(block + 0x2E4);
        int prcbThread = read.u16(block + 0x2B4);
        int specialRegisters = read.u16(block + 0x2F2);
        int context = read.u16(block + 0x2BC);
        int apcProcess = read.u16(block + 0x2A0);
        int directoryTableBase = read.u16(block + 0x2AE);
        int initialStack = read.u16(block + 0x29E);
        for (CpuSymbols cpu : image.symbols().cpus()) {
            assertThat(read.u64(cpu.kpcr() + pcrSelf)).isEqualTo(cpu.kpcr());
            assertThat(read.u64(cpu.kpcr() + pcrPrcb)).isEqualTo(cpu.kprcb());
            assertThat(read.u64(cpu.kprcb() + prcbThread)).isEqualTo(cpu.kthread());
            assertThat(cpu.kprcb() + specialRegisters).isEqualTo(cpu.processorState());
            assertThat(cpu.kprcb() + context).isEqualTo(cpu.processorState() + 0xE0);
            assertThat(read.u64(cpu.kthread() + initialStack)).isEqualTo(cpu.stackTop());
            long process = read.u64(cpu.kthread() + apcProcess);
            assertThat(read.u64(process + directoryTableBase)).isEqualTo(image.virtual().cr3());
        }
    }

    @Test
    void everyAddressFieldPointsAtReadableKernelMemory() {
        int size = read.u32(block + 0x14);
        int checked = 0;
        for (DebuggerDataField field : DebuggerDataField.values()) {
            if (field.kind() != DebuggerDataField.Kind.ADDRESS || !field.fitsIn(size)) {
                continue;
            }
            long address = read.u64(block + field.offset());
            assertThat(Long.compareUnsigned(address, 0xFFFF_8000_0000_0000L)).as("%s = 0x%x is a kernel address",
                    field, address).isNotNegative();
            assertThat(image.virtual().read(address, 4)).as("%s = 0x%x is readable", field, address).hasSize(4);
            checked++;
        }
        assertThat(checked).as("address fields of a 0x380-byte block").isEqualTo(87);
    }

    @Test
    void fieldsFollowDeclarationOrderWithNaturalAlignment() {
        int next = 0x18;
        for (DebuggerDataField field : DebuggerDataField.values()) {
            int aligned = (next + field.size() - 1) & -field.size();
            assertThat(field.offset()).as(field.name()).isEqualTo(aligned);
            next = aligned + field.size();
        }
        assertThat(next).as("end of the RS5 fields").isEqualTo(0x37C);
        assertThat(DebuggerDataField.PTE_BASE.fitsIn(0x368)).isTrue();
        assertThat(DebuggerDataField.RETPOLINE_STUB_FUNCTION_TABLE.fitsIn(0x368)).isFalse();
    }

    @Test
    void aBlockWithoutAnAddressForAnAddressFieldIsRefused() {
        assertThatThrownBy(() -> DebuggerDataBlock.encode(0x380, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KERN_BASE");
        byte[] valuesOnly = DebuggerDataBlock.encode(0x18, Map.of());
        assertThat(WireBytes.wrap(valuesOnly).getInt(0x10)).isEqualTo(DebuggerDataBlock.KDBG_TAG);
    }
}
