package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.dbgkd.GetVersion64;
import java.util.Objects;

/**
 * The memory image of a simulated Windows x64 kernel that has just broken into the debugger: RAM, the kernel's
 * page tables over it, and where everything is.
 *
 * @param build    the Windows release it presents
 * @param physical its RAM ({@link #RAM_SIZE} bytes)
 * @param virtual  the kernel address space (CR3 = {@code virtual.cr3()})
 * @param symbols  the addresses of what the KD stub and the CPU model need
 */
public record KernelImage(WindowsBuild build, PhysicalMemory physical, AddressSpace virtual, KernelSymbols symbols) {
    /** Bytes of simulated RAM: 256 MiB, almost all of it absent (zero) pages. */
    public static final long RAM_SIZE = 256L << 20;
    /** The most CPUs a kernel image can have (one affinity group). */
    public static final int MAX_CPUS = 64;

    /** Checks that every part is present. */
    public KernelImage {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(physical, "physical");
        Objects.requireNonNull(virtual, "virtual");
        Objects.requireNonNull(symbols, "symbols");
    }

    /**
     * Builds the kernel of {@code build} with {@code cpuCount} processors (1 to {@link #MAX_CPUS}, else
     * IllegalArgumentException). Deterministic: the same arguments give the same bytes at the same addresses.
     */
    public static KernelImage build(WindowsBuild build, int cpuCount) {
        return build(build, cpuCount, KernelConfig.DEFAULT_LOAD_SEED);
    }

    /** {@link #build(WindowsBuild, int)} with RAM whose load region reads as the pattern of {@code loadSeed}. */
    public static KernelImage build(WindowsBuild build, int cpuCount, long loadSeed) {
        return new KernelBuilder(build, cpuCount, loadSeed).build();
    }

    /** The GetVersion block of this kernel (kd-protocol §3.3). */
    public GetVersion64 version() {
        return build.version(symbols.kernBase(), symbols.psLoadedModuleList(), symbols.debuggerDataList());
    }
}
