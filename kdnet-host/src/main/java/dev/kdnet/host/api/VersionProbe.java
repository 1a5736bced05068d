package dev.kdnet.host.api;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.GetVersion64;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Identifies the attached kernel (kd-protocol §4.3) on the event loop: GetVersion, then the debugger data list,
 * the KDDEBUGGER_DATA64 block with its 'KDBG' tag, and NtBuildLab. Only GetVersion must succeed: a target's memory
 * may hold no data block, and what could not be read is listed in {@link KernelVersion#unread()} instead.
 */
final class VersionProbe {
    private static final int OWNER_TAG = 0x10;
    private static final int SIZE = 0x14;
    private static final int NT_BUILD_LAB = 0x208;
    private static final int BLOCK_PREFIX = NT_BUILD_LAB + 8;
    private static final int MAX_BUILD_LAB = 128;
    private static final byte[] KDBG = {'K', 'D', 'B', 'G'};

    /** A step that could not be read: what, and why. */
    private static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String what) {
            super(what, null, false, false);
        }
    }

    private final Requester requests;
    private final Transfers memory;
    private final int cpu;

    private VersionProbe(Requester requests, Transfers memory, int cpu) {
        this.requests = requests;
        this.memory = memory;
        this.cpu = cpu;
    }

    /** Reads the kernel's identity on {@code cpu}; fails only if GetVersion fails. */
    static CompletableFuture<KernelVersion> read(Requester requests, Transfers memory, int cpu) {
        VersionProbe probe = new VersionProbe(requests, memory, cpu);
        return requests.call(ManipulateState64.request(ManipulateApi.GET_VERSION, cpu, MemoryTransfer.request(0, 0),
                new byte[0])).thenCompose(reply -> {
                    if (!NtStatus.isSuccess(reply.returnStatus())) {
                        throw new RequestFailedException("GetVersion", reply.returnStatus());
                    }
                    return probe.dataBlock(KernelVersion.of(GetVersion64.from(reply.union())));
                });
    }

    private CompletableFuture<KernelVersion> dataBlock(KernelVersion version) {
        if (version.debuggerDataList() == 0) {
            return CompletableFuture.completedFuture(
                    version.withUnread("the debugger data list: GetVersion gave no address for it"));
        }
        return readFully(version.debuggerDataList(), 8, "the debugger data list")
                .thenCompose(head -> {
                    long block = WireBytes.wrap(head).getLong(0);
                    return readFully(block, BLOCK_PREFIX, "KDDEBUGGER_DATA64").thenCompose(prefix -> {
                        if (!Arrays.equals(prefix, OWNER_TAG, OWNER_TAG + 4, KDBG, 0, 4)) {
                            throw new Unreadable(String.format(
                                    "KDDEBUGGER_DATA64 at 0x%X: no 'KDBG' tag, not a debugger data block", block));
                        }
                        return buildLab(version.withDataBlock(block, WireBytes.wrap(prefix).getInt(SIZE), ""),
                                WireBytes.wrap(prefix).getLong(NT_BUILD_LAB));
                    });
                })
                .exceptionally(failure -> {
                    Throwable cause = Failures.cause(failure);
                    if (cause instanceof Unreadable || cause instanceof NoAnswerException) {
                        return version.withUnread(cause.getMessage());
                    }
                    throw new CompletionException(cause);
                });
    }

    private CompletableFuture<KernelVersion> buildLab(KernelVersion version, long address) {
        return memory.read(MemorySpace.VIRTUAL, cpu, address, MAX_BUILD_LAB, Progress.NONE).thenApply(read -> {
            byte[] lab = read.bytes();
            if (lab.length == 0) {
                return version.withUnread(String.format("NtBuildLab at 0x%X: NTSTATUS 0x%08X", address,
                        read.status()));
            }
            int end = 0;
            while (end < lab.length && lab[end] != 0) {
                end++;
            }
            return version.withDataBlock(version.debuggerDataBlock(), version.debuggerDataSize(),
                    new String(lab, 0, end, StandardCharsets.US_ASCII));
        });
    }

    /** The {@code length} bytes at {@code address}, or an {@link Unreadable} naming {@code what}. */
    private CompletableFuture<byte[]> readFully(long address, int length, String what) {
        return memory.read(MemorySpace.VIRTUAL, cpu, address, length, Progress.NONE).thenApply(read -> {
            if (!read.complete()) {
                throw new Unreadable(String.format("%s at 0x%X: NTSTATUS 0x%08X after %d of %d bytes", what,
                        address, read.status(), read.bytes().length, length));
            }
            return read.bytes();
        });
    }
}
