package dev.kdnet.sim.kernel;

import java.util.List;
import java.util.Locale;

/**
 * A boot-loaded module other than the kernel. Only its headers page is mapped (MZ, PE, a .text and a .data
 * section); the rest of the image reads as unmapped, like pages of a driver that are not resident. Its CheckSum is
 * that of a file holding these headers followed by zeros up to SizeOfImage.
 *
 * @param name the BaseDllName, e.g. "hal.dll"
 * @param path the FullDllName, e.g. "\SystemRoot\system32\hal.dll"
 * @param size SizeOfImage, a multiple of the page size, at least three pages
 */
record DriverImage(String name, String path, int size) {
    /** The modules the loader put in memory after ntoskrnl.exe, in load order, with plausible sizes. */
    static final List<DriverImage> BOOT_MODULES = List.of(
            new DriverImage("hal.dll", "\\SystemRoot\\system32\\hal.dll", 0x6000),
            new DriverImage("kdnet.dll", "\\SystemRoot\\system32\\kdnet.dll", 0x23000),
            new DriverImage("CLFS.SYS", "\\SystemRoot\\System32\\drivers\\CLFS.SYS", 0x66000),
            new DriverImage("CI.dll", "\\SystemRoot\\system32\\CI.dll", 0xD7000),
            new DriverImage("ACPI.sys", "\\SystemRoot\\System32\\drivers\\ACPI.sys", 0xD8000),
            new DriverImage("ndis.sys", "\\SystemRoot\\System32\\drivers\\ndis.sys", 0x13C000),
            new DriverImage("tcpip.sys", "\\SystemRoot\\System32\\drivers\\tcpip.sys", 0x2F2000));
    /** RVA of .text, whose start is the entry point. */
    static final int TEXT_RVA = 0x1000;
    private static final int PAGE_SIZE = PhysicalMemory.PAGE_SIZE;

    /** Checks the size. */
    DriverImage {
        if (size < 3 * PAGE_SIZE || size % PAGE_SIZE != 0) {
            throw new IllegalArgumentException("bad image size 0x" + Integer.toHexString(size) + " of " + name);
        }
    }

    /** Maps the headers page at {@code base} (read-only) and returns the module's list entry. */
    LoadedModule map(KernelMemory memory, long base, int timeDateStamp) {
        int dataRva = size - PAGE_SIZE;
        List<PeSection> sections = List.of(
                new PeSection(".text", TEXT_RVA, dataRva - TEXT_RVA, PeSection.CODE | PeSection.NOT_PAGED),
                new PeSection(".data", dataRva, PAGE_SIZE,
                        PeSection.READ_ONLY_DATA | PeSection.WRITE | PeSection.NOT_PAGED));
        boolean dll = name.toLowerCase(Locale.ROOT).endsWith(".dll");
        byte[] headers = new PeImageHeaders(base, size, TEXT_RVA, timeDateStamp, dll, sections, 0, 0).encode();
        int checksum = PeChecksum.seal(headers, size);
        memory.mapNewPages(base, 1, false, false);
        memory.write(base, headers);
        return new LoadedModule(name, path, base, size, checksum);
    }
}
