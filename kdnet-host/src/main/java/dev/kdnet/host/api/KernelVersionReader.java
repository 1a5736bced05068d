package dev.kdnet.host.api;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.GetVersion64;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.nio.charset.StandardCharsets;

/** What a debugger reads first (kd-protocol §4.3): GetVersion, the debugger data list, KDDEBUGGER_DATA64, NtBuildLab. */
final class KernelVersionReader {
    private static final int OWNER_TAG = 0x10;
    private static final int SIZE = 0x14;
    private static final int NT_BUILD_LAB = 0x208;
    private static final int BLOCK_PREFIX = NT_BUILD_LAB + 8;
    private static final int MAX_BUILD_LAB = 128;
    private static final byte[] KDBG = {'K', 'D', 'B', 'G'};

    private final Requests requests;
    private final MemoryAccess memory;

    KernelVersionReader(Requests requests, MemoryAccess memory) {
        this.requests = requests;
        this.memory = memory;
    }

    KernelVersion read(int cpu) {
        ManipulateState64 reply = requests.call(ManipulateApi.GET_VERSION, cpu,
                dev.kdnet.protocol.dbgkd.MemoryTransfer.request(0, 0), new byte[0]);
        if (!NtStatus.isSuccess(reply.returnStatus())) {
            throw new RequestFailedException("GetVersion", reply.returnStatus());
        }
        GetVersion64 version = GetVersion64.from(reply.union());
        long block = WireBytes.wrap(readFully(cpu, version.debuggerDataList(), 8, "DebuggerDataList")).getLong(0);
        byte[] prefix = readFully(cpu, block, BLOCK_PREFIX, "KDDEBUGGER_DATA64");
        if (!java.util.Arrays.equals(prefix, OWNER_TAG, OWNER_TAG + 4, KDBG, 0, 4)) {
            throw new DebuggerException(String.format("no 'KDBG' tag at 0x%X: not a debugger data block", block));
        }
        long buildLab = WireBytes.wrap(prefix).getLong(NT_BUILD_LAB);
        byte[] lab = memory.read(MemorySpace.VIRTUAL, cpu, buildLab, MAX_BUILD_LAB, Progress.NONE).bytes();
        int end = 0;
        while (end < lab.length && lab[end] != 0) {
            end++;
        }
        return KernelVersion.of(version, block, WireBytes.wrap(prefix).getInt(SIZE),
                new String(lab, 0, end, StandardCharsets.US_ASCII));
    }

    private byte[] readFully(int cpu, long address, int length, String what) {
        MemoryRead read = memory.read(MemorySpace.VIRTUAL, cpu, address, length, Progress.NONE);
        if (!read.complete()) {
            throw new RequestFailedException(String.format("reading %s at 0x%X", what, address), read.status());
        }
        return read.bytes();
    }
}
