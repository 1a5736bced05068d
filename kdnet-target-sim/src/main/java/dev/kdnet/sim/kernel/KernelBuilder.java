package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Builds a {@link KernelImage}: RAM, the page tables (PML4 with the self-map at slot 0x1ED), ntoskrnl and the boot
 * modules, KUSER_SHARED_DATA, the descriptor tables, the idle and System processes, each CPU's idle thread, stack,
 * KPCR and KPRCB, KiProcessorBlock, PsLoadedModuleList and KDDEBUGGER_DATA64 behind KdpDebuggerDataListHead.
 *
 * <p>Virtual layout: ntoskrnl at {@link #KERN_BASE}, its variables in its .data; the other modules from
 * {@link #FIRST_MODULE_BASE}, each at the next 64 KiB boundary; the nonpaged pool from {@link #POOL_BASE} (per CPU a
 * guard page and the 24 KiB stack, then the TSS, GDT, IDT, idle threads, System process, KPCRs, loader entries and
 * objects); KUSER_SHARED_DATA at 0xFFFFF78000000000. Everything is allocated in a fixed order, so the same inputs
 * give the same bytes. One builder builds one image.
 */
final class KernelBuilder {
    /** Where ntoskrnl is mapped. */
    static final long KERN_BASE = 0xFFFF_F804_7A00_0000L;
    /** Where the first module after ntoskrnl is mapped. */
    static final long FIRST_MODULE_BASE = KERN_BASE + 0x20_0000;
    /** Start of the nonpaged pool. */
    static final long POOL_BASE = 0xFFFF_C08A_0000_0000L;
    /** Bytes of virtual space reserved for the pool (mapped as it is used). */
    static final long POOL_SIZE = 16L << 20;
    /** Bytes of each kernel stack. */
    static final int KERNEL_STACK_SIZE = 0x6000;
    private static final int MODULE_ALIGNMENT = 0x1_0000;
    private static final int PAGE_SIZE = PhysicalMemory.PAGE_SIZE;
    private static final long SYSTEM_PROCESS_ID = 4;

    private final WindowsBuild build;
    private final int cpuCount;
    private final PhysicalMemory physical;
    private final AddressSpace space;
    private final KernelMemory memory;
    private final NtoskrnlImage nt;
    private final VirtualArena data;
    private final VirtualArena pool;

    /**
     * Sets up RAM (its load region seeded with {@code loadSeed}) and the page tables and maps ntoskrnl;
     * IllegalArgumentException for a bad CPU count.
     */
    KernelBuilder(WindowsBuild build, int cpuCount, long loadSeed) {
        if (cpuCount < 1 || cpuCount > KernelImage.MAX_CPUS) {
            throw new IllegalArgumentException("cpuCount must be 1.." + KernelImage.MAX_CPUS + ", not " + cpuCount);
        }
        this.build = Objects.requireNonNull(build, "build");
        this.cpuCount = cpuCount;
        this.physical = new PhysicalMemory(KernelImage.RAM_SIZE, OptionalLong.of(loadSeed));
        long cr3 = physical.allocatePage();
        installSelfMap(cr3);
        space = new AddressSpace(physical, cr3);
        memory = new KernelMemory(space);
        nt = NtoskrnlImage.map(memory, build, KERN_BASE);
        data = nt.dataArena(memory);
        pool = VirtualArena.mappingOnDemand(memory, "nonpaged pool", POOL_BASE, POOL_BASE + POOL_SIZE);
    }

    /** Lays out everything else and returns the image. */
    KernelImage build() {
        long physicalPages = physical.size() / PAGE_SIZE;
        long kuser = KuserSharedData.map(memory, build, physicalPages);
        long ntBuildLab = data.place(KernelMemory.asciiZ(build.ntBuildLab()), 16);
        List<Long> stackTops = allocateStacks();
        long tss = pool.place(TaskStateSegment.encode(stackTops.get(0)), 16);
        long gdt = pool.place(GlobalDescriptorTable.encode(tss), 16);
        long idt = pool.place(InterruptDescriptorTable.encode(vector -> nt.text(NtoskrnlText.isrThunk(vector))),
                PAGE_SIZE);
        List<Long> threads = placeIdleProcessAndThreads(stackTops);
        long psActiveProcessHead = placeSystemProcess();

        long kiProcessorBlock = data.allocate(KernelImage.MAX_CPUS * 8, 16);
        List<CpuSymbols> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < cpuCount; cpu++) {
            long kpcr = pool.allocate(ProcessorBlock.SIZE, PAGE_SIZE);
            cpus.add(ProcessorBlock.write(memory, kpcr, cpu, threads.get(cpu), stackTops.get(cpu), gdt, tss, idt));
            memory.putU64(kiProcessorBlock + 8L * cpu, cpus.get(cpu).kprcb());
        }

        List<LoadedModule> modules = mapModules();
        long psLoadedModuleList = data.allocate(ListLinks.SIZE, 16);
        LoadedModuleList.write(memory, pool, psLoadedModuleList, modules);

        DebuggerDataVariables variables = new DebuggerDataVariables(memory, data, pool, physicalPages, space.cr3());
        long debuggerDataList = data.allocate(ListLinks.SIZE, 16);
        long kdDebuggerDataBlock = data.place(DebuggerDataBlock.encode(build.kdDebuggerDataSize(),
                variables.values(nt, psLoadedModuleList, psActiveProcessHead, kiProcessorBlock, ntBuildLab)), 16);
        ListLinks.link(memory, debuggerDataList, List.of(kdDebuggerDataBlock));

        KernelSymbols symbols = new KernelSymbols(nt.base(), NtoskrnlImage.SIZE_OF_IMAGE, nt.checksum(),
                psLoadedModuleList, debuggerDataList, kdDebuggerDataBlock,
                nt.text(NtoskrnlText.DBG_BREAK_POINT_WITH_STATUS), ntBuildLab, kuser, gdt,
                GlobalDescriptorTable.LIMIT, idt, InterruptDescriptorTable.LIMIT, nt.text(NtoskrnlText.CODE_REGION),
                nt.text(NtoskrnlText.CODE_REGION + NtoskrnlText.CODE_REGION_SIZE), kiProcessorBlock, cpus, modules);
        return new KernelImage(build, physical, space, symbols);
    }

    /** One kernel stack per CPU, each above an unmapped guard page: their tops. */
    private List<Long> allocateStacks() {
        List<Long> tops = new ArrayList<>();
        for (int cpu = 0; cpu < cpuCount; cpu++) {
            pool.skipPage();
            tops.add(pool.allocate(KERNEL_STACK_SIZE, PAGE_SIZE) + KERNEL_STACK_SIZE);
        }
        return tops;
    }

    /** The idle process in .data (like KiInitialProcess) and one idle thread per CPU in the pool: the threads. */
    private List<Long> placeIdleProcessAndThreads(List<Long> stackTops) {
        long idleProcess = data.allocate(KernelProcess.SIZE, 16);
        List<Long> threads = new ArrayList<>();
        for (int cpu = 0; cpu < cpuCount; cpu++) {
            long thread = pool.allocate(KernelThread.SIZE, 16);
            KernelThread.writeIdleThread(memory, thread, cpu, idleProcess, stackTops.get(cpu), KERNEL_STACK_SIZE);
            threads.add(thread);
        }
        KernelProcess.write(memory, idleProcess, "Idle", 0, space.cr3(), cpuCount, threads);
        return threads;
    }

    /** The System process (pid 4) in the pool, alone in PsActiveProcessHead: the head. */
    private long placeSystemProcess() {
        long systemProcess = pool.allocate(KernelProcess.SIZE, 16);
        KernelProcess.write(memory, systemProcess, "System", SYSTEM_PROCESS_ID, space.cr3(), cpuCount, List.of());
        long psActiveProcessHead = data.allocate(ListLinks.SIZE, 16);
        ListLinks.link(memory, psActiveProcessHead, List.of(systemProcess + KernelProcess.ACTIVE_PROCESS_LINKS));
        return psActiveProcessHead;
    }

    /** ntoskrnl, then every boot module at the next 64 KiB boundary from {@link #FIRST_MODULE_BASE} on. */
    private List<LoadedModule> mapModules() {
        List<LoadedModule> modules = new ArrayList<>();
        modules.add(nt.module());
        long base = FIRST_MODULE_BASE;
        for (DriverImage driver : DriverImage.BOOT_MODULES) {
            modules.add(driver.map(memory, base, build.imageTimeDateStamp()));
            base += (driver.size() + MODULE_ALIGNMENT - 1) & -MODULE_ALIGNMENT;
        }
        return modules;
    }

    /** PML4[0x1ED] points at the PML4 itself (present, writable, no-execute), which shows the tables at PteBase. */
    private void installSelfMap(long cr3) {
        byte[] entry = new byte[X64Paging.ENTRY_SIZE];
        WireBytes.wrap(entry).putLong(0, cr3 | X64Paging.PRESENT | X64Paging.WRITABLE | X64Paging.NO_EXECUTE);
        physical.write(cr3 + (long) X64Paging.SELF_MAP_INDEX * X64Paging.ENTRY_SIZE, entry);
    }
}
