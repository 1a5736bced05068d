package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PsLoadedModuleList walked both ways like a debugger does: KLDR_DATA_TABLE_ENTRYs in load order, ntoskrnl.exe
 * first, each with its names, base, size and checksum, and a PE header at every DllBase that agrees with them.
 */
class LoadedModuleListTest {
    private static final List<String> NAMES = List.of("ntoskrnl.exe", "hal.dll", "kdnet.dll", "CLFS.SYS", "CI.dll",
            "ACPI.sys", "ndis.sys", "tcpip.sys");
    private static KernelImage image;
    private static KernelReader read;

    @BeforeAll
    static void buildKernel() {
        image = KernelImage.build(WindowsBuild.DEFAULT, 1);
        read = new KernelReader(image.virtual());
    }

    @Test
    void walkingForwardAndBackwardYieldsTheModulesInLoadOrder() {
        long head = image.symbols().psLoadedModuleList();
        assertThat(names(walk(head, 0))).containsExactlyElementsOf(NAMES);
        List<String> backward = names(walk(head, 8));
        Collections.reverse(backward);
        assertThat(backward).containsExactlyElementsOf(NAMES);
        assertThat(image.symbols().modules()).extracting(LoadedModule::name).containsExactlyElementsOf(NAMES);
    }

    @Test
    void everyLinkIsConsistentWithItsNeighbour() {
        long head = image.symbols().psLoadedModuleList();
        long entry = head;
        do {
            long next = read.u64(entry);
            assertThat(read.u64(next + 8)).as("Blink of 0x%x", next).isEqualTo(entry);
            entry = next;
        } while (entry != head);
    }

    @Test
    void entriesDescribeTheirModules() {
        List<Long> entries = walk(image.symbols().psLoadedModuleList(), 0);
        List<LoadedModule> modules = image.symbols().modules();
        assertThat(entries).hasSameSizeAs(modules);
        for (int i = 0; i < entries.size(); i++) {
            long entry = entries.get(i);
            LoadedModule module = modules.get(i);
            assertThat(image.virtual().read(entry, 0x88)).as("WinDbg's entry read").hasSize(0x88);
            assertThat(read.u64(entry + 0x30)).as("DllBase").isEqualTo(module.base());
            assertThat(read.u32(entry + 0x40)).as("SizeOfImage").isEqualTo(module.size());
            assertThat(read.unicodeString(entry + 0x48)).as("FullDllName").isEqualTo(module.path());
            assertThat(read.unicodeString(entry + 0x58)).as("BaseDllName").isEqualTo(module.name());
            assertThat(read.u16(entry + 0x6C)).as("LoadCount").isEqualTo(1);
            assertThat(read.u32(entry + 0x78)).as("CheckSum").isEqualTo(module.checksum());
            long entryPoint = read.u64(entry + 0x38);
            assertThat(entryPoint).isBetween(module.base(), module.base() + module.size() - 1);
            assertThat(module.path()).endsWith("\\" + module.name());
        }
        LoadedModule kernel = modules.get(0);
        assertThat(kernel.base()).isEqualTo(image.symbols().kernBase());
        assertThat(kernel.path()).isEqualTo("\\SystemRoot\\system32\\ntoskrnl.exe");
        assertThat(kernel.checksum()).isEqualTo(image.symbols().kernChecksum());
    }

    @Test
    void everyModuleHasAPeHeaderMatchingItsEntry() {
        for (LoadedModule module : image.symbols().modules()) {
            long base = module.base();
            assertThat(base % 4096).isZero();
            assertThat(read.bytes(base, 2)).as(module.name()).containsExactly('M', 'Z');
            long nt = base + read.u32(base + 0x3C);
            assertThat(read.bytes(nt, 4)).containsExactly('P', 'E', 0, 0);
            assertThat(read.u16(nt + 4)).isEqualTo(0x8664);
            assertThat(read.u32(nt + 24 + 0x38)).as("SizeOfImage of %s", module.name()).isEqualTo(module.size());
            assertThat(read.u32(nt + 24 + 0x40)).as("CheckSum of %s", module.name()).isEqualTo(module.checksum());
            assertThat(read.u64(nt + 24 + 0x18)).as("ImageBase").isEqualTo(base);
        }
        List<LoadedModule> modules = image.symbols().modules();
        for (int i = 1; i < modules.size(); i++) {
            LoadedModule previous = modules.get(i - 1);
            assertThat(modules.get(i).base()).as("no overlap")
                    .isGreaterThanOrEqualTo(previous.base() + previous.size());
        }
    }

    /** The entries of the list at {@code head}, following Flink (link 0) or Blink (link 8). */
    private static List<Long> walk(long head, int link) {
        List<Long> entries = new ArrayList<>();
        for (long entry = read.u64(head + link); entry != head; entry = read.u64(entry + link)) {
            entries.add(entry);
            assertThat(entries).hasSizeLessThan(100);
        }
        return entries;
    }

    private static List<String> names(List<Long> entries) {
        return new ArrayList<>(entries.stream().map(entry -> read.unicodeString(entry + 0x58)).toList());
    }
}
