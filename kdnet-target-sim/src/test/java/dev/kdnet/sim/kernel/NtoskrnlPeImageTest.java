package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ntoskrnl.exe parses as a PE32+ image the way WinDbg walks it after attach (kd-protocol §4.1): MZ, e_lfanew,
 * "PE\0\0", the optional header, the section table, the debug directory and the RSDS record naming ntkrnlmp.pdb,
 * and .text holds DbgBreakPointWithStatus and the code region.
 */
class NtoskrnlPeImageTest {
    private static KernelImage image;
    private static KernelReader read;
    private static long base;
    private static long nt;

    @BeforeAll
    static void buildKernel() {
        image = KernelImage.build(WindowsBuild.DEFAULT, 1);
        read = new KernelReader(image.virtual());
        base = image.symbols().kernBase();
        nt = base + read.u32(base + 0x3C);
    }

    @Test
    void headersDescribeAnAmd64ImageAtKernBase() {
        assertThat(base % 4096).isZero();
        assertThat(Long.compareUnsigned(base, 0xFFFF_8000_0000_0000L)).as("in the upper half").isPositive();
        assertThat(read.bytes(base, 2)).containsExactly('M', 'Z');
        assertThat(read.bytes(nt, 4)).containsExactly('P', 'E', 0, 0);
        assertThat(read.u16(nt + 4)).as("Machine").isEqualTo(0x8664);
        long optional = nt + 24;
        assertThat(read.u16(optional)).as("PE32+ magic").isEqualTo(0x20B);
        assertThat(read.u64(optional + 0x18)).as("ImageBase").isEqualTo(base);
        assertThat(read.u32(optional + 0x38)).as("SizeOfImage").isEqualTo(image.symbols().kernSize());
        assertThat(read.u32(optional + 0x40)).as("CheckSum").isEqualTo(image.symbols().kernChecksum()).isNotZero();
        assertThat(read.u16(optional + 0x44)).as("Subsystem native").isEqualTo(1);
        long entryPoint = base + read.u32(optional + 0x10);
        assertThat(entryPoint).isBetween(base, base + image.symbols().kernSize() - 1);
    }

    @Test
    void sectionTableNamesTheKernelSectionsAndAllAreMapped() {
        int count = read.u16(nt + 6);
        long table = nt + 24 + read.u16(nt + 20);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long header = table + 40L * i;
            names.add(new String(read.bytes(header, 8)).replace("\0", ""));
            long start = base + read.u32(header + 12);
            int size = read.u32(header + 8);
            assertThat(image.virtual().read(start, size)).as(names.get(i)).hasSize(size);
            assertThat(start + size).isLessThanOrEqualTo(base + image.symbols().kernSize());
        }
        assertThat(names).containsExactly(".text", "PAGE", ".rdata", ".data", "INIT");
        assertThat(image.virtual().read(base, image.symbols().kernSize())).hasSize(image.symbols().kernSize());
    }

    @Test
    void debugDirectoryLeadsToTheRsdsRecordOfNtkrnlmpPdb() {
        long directory = nt + 24 + 0x70 + 6 * 8;
        long debug = base + read.u32(directory);
        assertThat(read.u32(directory + 4)).isEqualTo(28);
        assertThat(read.u32(debug + 12)).as("IMAGE_DEBUG_TYPE_CODEVIEW").isEqualTo(2);
        int size = read.u32(debug + 16);
        long rsds = base + read.u32(debug + 20);
        assertThat(read.u32(debug + 24)).as("PointerToRawData = RVA").isEqualTo(read.u32(debug + 20));
        assertThat(read.bytes(rsds, 4)).containsExactly('R', 'S', 'D', 'S');
        assertThat(read.bytes(rsds + 4, 16)).as("GUID").isNotEqualTo(new byte[16]);
        assertThat(read.u32(rsds + 20)).as("age").isEqualTo(1);
        assertThat(read.asciiZ(rsds + 24)).isEqualTo("ntkrnlmp.pdb");
        assertThat(size).isEqualTo(24 + "ntkrnlmp.pdb".length() + 1);
    }

    @Test
    void textHoldsTheBreakpointAndTheCodeRegion() {
        KernelSymbols symbols = image.symbols();
        long text = base + 0x1000;
        long textEnd = text + NtoskrnlText.SIZE;
        assertThat(read.bytes(symbols.breakpointWithStatus(), 4)).containsExactly(0xCC, 0xC3, 0xCC, 0xCC);
        assertThat(symbols.breakpointWithStatus()).isBetween(text, textEnd - 2);
        assertThat(symbols.codeEnd() - symbols.codeStart()).isGreaterThanOrEqualTo(64 * 1024);
        assertThat(symbols.codeStart()).isGreaterThanOrEqualTo(text);
        assertThat(symbols.codeEnd()).isLessThanOrEqualTo(textEnd);
        assertThat(read.bytes(symbols.codeStart(), (int) (symbols.codeEnd() - symbols.codeStart()))).containsOnly(0x90);
        assertThat(read.bytes(symbols.codeStart() - 16, 16)).as("int3 padding before the region").containsOnly(0xCC);
    }

    @Test
    void checksumIgnoresItsOwnFieldAndTrailingZerosNeedNoArray() {
        byte[] start = {1, 0, 2, 0, 3};
        assertThat(PeChecksum.compute(start, 5)).isEqualTo(1 + 2 + 3 + 5);
        assertThat(PeChecksum.compute(start, 4096)).isEqualTo(1 + 2 + 3 + 4096);
        byte[] headers = new byte[PeImageHeaders.SIZE];
        headers[0x10] = 0x7F;
        int sealed = PeChecksum.seal(headers, 0x2000);
        assertThat(PeChecksum.compute(headers, 0x2000)).isEqualTo(sealed);
        assertThat(PeChecksum.compute(Arrays.copyOf(headers, 0x2000), 0x2000)).isEqualTo(sealed);
    }
}
