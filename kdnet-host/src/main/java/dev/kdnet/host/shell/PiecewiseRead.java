package dev.kdnet.host.shell;

import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.Progress;
import java.util.function.Consumer;

/**
 * A read of any 64-bit length in pieces, each handed on (to a file) before the next is asked for, so the host holds
 * one piece at a time whatever the length: what {@code .writemem} and {@code .dumpphys} do. It ends at the first
 * piece that stops short (memory that cannot be read).
 */
final class PiecewiseRead {
    /** The most one piece holds: 64 MiB. */
    static final int PIECE = 64 << 20;

    /** Reads one piece: {@code length} bytes from {@code address}, telling {@code progress} (piece-relative). */
    @FunctionalInterface
    interface Reader {
        MemoryRead read(long address, int length, Progress progress);
    }

    /**
     * What the read got.
     *
     * @param bytes  how many bytes were read and handed on
     * @param status the NTSTATUS of the request that stopped it short (0 when complete)
     */
    record Outcome(long bytes, int status) {
    }

    private PiecewiseRead() {
    }

    /**
     * Reads {@code total} bytes (unsigned) from {@code address} in pieces of at most {@code pieceSize}, handing
     * each to {@code sink}; {@code progress} hears the whole transfer's numbers.
     */
    static Outcome run(long address, long total, int pieceSize, Reader reader, Progress progress,
            Consumer<byte[]> sink) {
        long done = 0;
        while (Long.compareUnsigned(done, total) < 0) {
            long before = done;
            int length = (int) (Long.compareUnsigned(total - done, pieceSize) < 0 ? total - done : pieceSize);
            MemoryRead read = reader.read(address + done, length, new Progress() {
                @Override
                public void update(long pieceDone, long pieceTotal) {
                    progress.update(before + pieceDone, total);
                }

                @Override
                public void resumedAfterReboot(long pieceDone, long pieceTotal) {
                    progress.resumedAfterReboot(before + pieceDone, total);
                }
            });
            sink.accept(read.bytes());
            done += read.bytes().length;
            if (!read.complete()) {
                return new Outcome(done, read.status());
            }
        }
        return new Outcome(done, 0);
    }
}
