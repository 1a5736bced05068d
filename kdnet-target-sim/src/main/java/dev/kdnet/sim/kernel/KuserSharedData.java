package dev.kdnet.sim.kernel;

import java.nio.charset.StandardCharsets;

/**
 * KUSER_SHARED_DATA: the page the kernel shares with user mode, at its fixed kernel address. Only the identity
 * fields are set; times, ProcessorFeatures and the XState configuration (0x3D8, which WinDbg reads on attach) stay
 * zero, which reads as "no extended state".
 */
final class KuserSharedData {
    /** Its kernel-mode address. */
    static final long ADDRESS = 0xFFFF_F780_0000_0000L;
    /** TickCountMultiplier (u32). */
    static final int TICK_COUNT_MULTIPLIER = 0x004;
    /** ImageNumberLow (u16). */
    static final int IMAGE_NUMBER_LOW = 0x02C;
    /** ImageNumberHigh (u16). */
    static final int IMAGE_NUMBER_HIGH = 0x02E;
    /** NtSystemRoot (WCHAR[260]). */
    static final int NT_SYSTEM_ROOT = 0x030;
    /** NtBuildNumber (u32). */
    static final int NT_BUILD_NUMBER = 0x260;
    /** NtProductType (u32): 1 = NtProductWinNt, a workstation. */
    static final int NT_PRODUCT_TYPE = 0x264;
    /** ProductTypeIsValid (u8). */
    static final int PRODUCT_TYPE_IS_VALID = 0x268;
    /** NativeProcessorArchitecture (u16): 9 = AMD64. */
    static final int NATIVE_PROCESSOR_ARCHITECTURE = 0x26A;
    /** NtMajorVersion (u32). */
    static final int NT_MAJOR_VERSION = 0x26C;
    /** NtMinorVersion (u32). */
    static final int NT_MINOR_VERSION = 0x270;
    /** KdDebuggerEnabled (u8): 3 = enabled and not disabled by the boot options. */
    static final int KD_DEBUGGER_ENABLED = 0x2D4;
    /** NumberOfPhysicalPages (u32). */
    static final int NUMBER_OF_PHYSICAL_PAGES = 0x2E8;

    private static final int NT_PRODUCT_WIN_NT = 1;
    private static final int PROCESSOR_ARCHITECTURE_AMD64 = 9;
    private static final int DEBUGGER_ENABLED_AND_NOT_DISABLED = 3;
    private static final int TICK_COUNT_MULTIPLIER_15_625_MS = 0x0FA0_0000;
    private static final String SYSTEM_ROOT = "C:\\Windows";

    private KuserSharedData() {
    }

    /** Maps the page (writable for the kernel) and fills it for {@code build} on a machine of that many pages. */
    static long map(KernelMemory memory, WindowsBuild build, long physicalPages) {
        memory.mapNewPages(ADDRESS, 1, true, false);
        memory.putU32(ADDRESS + TICK_COUNT_MULTIPLIER, TICK_COUNT_MULTIPLIER_15_625_MS);
        memory.putU16(ADDRESS + IMAGE_NUMBER_LOW, PeImageHeaders.MACHINE_AMD64);
        memory.putU16(ADDRESS + IMAGE_NUMBER_HIGH, PeImageHeaders.MACHINE_AMD64);
        memory.write(ADDRESS + NT_SYSTEM_ROOT, (SYSTEM_ROOT + '\0').getBytes(StandardCharsets.UTF_16LE));
        memory.putU32(ADDRESS + NT_BUILD_NUMBER, build.buildNumber());
        memory.putU32(ADDRESS + NT_PRODUCT_TYPE, NT_PRODUCT_WIN_NT);
        memory.putU8(ADDRESS + PRODUCT_TYPE_IS_VALID, 1);
        memory.putU16(ADDRESS + NATIVE_PROCESSOR_ARCHITECTURE, PROCESSOR_ARCHITECTURE_AMD64);
        memory.putU32(ADDRESS + NT_MAJOR_VERSION, 10);
        memory.putU32(ADDRESS + NT_MINOR_VERSION, 0);
        memory.putU8(ADDRESS + KD_DEBUGGER_ENABLED, DEBUGGER_ENABLED_AND_NOT_DISABLED);
        memory.putU32(ADDRESS + NUMBER_OF_PHYSICAL_PAGES, (int) physicalPages);
        return ADDRESS;
    }
}
