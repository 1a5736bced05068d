package dev.kdnet.sim.kernel;

import java.util.Arrays;
import java.util.List;

/**
 * ntoskrnl.exe mapped at KernBase: the headers page, .text ({@link NtoskrnlText}), PAGE, .rdata (the CodeView debug
 * directory naming ntkrnlmp.pdb), .data (the kernel's variables, filled by the builder through {@link #dataArena})
 * and INIT (the entry point). The CheckSum covers the image as a file would hold it: code, headers and the debug
 * record, with .data still zero.
 */
final class NtoskrnlImage {
    /** BaseDllName of the kernel. */
    static final String NAME = "ntoskrnl.exe";
    /** FullDllName of the kernel. */
    static final String PATH = "\\SystemRoot\\system32\\ntoskrnl.exe";
    /** The PDB of the multiprocessor kernel. */
    static final String PDB_NAME = "ntkrnlmp.pdb";
    /** RVA of .text. */
    static final int TEXT_RVA = 0x1000;
    /** RVA of PAGE. */
    static final int PAGE_RVA = TEXT_RVA + NtoskrnlText.SIZE;
    /** RVA of .rdata; the debug directory is at its start, the RSDS record right after. */
    static final int RDATA_RVA = PAGE_RVA + 0x1000;
    /** RVA of .data. */
    static final int DATA_RVA = RDATA_RVA + 0x1000;
    /** Size of .data. */
    static final int DATA_SIZE = 0x5000;
    /** RVA of INIT, whose first byte is the entry point (KiSystemStartup). */
    static final int INIT_RVA = DATA_RVA + DATA_SIZE;
    /** SizeOfImage. */
    static final int SIZE_OF_IMAGE = INIT_RVA + 0x1000;
    private static final int RSDS_RVA = RDATA_RVA + 0x20;
    private static final List<PeSection> SECTIONS = List.of(
            new PeSection(".text", TEXT_RVA, NtoskrnlText.SIZE, PeSection.CODE | PeSection.NOT_PAGED),
            new PeSection("PAGE", PAGE_RVA, RDATA_RVA - PAGE_RVA, PeSection.CODE),
            new PeSection(".rdata", RDATA_RVA, DATA_RVA - RDATA_RVA, PeSection.READ_ONLY_DATA | PeSection.NOT_PAGED),
            new PeSection(".data", DATA_RVA, DATA_SIZE,
                    PeSection.READ_ONLY_DATA | PeSection.WRITE | PeSection.NOT_PAGED),
            new PeSection("INIT", INIT_RVA, SIZE_OF_IMAGE - INIT_RVA, PeSection.CODE | PeSection.DISCARDABLE));

    private final long base;
    private final int checksum;

    private NtoskrnlImage(long base, int checksum) {
        this.base = base;
        this.checksum = checksum;
    }

    /** Builds the image of {@code build}, maps it at {@code base} with each section's protection and writes it. */
    static NtoskrnlImage map(KernelMemory memory, WindowsBuild build, long base) {
        byte[] file = file(build, base);
        int checksum = PeChecksum.seal(file, file.length);
        for (int rva = 0; rva < SIZE_OF_IMAGE; rva += PhysicalMemory.PAGE_SIZE) {
            PeSection section = sectionAt(rva);
            memory.mapNewPages(base + rva, 1, section != null && section.writable(),
                    section != null && section.executable());
        }
        memory.write(base, file);
        return new NtoskrnlImage(base, checksum);
    }

    /** KernBase. */
    long base() {
        return base;
    }

    /** The PE CheckSum. */
    int checksum() {
        return checksum;
    }

    /** The address of {@code offset} in .text (one of the {@link NtoskrnlText} offsets). */
    long text(int offset) {
        return base + TEXT_RVA + offset;
    }

    /** An arena over .data for the kernel's variables. */
    VirtualArena dataArena(KernelMemory memory) {
        return VirtualArena.overMappedRange(memory, "ntoskrnl .data", base + DATA_RVA, base + DATA_RVA + DATA_SIZE);
    }

    /** The kernel's PsLoadedModuleList entry. */
    LoadedModule module() {
        return new LoadedModule(NAME, PATH, base, SIZE_OF_IMAGE, checksum);
    }

    private static byte[] file(WindowsBuild build, long base) {
        int timeDateStamp = build.imageTimeDateStamp();
        byte[] file = new byte[SIZE_OF_IMAGE];
        PeImageHeaders headers = new PeImageHeaders(base, SIZE_OF_IMAGE, INIT_RVA, timeDateStamp, false, SECTIONS,
                RDATA_RVA, CodeViewDebugInfo.DIRECTORY_ENTRY_SIZE);
        put(file, 0, headers.encode());
        put(file, TEXT_RVA, NtoskrnlText.build());
        Arrays.fill(file, PAGE_RVA, RDATA_RVA, (byte) 0xCC);
        CodeViewDebugInfo debugInfo = new CodeViewDebugInfo(CodeViewDebugInfo.guidFor(PDB_NAME, build), 1, PDB_NAME);
        put(file, RDATA_RVA, debugInfo.directoryEntry(timeDateStamp, RSDS_RVA));
        put(file, RSDS_RVA, debugInfo.record());
        Arrays.fill(file, INIT_RVA, SIZE_OF_IMAGE, (byte) 0xCC);
        file[INIT_RVA] = (byte) 0xC3;
        return file;
    }

    private static PeSection sectionAt(int rva) {
        return SECTIONS.stream().filter(section -> section.contains(rva)).findFirst().orElse(null);
    }

    private static void put(byte[] file, int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, file, offset, bytes.length);
    }
}
