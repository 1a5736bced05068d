package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.util.Arrays;

/** Reads and writes memory of any length in {@link Chunk}s, stopping honestly at the first short transfer. */
final class MemoryAccess {
    private final Requests requests;
    private final int chunkSize;

    MemoryAccess(Requests requests, int chunkSize) {
        this.requests = requests;
        this.chunkSize = chunkSize;
    }

    MemoryRead read(MemorySpace space, int cpu, long address, int length, Progress progress) {
        ReadBuffer buffer = new ReadBuffer(address, length);
        readInto(space, cpu, buffer, progress);
        return buffer.result();
    }

    /**
     * Reads the bytes {@code buffer} is missing, chunk by chunk, until it is full or a transfer comes back short
     * (then the buffer records the status). A request that throws leaves every byte that arrived before it in the
     * buffer, so a later call goes on from there.
     */
    void readInto(MemorySpace space, int cpu, ReadBuffer buffer, Progress progress) {
        for (Chunk chunk : Chunk.split(buffer.next(), buffer.missing(), chunkSize)) {
            ManipulateState64 reply = requests.call(space.read(), cpu,
                    MemoryTransfer.request(chunk.address(), chunk.length()), new byte[0]);
            int actual = Math.min(Math.min(MemoryTransfer.from(reply.union()).actualBytes(), reply.dataLength()),
                    chunk.length());
            buffer.append(reply.data(), Math.max(actual, 0));
            progress.update(buffer.received(), buffer.length());
            if (actual < chunk.length() || !NtStatus.isSuccess(reply.returnStatus())) {
                buffer.stoppedWith(NtStatus.isSuccess(reply.returnStatus()) ? NtStatus.UNSUCCESSFUL
                        : reply.returnStatus());
                return;
            }
        }
    }

    int write(MemorySpace space, int cpu, long address, byte[] data, Progress progress) {
        int written = 0;
        for (Chunk chunk : Chunk.split(address, data.length, chunkSize)) {
            byte[] piece = Arrays.copyOfRange(data, chunk.offset(), chunk.offset() + chunk.length());
            ManipulateState64 reply = requests.call(space.write(), cpu,
                    MemoryTransfer.request(chunk.address(), chunk.length()), piece);
            int actual = Math.min(MemoryTransfer.from(reply.union()).actualBytes(), chunk.length());
            written += Math.max(actual, 0);
            progress.update(written, data.length);
            if (actual < chunk.length() || !NtStatus.isSuccess(reply.returnStatus())) {
                return written;
            }
        }
        return written;
    }
}
