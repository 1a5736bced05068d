package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Memory reads and writes of any length in {@link Chunk}s, driven on the event loop: each reply's completion
 * sends the next chunk's request, so a transfer crosses no thread per chunk and its caller waits once. A transfer
 * stops honestly at the first short chunk; progress is told after every chunk, on the event loop. Cancelling a
 * transfer's future stops it before its next chunk.
 */
final class Transfers {
    private final Requester requests;
    private final int chunkSize;

    Transfers(Requester requests, int chunkSize) {
        this.requests = requests;
        this.chunkSize = chunkSize;
    }

    /** Reads {@code length} bytes; a read that stops early is reported in the result, not failed. */
    CompletableFuture<MemoryRead> read(MemorySpace space, int cpu, long address, int length, Progress progress) {
        ReadBuffer buffer = new ReadBuffer(address, length);
        CompletableFuture<Void> reading = readInto(space, cpu, buffer, progress);
        return Cancellation.reaching(reading, reading.thenApply(done -> buffer.result()));
    }

    /**
     * Reads the bytes {@code buffer} is missing until it is full or a chunk comes back short (then the buffer
     * records the status). A request that fails leaves every byte that arrived before it in the buffer, so a later
     * call goes on from there; so does a cancel of the returned future.
     */
    CompletableFuture<Void> readInto(MemorySpace space, int cpu, ReadBuffer buffer, Progress progress) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        readNext(space, cpu, buffer, progress, done);
        return done;
    }

    private void readNext(MemorySpace space, int cpu, ReadBuffer buffer, Progress progress,
            CompletableFuture<Void> done) {
        if (done.isDone()) {
            return;
        }
        if (buffer.missing() == 0) {
            done.complete(null);
            return;
        }
        int length = Math.min(chunkSize, buffer.missing());
        requests.call(ManipulateState64.request(space.read(), cpu, MemoryTransfer.request(buffer.next(), length),
                new byte[0])).whenComplete((reply, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(Failures.cause(failure));
                        return;
                    }
                    int actual = Math.min(Math.min(MemoryTransfer.from(reply.union()).actualBytes(),
                            reply.dataLength()), length);
                    buffer.append(reply.data(), Math.max(actual, 0));
                    progress.update(buffer.received(), buffer.length());
                    if (actual < length || !NtStatus.isSuccess(reply.returnStatus())) {
                        buffer.stoppedWith(stopStatus(reply));
                        done.complete(null);
                    } else {
                        readNext(space, cpu, buffer, progress, done);
                    }
                });
    }

    /** Writes {@code data}; completes with the bytes written (fewer if a chunk stopped short). */
    CompletableFuture<Integer> write(MemorySpace space, int cpu, long address, byte[] data, Progress progress) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        writeNext(space, cpu, address, data, 0, progress, done);
        return done;
    }

    private void writeNext(MemorySpace space, int cpu, long address, byte[] data, int written, Progress progress,
            CompletableFuture<Integer> done) {
        if (done.isDone()) {
            return;
        }
        if (written == data.length) {
            done.complete(written);
            return;
        }
        int length = Math.min(chunkSize, data.length - written);
        byte[] piece = Arrays.copyOfRange(data, written, written + length);
        requests.call(ManipulateState64.request(space.write(), cpu, MemoryTransfer.request(address + written, length),
                piece)).whenComplete((reply, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(Failures.cause(failure));
                        return;
                    }
                    int actual = Math.max(Math.min(MemoryTransfer.from(reply.union()).actualBytes(), length), 0);
                    progress.update(written + actual, data.length);
                    if (actual < length || !NtStatus.isSuccess(reply.returnStatus())) {
                        done.complete(written + actual);
                    } else {
                        writeNext(space, cpu, address, data, written + actual, progress, done);
                    }
                });
    }

    private static int stopStatus(ManipulateState64 reply) {
        return NtStatus.isSuccess(reply.returnStatus()) ? NtStatus.UNSUCCESSFUL : reply.returnStatus();
    }
}
