package dev.kdnet.sim.kernel;

import java.util.EnumMap;
import java.util.Map;

/**
 * Gives every KDDEBUGGER_DATA64 field its value. Address fields point at kernel variables this class places in
 * ntoskrnl's .data with plausible contents for a freshly booted machine (list heads empty, counters small, page
 * counts matching the RAM, pointers to zeroed objects in the nonpaged pool) or at what other parts of the image
 * already placed; the structure offsets are those of {@link ProcessorBlock}, {@link KernelThread} and
 * {@link KernelProcess}, the selectors those of {@link GlobalDescriptorTable}.
 */
final class DebuggerDataVariables {
    /** MmHighestUserAddress: the last user-mode byte of x64 Windows. */
    static final long HIGHEST_USER_ADDRESS = 0x7FFF_FFFE_FFFFL;
    /** MmSystemRangeStart: the first kernel-mode address. */
    static final long SYSTEM_RANGE_START = 0xFFFF_8000_0000_0000L;
    /** MmUserProbeAddress: the guard page below which user probes must stay. */
    static final long USER_PROBE_ADDRESS = 0x7FFF_FFFF_0000L;
    /** Bytes of the debug-print circular buffer. */
    static final int KD_PRINT_BUFFER_SIZE = 0x1000;
    /** KiUserCallbackDispatcher in a typical ntdll mapping (a user-mode address). */
    private static final long NTDLL_USER_CALLBACK_DISPATCHER = 0x7FFB_8A78_0E50L;
    /** KeTimeIncrement: 15.625 ms in 100 ns units. */
    private static final int TIME_INCREMENT = 156_250;
    private static final long SYSTEM_CACHE_START = 0xFFFF_A000_0000_0000L;
    private static final long SYSTEM_CACHE_END = 0xFFFF_A07F_FFFF_FFFFL;
    private static final long PFN_DATABASE = 0xFFFF_FA80_0000_0000L;
    private static final long SYSTEM_PTES_START = 0xFFFF_D100_0000_0000L;
    private static final long SYSTEM_PTES_END = 0xFFFF_D17F_FFFF_FFFFL;
    private static final long PAGED_POOL_START = 0xFFFF_C100_0000_0000L;
    private static final long PAGED_POOL_END = 0xFFFF_C17F_FFFF_FFFFL;
    private static final long SESSION_BASE = 0xFFFF_D380_0000_0000L;
    private static final long SESSION_SIZE = 0x80_0000_0000L;
    /** MMPFNLIST: Total (u64) at 0, ListName (u32) at 8; 0x28 bytes. */
    private static final int PFN_LIST_SIZE = 0x28;

    private final KernelMemory memory;
    private final VirtualArena data;
    private final VirtualArena pool;
    private final long physicalPages;
    private final long directoryTableBase;

    /**
     * Places variables in {@code data} and objects in {@code pool}, for a machine of {@code physicalPages} pages
     * whose kernel page tables start at {@code directoryTableBase}.
     */
    DebuggerDataVariables(KernelMemory memory, VirtualArena data, VirtualArena pool, long physicalPages,
            long directoryTableBase) {
        this.memory = memory;
        this.data = data;
        this.pool = pool;
        this.physicalPages = physicalPages;
        this.directoryTableBase = directoryTableBase;
    }

    /** The value of every field, given what the rest of the image already placed. */
    Map<DebuggerDataField, Long> values(NtoskrnlImage nt, long psLoadedModuleList, long psActiveProcessHead,
            long kiProcessorBlock, long ntBuildLab) {
        Map<DebuggerDataField, Long> values = new EnumMap<>(DebuggerDataField.class);
        values.put(DebuggerDataField.KERN_BASE, nt.base());
        values.put(DebuggerDataField.BREAKPOINT_WITH_STATUS, nt.text(NtoskrnlText.DBG_BREAK_POINT_WITH_STATUS));
        values.put(DebuggerDataField.KI_CALL_USER_MODE, nt.text(NtoskrnlText.KI_CALL_USER_MODE));
        values.put(DebuggerDataField.KI_NORMAL_SYSTEM_CALL, nt.text(NtoskrnlText.KI_SYSTEM_CALL64));
        values.put(DebuggerDataField.PS_LOADED_MODULE_LIST, psLoadedModuleList);
        values.put(DebuggerDataField.PS_ACTIVE_PROCESS_HEAD, psActiveProcessHead);
        values.put(DebuggerDataField.KI_PROCESSOR_BLOCK, kiProcessorBlock);
        values.put(DebuggerDataField.NT_BUILD_LAB, ntBuildLab);
        putExecutiveVariables(values);
        putMemoryManagerVariables(values);
        putDebugPrintBuffer(values);
        putLayout(values);
        return values;
    }

    private void putExecutiveVariables(Map<DebuggerDataField, Long> values) {
        values.put(DebuggerDataField.KE_USER_CALLBACK_DISPATCHER, u64(NTDLL_USER_CALLBACK_DISPATCHER));
        values.put(DebuggerDataField.PSP_CID_TABLE, u64(pool.allocate(0x80, 16)));
        values.put(DebuggerDataField.EXP_SYSTEM_RESOURCES_LIST, listHead());
        values.put(DebuggerDataField.EXP_PAGED_POOL_DESCRIPTOR, u64(pool.allocate(0x140, 16)));
        values.put(DebuggerDataField.EXP_NUMBER_OF_PAGED_POOLS, u32(1));
        values.put(DebuggerDataField.KE_TIME_INCREMENT, u32(TIME_INCREMENT));
        values.put(DebuggerDataField.KE_BUG_CHECK_CALLBACK_LIST_HEAD, listHead());
        values.put(DebuggerDataField.KI_BUGCHECK_DATA, zeroed(5 * 8));
        values.put(DebuggerDataField.IOP_ERROR_LOG_LIST_HEAD, listHead());
        values.put(DebuggerDataField.OBP_ROOT_DIRECTORY_OBJECT, u64(pool.allocate(0x158, 16)));
        values.put(DebuggerDataField.OBP_TYPE_OBJECT_TYPE, u64(pool.allocate(0xD8, 16)));
        values.put(DebuggerDataField.CM_NT_CSD_VERSION, u32(0));
        values.put(DebuggerDataField.KE_LOADER_BLOCK, u64(0));
        values.put(DebuggerDataField.IOP_NUM_TRIAGE_DUMP_DATA_BLOCKS, u32(0));
        values.put(DebuggerDataField.IOP_TRIAGE_DUMP_DATA_BLOCKS, zeroed(0x100));
        values.put(DebuggerDataField.VF_CRASH_DATA_BLOCK, zeroed(0x40));
        values.put(DebuggerDataField.ETWP_DEBUGGER_DATA, zeroed(0x20));
        values.put(DebuggerDataField.RETPOLINE_STUB_FUNCTION_TABLE, zeroed(0x10));
    }

    private void putMemoryManagerVariables(Map<DebuggerDataField, Long> values) {
        long available = physicalPages * 3 / 4;
        long zeroedPages = physicalPages / 2;
        long freePages = 0x100;
        values.put(DebuggerDataField.MM_SYSTEM_CACHE_START, u64(SYSTEM_CACHE_START));
        values.put(DebuggerDataField.MM_SYSTEM_CACHE_END, u64(SYSTEM_CACHE_END));
        values.put(DebuggerDataField.MM_SYSTEM_CACHE_WS, zeroed(0x140));
        values.put(DebuggerDataField.MM_PFN_DATABASE, u64(PFN_DATABASE));
        values.put(DebuggerDataField.MM_SYSTEM_PTES_START, u64(SYSTEM_PTES_START));
        values.put(DebuggerDataField.MM_SYSTEM_PTES_END, u64(SYSTEM_PTES_END));
        values.put(DebuggerDataField.MM_SUBSECTION_BASE, u64(0));
        values.put(DebuggerDataField.MM_NUMBER_OF_PAGING_FILES, u32(1));
        values.put(DebuggerDataField.MM_LOWEST_PHYSICAL_PAGE, u64(1));
        values.put(DebuggerDataField.MM_HIGHEST_PHYSICAL_PAGE, u64(physicalPages - 1));
        values.put(DebuggerDataField.MM_NUMBER_OF_PHYSICAL_PAGES, u64(physicalPages - 1));
        values.put(DebuggerDataField.MM_MAXIMUM_NON_PAGED_POOL_IN_BYTES, u64(physicalPages * PhysicalMemory.PAGE_SIZE));
        values.put(DebuggerDataField.MM_NON_PAGED_SYSTEM_START, u64(KernelBuilder.POOL_BASE));
        values.put(DebuggerDataField.MM_NON_PAGED_POOL_START, u64(KernelBuilder.POOL_BASE));
        values.put(DebuggerDataField.MM_NON_PAGED_POOL_END, u64(KernelBuilder.POOL_BASE + KernelBuilder.POOL_SIZE));
        values.put(DebuggerDataField.MM_PAGED_POOL_START, u64(PAGED_POOL_START));
        values.put(DebuggerDataField.MM_PAGED_POOL_END, u64(PAGED_POOL_END));
        values.put(DebuggerDataField.MM_PAGED_POOL_INFORMATION, zeroed(0x40));
        values.put(DebuggerDataField.MM_PAGE_SIZE, (long) PhysicalMemory.PAGE_SIZE);
        values.put(DebuggerDataField.MM_SIZE_OF_PAGED_POOL_IN_BYTES, u64(PAGED_POOL_END - PAGED_POOL_START + 1));
        values.put(DebuggerDataField.MM_TOTAL_COMMIT_LIMIT, u64(physicalPages * 3 / 2));
        values.put(DebuggerDataField.MM_TOTAL_COMMITTED_PAGES, u64(physicalPages / 4));
        values.put(DebuggerDataField.MM_SHARED_COMMIT, u64(0x800));
        values.put(DebuggerDataField.MM_DRIVER_COMMIT, u64(0x300));
        values.put(DebuggerDataField.MM_PROCESS_COMMIT, u64(0x1800));
        values.put(DebuggerDataField.MM_PAGED_POOL_COMMIT, u64(0x2000));
        values.put(DebuggerDataField.MM_EXTENDED_COMMIT, u64(0));
        values.put(DebuggerDataField.MM_ZEROED_PAGE_LIST_HEAD, pfnList(0, zeroedPages));
        values.put(DebuggerDataField.MM_FREE_PAGE_LIST_HEAD, pfnList(1, freePages));
        values.put(DebuggerDataField.MM_STANDBY_PAGE_LIST_HEAD, pfnList(2, available - zeroedPages - freePages));
        values.put(DebuggerDataField.MM_MODIFIED_PAGE_LIST_HEAD, pfnList(3, 0x200));
        values.put(DebuggerDataField.MM_MODIFIED_NO_WRITE_PAGE_LIST_HEAD, pfnList(4, 0));
        values.put(DebuggerDataField.MM_AVAILABLE_PAGES, u64(available));
        values.put(DebuggerDataField.MM_RESIDENT_AVAILABLE_PAGES, u64(available - 0x400));
        values.put(DebuggerDataField.POOL_TRACK_TABLE, u64(pool.allocate(0x100, 16)));
        values.put(DebuggerDataField.NON_PAGED_POOL_DESCRIPTOR, zeroed(0x140));
        values.put(DebuggerDataField.MM_HIGHEST_USER_ADDRESS, u64(HIGHEST_USER_ADDRESS));
        values.put(DebuggerDataField.MM_SYSTEM_RANGE_START, u64(SYSTEM_RANGE_START));
        values.put(DebuggerDataField.MM_USER_PROBE_ADDRESS, u64(USER_PROBE_ADDRESS));
        values.put(DebuggerDataField.MM_LOADED_USER_IMAGE_LIST, listHead());
        values.put(DebuggerDataField.MM_UNLOADED_DRIVERS, u64(pool.allocate(50 * 0x28, 16)));
        values.put(DebuggerDataField.MM_LAST_UNLOADED_DRIVER, u32(0));
        values.put(DebuggerDataField.MM_TRIAGE_ACTION_TAKEN, u32(0));
        values.put(DebuggerDataField.MM_SPECIAL_POOL_TAG, u32(0));
        values.put(DebuggerDataField.KERNEL_VERIFIER, u32(0));
        values.put(DebuggerDataField.MM_VERIFIER_DATA, zeroed(0x100));
        values.put(DebuggerDataField.MM_ALLOCATED_NON_PAGED_POOL, u64(0x1000));
        values.put(DebuggerDataField.MM_PEAK_COMMITMENT, u64(physicalPages / 4 + 0x800));
        values.put(DebuggerDataField.MM_TOTAL_COMMIT_LIMIT_MAXIMUM, u64(physicalPages * 3));
        values.put(DebuggerDataField.MM_PHYSICAL_MEMORY_BLOCK, u64(physicalMemoryDescriptor()));
        values.put(DebuggerDataField.MM_SESSION_BASE, u64(SESSION_BASE));
        values.put(DebuggerDataField.MM_SESSION_SIZE, u64(SESSION_SIZE));
        values.put(DebuggerDataField.MM_SYSTEM_PARENT_TABLE_PAGE, u64(directoryTableBase / PhysicalMemory.PAGE_SIZE));
        values.put(DebuggerDataField.MM_VIRTUAL_TRANSLATION_BASE, u64(0));
        values.put(DebuggerDataField.MM_BAD_PAGES_DETECTED, u32(0));
        values.put(DebuggerDataField.MM_ZEROED_PAGE_SINGLE_BIT_ERRORS_DETECTED, u32(0));
    }

    /**
     * KdPrintCircularBuffer, with KdPrintWritePointer right behind it, so that KdPrintCircularBufferEnd (one past
     * the buffer) is readable too.
     */
    private void putDebugPrintBuffer(Map<DebuggerDataField, Long> values) {
        long buffer = data.allocate(KD_PRINT_BUFFER_SIZE + 8, 16);
        long writePointer = buffer + KD_PRINT_BUFFER_SIZE;
        memory.putU64(writePointer, buffer);
        values.put(DebuggerDataField.KD_PRINT_CIRCULAR_BUFFER, buffer);
        values.put(DebuggerDataField.KD_PRINT_CIRCULAR_BUFFER_END, buffer + KD_PRINT_BUFFER_SIZE);
        values.put(DebuggerDataField.KD_PRINT_WRITE_POINTER, writePointer);
        values.put(DebuggerDataField.KD_PRINT_ROLLOVER_COUNT, u32(0));
        values.put(DebuggerDataField.KD_PRINT_CIRCULAR_BUFFER_PTR, u64(buffer));
        values.put(DebuggerDataField.KD_PRINT_BUFFER_SIZE, u32(KD_PRINT_BUFFER_SIZE));
    }

    private static void putLayout(Map<DebuggerDataField, Long> values) {
        values.put(DebuggerDataField.PAE_ENABLED, 1L);
        values.put(DebuggerDataField.OFFSET_KTHREAD_NEXT_PROCESSOR, (long) KernelThread.NEXT_PROCESSOR);
        values.put(DebuggerDataField.OFFSET_KTHREAD_TEB, (long) KernelThread.TEB);
        values.put(DebuggerDataField.OFFSET_KTHREAD_KERNEL_STACK, (long) KernelThread.KERNEL_STACK);
        values.put(DebuggerDataField.OFFSET_KTHREAD_INITIAL_STACK, (long) KernelThread.INITIAL_STACK);
        values.put(DebuggerDataField.OFFSET_KTHREAD_APC_PROCESS, (long) KernelThread.APC_STATE_PROCESS);
        values.put(DebuggerDataField.OFFSET_KTHREAD_STATE, (long) KernelThread.STATE);
        values.put(DebuggerDataField.SIZE_EPROCESS, (long) KernelProcess.SIZE);
        values.put(DebuggerDataField.OFFSET_EPROCESS_PEB, (long) KernelProcess.PEB);
        values.put(DebuggerDataField.OFFSET_EPROCESS_PARENT_CID, (long) KernelProcess.INHERITED_FROM_UNIQUE_PROCESS_ID);
        values.put(DebuggerDataField.OFFSET_EPROCESS_DIRECTORY_TABLE_BASE, (long) KernelProcess.DIRECTORY_TABLE_BASE);
        values.put(DebuggerDataField.SIZE_PRCB, (long) ProcessorBlock.PRCB_SIZE);
        values.put(DebuggerDataField.OFFSET_PRCB_DPC_ROUTINE, (long) ProcessorBlock.PRCB_DPC_ROUTINE_ACTIVE);
        values.put(DebuggerDataField.OFFSET_PRCB_CURRENT_THREAD, (long) ProcessorBlock.PRCB_CURRENT_THREAD);
        values.put(DebuggerDataField.OFFSET_PRCB_MHZ, (long) ProcessorBlock.PRCB_MHZ);
        values.put(DebuggerDataField.OFFSET_PRCB_CPU_TYPE, (long) ProcessorBlock.PRCB_CPU_TYPE);
        values.put(DebuggerDataField.OFFSET_PRCB_VENDOR_STRING, (long) ProcessorBlock.PRCB_VENDOR_STRING);
        values.put(DebuggerDataField.OFFSET_PRCB_PROC_STATE_CONTEXT,
                (long) ProcessorBlock.PRCB_PROCESSOR_STATE + ProcessorBlock.PROCESSOR_STATE_CONTEXT);
        values.put(DebuggerDataField.OFFSET_PRCB_NUMBER, (long) ProcessorBlock.PRCB_NUMBER);
        values.put(DebuggerDataField.SIZE_ETHREAD, (long) KernelThread.SIZE);
        values.put(DebuggerDataField.SIZE_PCR, (long) ProcessorBlock.SIZE);
        values.put(DebuggerDataField.OFFSET_PCR_SELF_PCR, (long) ProcessorBlock.PCR_SELF);
        values.put(DebuggerDataField.OFFSET_PCR_CURRENT_PRCB, (long) ProcessorBlock.PCR_CURRENT_PRCB);
        values.put(DebuggerDataField.OFFSET_PCR_CONTAINED_PRCB, (long) ProcessorBlock.PCR_PRCB);
        values.put(DebuggerDataField.OFFSET_PRCB_PROC_STATE_SPECIAL_REG, (long) ProcessorBlock.PRCB_PROCESSOR_STATE);
        values.put(DebuggerDataField.GDT_R0_CODE, (long) GlobalDescriptorTable.KERNEL_CODE);
        values.put(DebuggerDataField.GDT_R0_DATA, (long) GlobalDescriptorTable.KERNEL_DATA);
        values.put(DebuggerDataField.GDT_R3_CODE, (long) GlobalDescriptorTable.USER_CODE64);
        values.put(DebuggerDataField.GDT_R3_DATA, (long) GlobalDescriptorTable.USER_DATA);
        values.put(DebuggerDataField.GDT_TSS, (long) GlobalDescriptorTable.TSS);
        values.put(DebuggerDataField.GDT64_R3_CM_CODE, (long) GlobalDescriptorTable.USER_CODE32);
        values.put(DebuggerDataField.GDT64_R3_CM_TEB, (long) GlobalDescriptorTable.USER_TEB32);
        values.put(DebuggerDataField.OFFSET_PRCB_CONTEXT, (long) ProcessorBlock.PRCB_CONTEXT);
        values.put(DebuggerDataField.OFFSET_KTHREAD_STACK_LIMIT, (long) KernelThread.STACK_LIMIT);
        values.put(DebuggerDataField.OFFSET_KTHREAD_STACK_BASE, (long) KernelThread.STACK_BASE);
        values.put(DebuggerDataField.OFFSET_KTHREAD_QUEUE_LIST_ENTRY, (long) KernelThread.QUEUE_LIST_ENTRY);
        values.put(DebuggerDataField.OFFSET_ETHREAD_IRP_LIST, (long) KernelThread.IRP_LIST);
        values.put(DebuggerDataField.OFFSET_PRCB_IDLE_THREAD, (long) ProcessorBlock.PRCB_IDLE_THREAD);
        values.put(DebuggerDataField.OFFSET_PRCB_NORMAL_DPC_STATE, (long) ProcessorBlock.PRCB_NORMAL_DPC_STATE);
        values.put(DebuggerDataField.OFFSET_PRCB_DPC_STACK, (long) ProcessorBlock.PRCB_DPC_STACK);
        values.put(DebuggerDataField.OFFSET_PRCB_ISR_STACK, (long) ProcessorBlock.PRCB_ISR_STACK);
        values.put(DebuggerDataField.OFFSET_KPRIQUEUE_THREAD_LIST_HEAD, (long) KernelThread.PRIQUEUE_THREAD_LIST_HEAD);
        values.put(DebuggerDataField.OFFSET_KTHREAD_WAIT_REASON, (long) KernelThread.WAIT_REASON);
        values.put(DebuggerDataField.PTE_BASE, X64Paging.PTE_BASE);
    }

    /** PHYSICAL_MEMORY_DESCRIPTOR in pool: one run of every page but page 0. */
    private long physicalMemoryDescriptor() {
        long descriptor = pool.allocate(0x20, 16);
        memory.putU32(descriptor, 1);
        memory.putU64(descriptor + 0x08, physicalPages - 1);
        memory.putU64(descriptor + 0x10, 1);
        memory.putU64(descriptor + 0x18, physicalPages - 1);
        return descriptor;
    }

    private long pfnList(int listName, long total) {
        long list = zeroed(PFN_LIST_SIZE);
        memory.putU64(list, total);
        memory.putU32(list + 8, listName);
        return list;
    }

    private long u64(long value) {
        long variable = data.allocate(8, 8);
        memory.putU64(variable, value);
        return variable;
    }

    private long u32(int value) {
        long variable = data.allocate(4, 4);
        memory.putU32(variable, value);
        return variable;
    }

    private long listHead() {
        long head = data.allocate(ListLinks.SIZE, 16);
        ListLinks.empty(memory, head);
        return head;
    }

    private long zeroed(int size) {
        return data.allocate(size, 16);
    }
}
