package dev.kdnet.sim.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * An EPROCESS (its KPROCESS at +0) in the Windows 10 2004 x64 layout, with the fields a debugger looks at: the
 * dispatcher header, DirectoryTableBase, the thread list, affinity, the process id, ActiveProcessLinks, the parent
 * id and the image name. The same layout serves every simulated build; KDDEBUGGER_DATA64 reports its offsets.
 */
final class KernelProcess {
    /** sizeof(EPROCESS). */
    static final int SIZE = 0xA40;
    /** KPROCESS.Header.Type (u8): ProcessObject = 3. */
    static final int HEADER_TYPE = 0x000;
    /** KPROCESS.Header.WaitListHead. */
    static final int WAIT_LIST_HEAD = 0x008;
    /** KPROCESS.ProfileListHead. */
    static final int PROFILE_LIST_HEAD = 0x018;
    /** KPROCESS.DirectoryTableBase: the CR3 of the process. */
    static final int DIRECTORY_TABLE_BASE = 0x028;
    /** KPROCESS.ThreadListHead, linking KTHREAD.ThreadListEntry. */
    static final int THREAD_LIST_HEAD = 0x030;
    /** KPROCESS.Affinity (KAFFINITY_EX: Count u16, Size u16, Bitmap[] at +8). */
    static final int AFFINITY = 0x050;
    /** KPROCESS.ReadyListHead. */
    static final int READY_LIST_HEAD = 0x158;
    /** KPROCESS.ActiveProcessors (KAFFINITY_EX). */
    static final int ACTIVE_PROCESSORS = 0x170;
    /** EPROCESS.UniqueProcessId. */
    static final int UNIQUE_PROCESS_ID = 0x440;
    /** EPROCESS.ActiveProcessLinks, linked into PsActiveProcessHead. */
    static final int ACTIVE_PROCESS_LINKS = 0x448;
    /** EPROCESS.InheritedFromUniqueProcessId: the parent's id. */
    static final int INHERITED_FROM_UNIQUE_PROCESS_ID = 0x540;
    /** EPROCESS.Peb: none for kernel processes. */
    static final int PEB = 0x550;
    /** EPROCESS.ImageFileName (15 ASCII bytes). */
    static final int IMAGE_FILE_NAME = 0x5A8;

    private static final int PROCESS_OBJECT = 3;
    private static final int AFFINITY_SIZE = 20;
    private static final int IMAGE_FILE_NAME_LENGTH = 15;

    private KernelProcess() {
    }

    /**
     * Writes a process at {@code address} (SIZE zeroed bytes) whose threads are the KTHREADs {@code threads}; its
     * ActiveProcessLinks are left for the caller to link (or empty).
     */
    static void write(KernelMemory memory, long address, String imageName, long processId, long directoryTableBase,
            int cpuCount, List<Long> threads) {
        memory.putU8(address + HEADER_TYPE, PROCESS_OBJECT);
        ListLinks.empty(memory, address + WAIT_LIST_HEAD);
        ListLinks.empty(memory, address + PROFILE_LIST_HEAD);
        memory.putU64(address + DIRECTORY_TABLE_BASE, directoryTableBase);
        ListLinks.link(memory, address + THREAD_LIST_HEAD,
                threads.stream().map(thread -> thread + KernelThread.THREAD_LIST_ENTRY).toList());
        writeAffinity(memory, address + AFFINITY, cpuCount);
        ListLinks.empty(memory, address + READY_LIST_HEAD);
        writeAffinity(memory, address + ACTIVE_PROCESSORS, cpuCount);
        memory.putU64(address + UNIQUE_PROCESS_ID, processId);
        ListLinks.empty(memory, address + ACTIVE_PROCESS_LINKS);
        byte[] name = imageName.getBytes(StandardCharsets.US_ASCII);
        memory.write(address + IMAGE_FILE_NAME, Arrays.copyOf(name, IMAGE_FILE_NAME_LENGTH));
    }

    private static void writeAffinity(KernelMemory memory, long address, int cpuCount) {
        memory.putU16(address, 1);
        memory.putU16(address + 2, AFFINITY_SIZE);
        memory.putU64(address + 8, cpuCount == 64 ? -1L : (1L << cpuCount) - 1);
    }
}
