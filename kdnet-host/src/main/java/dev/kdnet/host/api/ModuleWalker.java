package dev.kdnet.host.api;

import dev.kdnet.protocol.WireBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Walks PsLoadedModuleList on the event loop: follows Flink from the head to the head again, at most a set number
 * of entries, each read issued from the previous one's completion.
 */
final class ModuleWalker {
    private static final int ENTRY_LENGTH = 0x68;
    private static final int DLL_BASE = 0x30;
    private static final int SIZE_OF_IMAGE = 0x40;
    private static final int FULL_DLL_NAME = 0x48;
    private static final int BASE_DLL_NAME = 0x58;
    private static final int MAX_NAME_BYTES = 1024;

    /** Reads {@code length} bytes at an address; fails if it cannot. */
    @FunctionalInterface
    interface Reader {
        CompletableFuture<byte[]> read(long address, int length);
    }

    private final Reader reader;
    private final int maxModules;

    ModuleWalker(Reader reader, int maxModules) {
        this.reader = reader;
        this.maxModules = maxModules;
    }

    CompletableFuture<List<ModuleInfo>> walk(long head) {
        List<ModuleInfo> modules = new ArrayList<>();
        return reader.read(head, 8).thenCompose(flink -> next(head, WireBytes.wrap(flink).getLong(0), modules));
    }

    private CompletableFuture<List<ModuleInfo>> next(long head, long entry, List<ModuleInfo> modules) {
        if (entry == head || entry == 0 || modules.size() >= maxModules) {
            return CompletableFuture.completedFuture(modules);
        }
        return reader.read(entry, ENTRY_LENGTH).thenCompose(ldr -> name(ldr, FULL_DLL_NAME)
                .thenCompose(full -> name(ldr, BASE_DLL_NAME).thenCompose(base -> {
                    modules.add(new ModuleInfo(entry, WireBytes.wrap(ldr).getLong(DLL_BASE),
                            Integer.toUnsignedLong(WireBytes.wrap(ldr).getInt(SIZE_OF_IMAGE)), full, base));
                    return next(head, WireBytes.wrap(ldr).getLong(0), modules);
                })));
    }

    private CompletableFuture<String> name(byte[] ldr, int unicodeString) {
        int length = Math.min(WireBytes.u16(WireBytes.wrap(ldr), unicodeString), MAX_NAME_BYTES) & ~1;
        long buffer = WireBytes.wrap(ldr).getLong(unicodeString + 8);
        return length == 0 ? CompletableFuture.completedFuture("")
                : reader.read(buffer, length).thenApply(bytes -> new String(bytes, StandardCharsets.UTF_16LE));
    }
}
