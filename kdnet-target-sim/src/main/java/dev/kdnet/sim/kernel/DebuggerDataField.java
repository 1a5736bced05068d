package dev.kdnet.sim.kernel;

/**
 * The fields of KDDEBUGGER_DATA64 after its 0x18-byte header (DBGKD_DEBUG_DATA_HEADER64), in declaration order with
 * their offsets, widths and what kind of value each holds (layout of the public wdbgexts.h; kd-protocol §3.11 checks
 * the offsets WinDbg relies on). A block of Header.Size bytes holds the fields that end within it: 0x368 bytes stop
 * after PteBase, 0x380 after the retpoline fields.
 */
enum DebuggerDataField {
    /** KernBase: the kernel's base (its MZ header). */
    KERN_BASE(0x018, 8, Kind.ADDRESS),
    /** BreakpointWithStatus: the int3 in DbgBreakPointWithStatus. */
    BREAKPOINT_WITH_STATUS(0x020, 8, Kind.ADDRESS),
    /** SavedContext: 0 on a running kernel; the saved context only after a bugcheck. */
    SAVED_CONTEXT(0x028, 8, Kind.VALUE),
    /** ThCallbackStack. */
    TH_CALLBACK_STACK(0x030, 2, Kind.OFFSET),
    /** NextCallback. */
    NEXT_CALLBACK(0x032, 2, Kind.OFFSET),
    /** FramePointer. */
    FRAME_POINTER(0x034, 2, Kind.OFFSET),
    /** PaeEnabled: bit 0 set: PAE paging. */
    PAE_ENABLED(0x036, 2, Kind.VALUE),
    /** KiCallUserMode. */
    KI_CALL_USER_MODE(0x038, 8, Kind.ADDRESS),
    /** KeUserCallbackDispatcher: variable holding ntdll's callback entry. */
    KE_USER_CALLBACK_DISPATCHER(0x040, 8, Kind.ADDRESS),
    /** PsLoadedModuleList: the loaded-module list head. */
    PS_LOADED_MODULE_LIST(0x048, 8, Kind.ADDRESS),
    /** PsActiveProcessHead: the process list head. */
    PS_ACTIVE_PROCESS_HEAD(0x050, 8, Kind.ADDRESS),
    /** PspCidTable. */
    PSP_CID_TABLE(0x058, 8, Kind.ADDRESS),
    /** ExpSystemResourcesList. */
    EXP_SYSTEM_RESOURCES_LIST(0x060, 8, Kind.ADDRESS),
    /** ExpPagedPoolDescriptor. */
    EXP_PAGED_POOL_DESCRIPTOR(0x068, 8, Kind.ADDRESS),
    /** ExpNumberOfPagedPools. */
    EXP_NUMBER_OF_PAGED_POOLS(0x070, 8, Kind.ADDRESS),
    /** KeTimeIncrement. */
    KE_TIME_INCREMENT(0x078, 8, Kind.ADDRESS),
    /** KeBugCheckCallbackListHead. */
    KE_BUG_CHECK_CALLBACK_LIST_HEAD(0x080, 8, Kind.ADDRESS),
    /** KiBugcheckData. */
    KI_BUGCHECK_DATA(0x088, 8, Kind.ADDRESS),
    /** IopErrorLogListHead. */
    IOP_ERROR_LOG_LIST_HEAD(0x090, 8, Kind.ADDRESS),
    /** ObpRootDirectoryObject. */
    OBP_ROOT_DIRECTORY_OBJECT(0x098, 8, Kind.ADDRESS),
    /** ObpTypeObjectType. */
    OBP_TYPE_OBJECT_TYPE(0x0A0, 8, Kind.ADDRESS),
    /** MmSystemCacheStart. */
    MM_SYSTEM_CACHE_START(0x0A8, 8, Kind.ADDRESS),
    /** MmSystemCacheEnd. */
    MM_SYSTEM_CACHE_END(0x0B0, 8, Kind.ADDRESS),
    /** MmSystemCacheWs. */
    MM_SYSTEM_CACHE_WS(0x0B8, 8, Kind.ADDRESS),
    /** MmPfnDatabase. */
    MM_PFN_DATABASE(0x0C0, 8, Kind.ADDRESS),
    /** MmSystemPtesStart. */
    MM_SYSTEM_PTES_START(0x0C8, 8, Kind.ADDRESS),
    /** MmSystemPtesEnd. */
    MM_SYSTEM_PTES_END(0x0D0, 8, Kind.ADDRESS),
    /** MmSubsectionBase. */
    MM_SUBSECTION_BASE(0x0D8, 8, Kind.ADDRESS),
    /** MmNumberOfPagingFiles. */
    MM_NUMBER_OF_PAGING_FILES(0x0E0, 8, Kind.ADDRESS),
    /** MmLowestPhysicalPage. */
    MM_LOWEST_PHYSICAL_PAGE(0x0E8, 8, Kind.ADDRESS),
    /** MmHighestPhysicalPage. */
    MM_HIGHEST_PHYSICAL_PAGE(0x0F0, 8, Kind.ADDRESS),
    /** MmNumberOfPhysicalPages. */
    MM_NUMBER_OF_PHYSICAL_PAGES(0x0F8, 8, Kind.ADDRESS),
    /** MmMaximumNonPagedPoolInBytes. */
    MM_MAXIMUM_NON_PAGED_POOL_IN_BYTES(0x100, 8, Kind.ADDRESS),
    /** MmNonPagedSystemStart. */
    MM_NON_PAGED_SYSTEM_START(0x108, 8, Kind.ADDRESS),
    /** MmNonPagedPoolStart. */
    MM_NON_PAGED_POOL_START(0x110, 8, Kind.ADDRESS),
    /** MmNonPagedPoolEnd. */
    MM_NON_PAGED_POOL_END(0x118, 8, Kind.ADDRESS),
    /** MmPagedPoolStart. */
    MM_PAGED_POOL_START(0x120, 8, Kind.ADDRESS),
    /** MmPagedPoolEnd. */
    MM_PAGED_POOL_END(0x128, 8, Kind.ADDRESS),
    /** MmPagedPoolInformation. */
    MM_PAGED_POOL_INFORMATION(0x130, 8, Kind.ADDRESS),
    /** MmPageSize: the page size itself. */
    MM_PAGE_SIZE(0x138, 8, Kind.VALUE),
    /** MmSizeOfPagedPoolInBytes. */
    MM_SIZE_OF_PAGED_POOL_IN_BYTES(0x140, 8, Kind.ADDRESS),
    /** MmTotalCommitLimit. */
    MM_TOTAL_COMMIT_LIMIT(0x148, 8, Kind.ADDRESS),
    /** MmTotalCommittedPages. */
    MM_TOTAL_COMMITTED_PAGES(0x150, 8, Kind.ADDRESS),
    /** MmSharedCommit. */
    MM_SHARED_COMMIT(0x158, 8, Kind.ADDRESS),
    /** MmDriverCommit. */
    MM_DRIVER_COMMIT(0x160, 8, Kind.ADDRESS),
    /** MmProcessCommit. */
    MM_PROCESS_COMMIT(0x168, 8, Kind.ADDRESS),
    /** MmPagedPoolCommit. */
    MM_PAGED_POOL_COMMIT(0x170, 8, Kind.ADDRESS),
    /** MmExtendedCommit. */
    MM_EXTENDED_COMMIT(0x178, 8, Kind.ADDRESS),
    /** MmZeroedPageListHead. */
    MM_ZEROED_PAGE_LIST_HEAD(0x180, 8, Kind.ADDRESS),
    /** MmFreePageListHead. */
    MM_FREE_PAGE_LIST_HEAD(0x188, 8, Kind.ADDRESS),
    /** MmStandbyPageListHead. */
    MM_STANDBY_PAGE_LIST_HEAD(0x190, 8, Kind.ADDRESS),
    /** MmModifiedPageListHead. */
    MM_MODIFIED_PAGE_LIST_HEAD(0x198, 8, Kind.ADDRESS),
    /** MmModifiedNoWritePageListHead. */
    MM_MODIFIED_NO_WRITE_PAGE_LIST_HEAD(0x1A0, 8, Kind.ADDRESS),
    /** MmAvailablePages. */
    MM_AVAILABLE_PAGES(0x1A8, 8, Kind.ADDRESS),
    /** MmResidentAvailablePages. */
    MM_RESIDENT_AVAILABLE_PAGES(0x1B0, 8, Kind.ADDRESS),
    /** PoolTrackTable. */
    POOL_TRACK_TABLE(0x1B8, 8, Kind.ADDRESS),
    /** NonPagedPoolDescriptor. */
    NON_PAGED_POOL_DESCRIPTOR(0x1C0, 8, Kind.ADDRESS),
    /** MmHighestUserAddress. */
    MM_HIGHEST_USER_ADDRESS(0x1C8, 8, Kind.ADDRESS),
    /** MmSystemRangeStart. */
    MM_SYSTEM_RANGE_START(0x1D0, 8, Kind.ADDRESS),
    /** MmUserProbeAddress. */
    MM_USER_PROBE_ADDRESS(0x1D8, 8, Kind.ADDRESS),
    /** KdPrintCircularBuffer. */
    KD_PRINT_CIRCULAR_BUFFER(0x1E0, 8, Kind.ADDRESS),
    /** KdPrintCircularBufferEnd. */
    KD_PRINT_CIRCULAR_BUFFER_END(0x1E8, 8, Kind.ADDRESS),
    /** KdPrintWritePointer. */
    KD_PRINT_WRITE_POINTER(0x1F0, 8, Kind.ADDRESS),
    /** KdPrintRolloverCount. */
    KD_PRINT_ROLLOVER_COUNT(0x1F8, 8, Kind.ADDRESS),
    /** MmLoadedUserImageList. */
    MM_LOADED_USER_IMAGE_LIST(0x200, 8, Kind.ADDRESS),
    /** NtBuildLab: the ANSI build-lab string. */
    NT_BUILD_LAB(0x208, 8, Kind.ADDRESS),
    /** KiNormalSystemCall. */
    KI_NORMAL_SYSTEM_CALL(0x210, 8, Kind.ADDRESS),
    /** KiProcessorBlock: the array of KPRCB pointers. */
    KI_PROCESSOR_BLOCK(0x218, 8, Kind.ADDRESS),
    /** MmUnloadedDrivers. */
    MM_UNLOADED_DRIVERS(0x220, 8, Kind.ADDRESS),
    /** MmLastUnloadedDriver. */
    MM_LAST_UNLOADED_DRIVER(0x228, 8, Kind.ADDRESS),
    /** MmTriageActionTaken. */
    MM_TRIAGE_ACTION_TAKEN(0x230, 8, Kind.ADDRESS),
    /** MmSpecialPoolTag. */
    MM_SPECIAL_POOL_TAG(0x238, 8, Kind.ADDRESS),
    /** KernelVerifier. */
    KERNEL_VERIFIER(0x240, 8, Kind.ADDRESS),
    /** MmVerifierData. */
    MM_VERIFIER_DATA(0x248, 8, Kind.ADDRESS),
    /** MmAllocatedNonPagedPool. */
    MM_ALLOCATED_NON_PAGED_POOL(0x250, 8, Kind.ADDRESS),
    /** MmPeakCommitment. */
    MM_PEAK_COMMITMENT(0x258, 8, Kind.ADDRESS),
    /** MmTotalCommitLimitMaximum. */
    MM_TOTAL_COMMIT_LIMIT_MAXIMUM(0x260, 8, Kind.ADDRESS),
    /** CmNtCSDVersion: the service-pack number. */
    CM_NT_CSD_VERSION(0x268, 8, Kind.ADDRESS),
    /** MmPhysicalMemoryBlock. */
    MM_PHYSICAL_MEMORY_BLOCK(0x270, 8, Kind.ADDRESS),
    /** MmSessionBase. */
    MM_SESSION_BASE(0x278, 8, Kind.ADDRESS),
    /** MmSessionSize. */
    MM_SESSION_SIZE(0x280, 8, Kind.ADDRESS),
    /** MmSystemParentTablePage. */
    MM_SYSTEM_PARENT_TABLE_PAGE(0x288, 8, Kind.ADDRESS),
    /** MmVirtualTranslationBase. */
    MM_VIRTUAL_TRANSLATION_BASE(0x290, 8, Kind.ADDRESS),
    /** OffsetKThreadNextProcessor. */
    OFFSET_KTHREAD_NEXT_PROCESSOR(0x298, 2, Kind.OFFSET),
    /** OffsetKThreadTeb. */
    OFFSET_KTHREAD_TEB(0x29A, 2, Kind.OFFSET),
    /** OffsetKThreadKernelStack. */
    OFFSET_KTHREAD_KERNEL_STACK(0x29C, 2, Kind.OFFSET),
    /** OffsetKThreadInitialStack. */
    OFFSET_KTHREAD_INITIAL_STACK(0x29E, 2, Kind.OFFSET),
    /** OffsetKThreadApcProcess. */
    OFFSET_KTHREAD_APC_PROCESS(0x2A0, 2, Kind.OFFSET),
    /** OffsetKThreadState. */
    OFFSET_KTHREAD_STATE(0x2A2, 2, Kind.OFFSET),
    /** OffsetKThreadBStore: IA64 only: 0. */
    OFFSET_KTHREAD_BSTORE(0x2A4, 2, Kind.OFFSET),
    /** OffsetKThreadBStoreLimit: IA64 only: 0. */
    OFFSET_KTHREAD_BSTORE_LIMIT(0x2A6, 2, Kind.OFFSET),
    /** SizeEProcess. */
    SIZE_EPROCESS(0x2A8, 2, Kind.OFFSET),
    /** OffsetEprocessPeb. */
    OFFSET_EPROCESS_PEB(0x2AA, 2, Kind.OFFSET),
    /** OffsetEprocessParentCID. */
    OFFSET_EPROCESS_PARENT_CID(0x2AC, 2, Kind.OFFSET),
    /** OffsetEprocessDirectoryTableBase. */
    OFFSET_EPROCESS_DIRECTORY_TABLE_BASE(0x2AE, 2, Kind.OFFSET),
    /** SizePrcb. */
    SIZE_PRCB(0x2B0, 2, Kind.OFFSET),
    /** OffsetPrcbDpcRoutine. */
    OFFSET_PRCB_DPC_ROUTINE(0x2B2, 2, Kind.OFFSET),
    /** OffsetPrcbCurrentThread. */
    OFFSET_PRCB_CURRENT_THREAD(0x2B4, 2, Kind.OFFSET),
    /** OffsetPrcbMhz. */
    OFFSET_PRCB_MHZ(0x2B6, 2, Kind.OFFSET),
    /** OffsetPrcbCpuType. */
    OFFSET_PRCB_CPU_TYPE(0x2B8, 2, Kind.OFFSET),
    /** OffsetPrcbVendorString. */
    OFFSET_PRCB_VENDOR_STRING(0x2BA, 2, Kind.OFFSET),
    /** OffsetPrcbProcStateContext. */
    OFFSET_PRCB_PROC_STATE_CONTEXT(0x2BC, 2, Kind.OFFSET),
    /** OffsetPrcbNumber. */
    OFFSET_PRCB_NUMBER(0x2BE, 2, Kind.OFFSET),
    /** SizeEThread. */
    SIZE_ETHREAD(0x2C0, 2, Kind.OFFSET),
    /** KdPrintCircularBufferPtr. */
    KD_PRINT_CIRCULAR_BUFFER_PTR(0x2C8, 8, Kind.ADDRESS),
    /** KdPrintBufferSize. */
    KD_PRINT_BUFFER_SIZE(0x2D0, 8, Kind.ADDRESS),
    /** KeLoaderBlock. */
    KE_LOADER_BLOCK(0x2D8, 8, Kind.ADDRESS),
    /** SizePcr. */
    SIZE_PCR(0x2E0, 2, Kind.OFFSET),
    /** OffsetPcrSelfPcr. */
    OFFSET_PCR_SELF_PCR(0x2E2, 2, Kind.OFFSET),
    /** OffsetPcrCurrentPrcb. */
    OFFSET_PCR_CURRENT_PRCB(0x2E4, 2, Kind.OFFSET),
    /** OffsetPcrContainedPrcb. */
    OFFSET_PCR_CONTAINED_PRCB(0x2E6, 2, Kind.OFFSET),
    /** OffsetPcrInitialBStore: IA64 only: 0. */
    OFFSET_PCR_INITIAL_BSTORE(0x2E8, 2, Kind.OFFSET),
    /** OffsetPcrBStoreLimit: IA64 only: 0. */
    OFFSET_PCR_BSTORE_LIMIT(0x2EA, 2, Kind.OFFSET),
    /** OffsetPcrInitialStack: x86 only: 0. */
    OFFSET_PCR_INITIAL_STACK(0x2EC, 2, Kind.OFFSET),
    /** OffsetPcrStackLimit: x86 only: 0. */
    OFFSET_PCR_STACK_LIMIT(0x2EE, 2, Kind.OFFSET),
    /** OffsetPrcbPcrPage: x86 only: 0. */
    OFFSET_PRCB_PCR_PAGE(0x2F0, 2, Kind.OFFSET),
    /** OffsetPrcbProcStateSpecialReg. */
    OFFSET_PRCB_PROC_STATE_SPECIAL_REG(0x2F2, 2, Kind.OFFSET),
    /** GdtR0Code: a selector. */
    GDT_R0_CODE(0x2F4, 2, Kind.OFFSET),
    /** GdtR0Data: a selector. */
    GDT_R0_DATA(0x2F6, 2, Kind.OFFSET),
    /** GdtR0Pcr: x86 only: 0. */
    GDT_R0_PCR(0x2F8, 2, Kind.OFFSET),
    /** GdtR3Code: a selector. */
    GDT_R3_CODE(0x2FA, 2, Kind.OFFSET),
    /** GdtR3Data: a selector. */
    GDT_R3_DATA(0x2FC, 2, Kind.OFFSET),
    /** GdtR3Teb: x86 only: 0. */
    GDT_R3_TEB(0x2FE, 2, Kind.OFFSET),
    /** GdtLdt: no LDT: 0. */
    GDT_LDT(0x300, 2, Kind.OFFSET),
    /** GdtTss: a selector. */
    GDT_TSS(0x302, 2, Kind.OFFSET),
    /** Gdt64R3CmCode: a selector. */
    GDT64_R3_CM_CODE(0x304, 2, Kind.OFFSET),
    /** Gdt64R3CmTeb: a selector. */
    GDT64_R3_CM_TEB(0x306, 2, Kind.OFFSET),
    /** IopNumTriageDumpDataBlocks. */
    IOP_NUM_TRIAGE_DUMP_DATA_BLOCKS(0x308, 8, Kind.ADDRESS),
    /** IopTriageDumpDataBlocks. */
    IOP_TRIAGE_DUMP_DATA_BLOCKS(0x310, 8, Kind.ADDRESS),
    /** VfCrashDataBlock. */
    VF_CRASH_DATA_BLOCK(0x318, 8, Kind.ADDRESS),
    /** MmBadPagesDetected. */
    MM_BAD_PAGES_DETECTED(0x320, 8, Kind.ADDRESS),
    /** MmZeroedPageSingleBitErrorsDetected. */
    MM_ZEROED_PAGE_SINGLE_BIT_ERRORS_DETECTED(0x328, 8, Kind.ADDRESS),
    /** EtwpDebuggerData. */
    ETWP_DEBUGGER_DATA(0x330, 8, Kind.ADDRESS),
    /** OffsetPrcbContext. */
    OFFSET_PRCB_CONTEXT(0x338, 2, Kind.OFFSET),
    /** OffsetPrcbMaxBreakpoints: ARM only: 0. */
    OFFSET_PRCB_MAX_BREAKPOINTS(0x33A, 2, Kind.OFFSET),
    /** OffsetPrcbMaxWatchpoints: ARM only: 0. */
    OFFSET_PRCB_MAX_WATCHPOINTS(0x33C, 2, Kind.OFFSET),
    /** OffsetKThreadStackLimit. */
    OFFSET_KTHREAD_STACK_LIMIT(0x340, 4, Kind.OFFSET),
    /** OffsetKThreadStackBase. */
    OFFSET_KTHREAD_STACK_BASE(0x344, 4, Kind.OFFSET),
    /** OffsetKThreadQueueListEntry. */
    OFFSET_KTHREAD_QUEUE_LIST_ENTRY(0x348, 4, Kind.OFFSET),
    /** OffsetEThreadIrpList. */
    OFFSET_ETHREAD_IRP_LIST(0x34C, 4, Kind.OFFSET),
    /** OffsetPrcbIdleThread. */
    OFFSET_PRCB_IDLE_THREAD(0x350, 2, Kind.OFFSET),
    /** OffsetPrcbNormalDpcState. */
    OFFSET_PRCB_NORMAL_DPC_STATE(0x352, 2, Kind.OFFSET),
    /** OffsetPrcbDpcStack. */
    OFFSET_PRCB_DPC_STACK(0x354, 2, Kind.OFFSET),
    /** OffsetPrcbIsrStack. */
    OFFSET_PRCB_ISR_STACK(0x356, 2, Kind.OFFSET),
    /** SizeKDPC_STACK_FRAME: x86 only: 0. */
    SIZE_KDPC_STACK_FRAME(0x358, 2, Kind.OFFSET),
    /** OffsetKPriQueueThreadListHead. */
    OFFSET_KPRIQUEUE_THREAD_LIST_HEAD(0x35A, 2, Kind.OFFSET),
    /** OffsetKThreadWaitReason. */
    OFFSET_KTHREAD_WAIT_REASON(0x35C, 2, Kind.OFFSET),
    /** Padding: Windows 10 RS1: alignment before PteBase. */
    PADDING(0x35E, 2, Kind.VALUE),
    /** PteBase: the virtual address of the PTE of address 0. */
    PTE_BASE(0x360, 8, Kind.VALUE),
    /** RetpolineStubFunctionTable: Windows 10 RS5. */
    RETPOLINE_STUB_FUNCTION_TABLE(0x368, 8, Kind.ADDRESS),
    /** RetpolineStubFunctionTableSize. */
    RETPOLINE_STUB_FUNCTION_TABLE_SIZE(0x370, 4, Kind.VALUE),
    /** RetpolineStubOffset. */
    RETPOLINE_STUB_OFFSET(0x374, 4, Kind.VALUE),
    /** RetpolineStubSize. */
    RETPOLINE_STUB_SIZE(0x378, 4, Kind.VALUE);

    /** What a field's value is. */
    enum Kind {
        /** The kernel virtual address of a variable, structure or routine: it must be readable. */
        ADDRESS,
        /** A number, not an address. */
        VALUE,
        /** A structure offset, size or GDT selector of the kernel's layout. */
        OFFSET
    }

    private final int offset;
    private final int size;
    private final Kind kind;

    DebuggerDataField(int offset, int size, Kind kind) {
        this.offset = offset;
        this.size = size;
        this.kind = kind;
    }

    /** Byte offset in KDDEBUGGER_DATA64. */
    int offset() {
        return offset;
    }

    /** Width in bytes: 2, 4 or 8. */
    int size() {
        return size;
    }

    /** What the value is. */
    Kind kind() {
        return kind;
    }

    /** True if the field ends within a block of {@code blockSize} bytes. */
    boolean fitsIn(int blockSize) {
        return offset + size <= blockSize;
    }
}
