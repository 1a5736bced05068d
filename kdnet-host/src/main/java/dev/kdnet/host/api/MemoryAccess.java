package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (Chunk chunk : Chunk.split(address, length, chunkSize)) {
            ManipulateState64 reply = requests.call(space.read(), cpu,
                    MemoryTransfer.request(chunk.address(), chunk.length()), new byte[0]);
            int actual = Math.min(Math.min(MemoryTransfer.from(reply.union()).actualBytes(), reply.dataLength()),
                    chunk.length());
            out.write(reply.data(), 0, Math.max(actual, 0));
            progress.update(out.size(), length);
            if (actual < chunk.length() || !NtStatus.isSuccess(reply.returnStatus())) {
                int status = NtStatus.isSuccess(reply.returnStatus()) ? NtStatus.UNSUCCESSFUL : reply.returnStatus();
                return new MemoryRead(address, length, out.toByteArray(), status);
            }
        }
        return new MemoryRead(address, length, out.toByteArray(), NtStatus.SUCCESS);
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
