package dev.kdnet.sim.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PsLoadedModuleList: one KLDR_DATA_TABLE_ENTRY per module in the pool, linked in load order behind the head
 * through InLoadOrderLinks. The kernel's entry layout (kd-protocol §3.11) has ExceptionTable, ExceptionTableSize,
 * GpValue and NonPagedDebugInfo at 0x10..0x2F, not the user-mode loader's InMemoryOrder/InInitializationOrder links;
 * they stay zero (no .pdata). EntryPoint and TimeDateStamp come from each image's PE headers in memory.
 */
final class LoadedModuleList {
    /** sizeof(KLDR_DATA_TABLE_ENTRY) on Windows 10 x64; WinDbg reads the first 0x88 bytes. */
    static final int ENTRY_SIZE = 0xA0;
    /** InLoadOrderLinks. */
    static final int IN_LOAD_ORDER_LINKS = 0x00;
    /** DllBase. */
    static final int DLL_BASE = 0x30;
    /** EntryPoint. */
    static final int ENTRY_POINT = 0x38;
    /** SizeOfImage (u32). */
    static final int SIZE_OF_IMAGE = 0x40;
    /** FullDllName (UNICODE_STRING). */
    static final int FULL_DLL_NAME = 0x48;
    /** BaseDllName (UNICODE_STRING). */
    static final int BASE_DLL_NAME = 0x58;
    /** Flags (u32). */
    static final int FLAGS = 0x68;
    /** LoadCount (u16). */
    static final int LOAD_COUNT = 0x6C;
    /** CheckSum (u32). */
    static final int CHECK_SUM = 0x78;
    /** SizeOfImageNotRounded (u32). */
    static final int SIZE_OF_IMAGE_NOT_ROUNDED = 0x98;
    /** TimeDateStamp (u32). */
    static final int TIME_DATE_STAMP = 0x9C;
    /** UNICODE_STRING: Length (u16, bytes without the NUL) at 0, MaximumLength (u16) at 2, Buffer at 8. */
    static final int UNICODE_STRING_BUFFER = 8;

    /** LDRP_ENTRY_PROCESSED: the loader finished with the image. */
    private static final int ENTRY_PROCESSED = 0x4000;
    private static final int ENTRY_POINT_FIELD = PeImageHeaders.OPTIONAL_HEADER + 0x10;
    private static final int TIME_DATE_STAMP_FIELD = PeImageHeaders.FILE_HEADER + 4;

    private LoadedModuleList() {
    }

    /** Writes an entry for each of {@code modules} (whose headers are mapped) and links them behind {@code head}. */
    static void write(KernelMemory memory, VirtualArena pool, long head, List<LoadedModule> modules) {
        List<Long> entries = new ArrayList<>();
        for (LoadedModule module : modules) {
            long entry = pool.allocate(ENTRY_SIZE, 16);
            memory.putU64(entry + DLL_BASE, module.base());
            memory.putU64(entry + ENTRY_POINT, module.base() + memory.u32(module.base() + ENTRY_POINT_FIELD));
            memory.putU32(entry + SIZE_OF_IMAGE, module.size());
            writeUnicodeString(memory, pool, entry + FULL_DLL_NAME, module.path());
            writeUnicodeString(memory, pool, entry + BASE_DLL_NAME, module.name());
            memory.putU32(entry + FLAGS, ENTRY_PROCESSED);
            memory.putU16(entry + LOAD_COUNT, 1);
            memory.putU32(entry + CHECK_SUM, module.checksum());
            memory.putU32(entry + SIZE_OF_IMAGE_NOT_ROUNDED, module.size());
            memory.putU32(entry + TIME_DATE_STAMP, memory.u32(module.base() + TIME_DATE_STAMP_FIELD));
            entries.add(entry + IN_LOAD_ORDER_LINKS);
        }
        ListLinks.link(memory, head, entries);
    }

    /** A UNICODE_STRING at {@code at} whose NUL-terminated UTF-16LE buffer is placed in the pool. */
    private static void writeUnicodeString(KernelMemory memory, VirtualArena pool, long at, String text) {
        byte[] utf16 = (text + '\0').getBytes(StandardCharsets.UTF_16LE);
        long buffer = pool.place(utf16, 8);
        memory.putU16(at, utf16.length - 2);
        memory.putU16(at + 2, utf16.length);
        memory.putU64(at + UNICODE_STRING_BUFFER, buffer);
    }
}
