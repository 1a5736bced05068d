package dev.kdnet.sim.kernel;

/**
 * An ETHREAD (its KTHREAD at +0) in the Windows 10 2004 x64 layout, written for a processor's idle thread: running
 * on its CPU, owned by the idle process, with its stack bounds and empty wait and APC lists. The same layout serves
 * every simulated build; KDDEBUGGER_DATA64 reports its offsets.
 */
final class KernelThread {
    /** sizeof(ETHREAD). */
    static final int SIZE = 0x898;
    /** KTHREAD.Header.Type (u8): ThreadObject = 6. */
    static final int HEADER_TYPE = 0x000;
    /** KTHREAD.Header.WaitListHead. */
    static final int WAIT_LIST_HEAD = 0x008;
    /** KTHREAD.InitialStack. */
    static final int INITIAL_STACK = 0x028;
    /** KTHREAD.StackLimit: the lowest stack address. */
    static final int STACK_LIMIT = 0x030;
    /** KTHREAD.StackBase: the top of the stack. */
    static final int STACK_BASE = 0x038;
    /** KTHREAD.KernelStack: the stack pointer saved at the last context switch. */
    static final int KERNEL_STACK = 0x058;
    /** KTHREAD.ApcState.ApcListHead[2] (kernel, user). */
    static final int APC_LIST_HEADS = 0x098;
    /** KTHREAD.ApcState.Process: the process whose address space the thread runs in. */
    static final int APC_STATE_PROCESS = 0x0B8;
    /** KTHREAD.Teb: none for a system thread. */
    static final int TEB = 0x0F0;
    /** KTHREAD.State (u8): Running = 2. */
    static final int STATE = 0x184;
    /** KTHREAD.QueueListEntry. */
    static final int QUEUE_LIST_ENTRY = 0x208;
    /** KTHREAD.NextProcessor (u32). */
    static final int NEXT_PROCESSOR = 0x218;
    /** KTHREAD.Process. */
    static final int PROCESS = 0x220;
    /** KTHREAD.Affinity (GROUP_AFFINITY: Mask u64, Group u16). */
    static final int AFFINITY = 0x240;
    /** KTHREAD.IdealProcessor (u32). */
    static final int IDEAL_PROCESSOR = 0x24C;
    /** KTHREAD.WaitReason (u8). */
    static final int WAIT_REASON = 0x283;
    /** KTHREAD.ThreadListEntry, linked into KPROCESS.ThreadListHead. */
    static final int THREAD_LIST_ENTRY = 0x2F8;
    /** ETHREAD.IrpList. */
    static final int IRP_LIST = 0x4B0;
    /** KPRIQUEUE.ThreadListHead, the queue-side end of QueueListEntry (no queue object exists in the image). */
    static final int PRIQUEUE_THREAD_LIST_HEAD = 0x2A0;

    private static final int THREAD_OBJECT = 6;
    private static final int RUNNING = 2;

    private KernelThread() {
    }

    /** Writes CPU {@code number}'s idle thread at {@code address} (SIZE zeroed bytes). */
    static void writeIdleThread(KernelMemory memory, long address, int number, long process, long stackTop,
            int stackSize) {
        memory.putU8(address + HEADER_TYPE, THREAD_OBJECT);
        ListLinks.empty(memory, address + WAIT_LIST_HEAD);
        memory.putU64(address + INITIAL_STACK, stackTop);
        memory.putU64(address + STACK_LIMIT, stackTop - stackSize);
        memory.putU64(address + STACK_BASE, stackTop);
        memory.putU64(address + KERNEL_STACK, stackTop);
        ListLinks.empty(memory, address + APC_LIST_HEADS);
        ListLinks.empty(memory, address + APC_LIST_HEADS + ListLinks.SIZE);
        memory.putU64(address + APC_STATE_PROCESS, process);
        memory.putU8(address + STATE, RUNNING);
        memory.putU32(address + NEXT_PROCESSOR, number);
        memory.putU64(address + PROCESS, process);
        memory.putU64(address + AFFINITY, 1L << number);
        memory.putU32(address + IDEAL_PROCESSOR, number);
        ListLinks.empty(memory, address + IRP_LIST);
    }
}
