package dev.kdnet.host.api;

import dev.kdnet.protocol.WireBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Walks PsLoadedModuleList: follows Flink from the head to the head again, at most a set number of entries. */
final class ModuleWalker {
    private static final int ENTRY_LENGTH = 0x68;
    private static final int DLL_BASE = 0x30;
    private static final int SIZE_OF_IMAGE = 0x40;
    private static final int FULL_DLL_NAME = 0x48;
    private static final int BASE_DLL_NAME = 0x58;
    private static final int MAX_NAME_BYTES = 1024;

    /** Reads {@code length} bytes at an address; throws if it cannot. */
    @FunctionalInterface
    interface Reader {
        byte[] read(long address, int length);
    }

    private final Reader reader;
    private final int maxModules;

    ModuleWalker(Reader reader, int maxModules) {
        this.reader = reader;
        this.maxModules = maxModules;
    }

    List<ModuleInfo> walk(long head) {
        List<ModuleInfo> modules = new ArrayList<>();
        long entry = WireBytes.wrap(reader.read(head, 8)).getLong(0);
        while (entry != head && entry != 0 && modules.size() < maxModules) {
            byte[] ldr = reader.read(entry, ENTRY_LENGTH);
            modules.add(new ModuleInfo(entry, WireBytes.wrap(ldr).getLong(DLL_BASE),
                    Integer.toUnsignedLong(WireBytes.wrap(ldr).getInt(SIZE_OF_IMAGE)), name(ldr, FULL_DLL_NAME),
                    name(ldr, BASE_DLL_NAME)));
            entry = WireBytes.wrap(ldr).getLong(0);
        }
        return modules;
    }

    private String name(byte[] ldr, int unicodeString) {
        int length = Math.min(WireBytes.u16(WireBytes.wrap(ldr), unicodeString), MAX_NAME_BYTES) & ~1;
        long buffer = WireBytes.wrap(ldr).getLong(unicodeString + 8);
        return length == 0 ? "" : new String(reader.read(buffer, length), StandardCharsets.UTF_16LE);
    }
}
