package dev.kdnet.host.api;

import java.util.ArrayList;
import java.util.List;

/**
 * One protocol-sized piece of a memory transfer.
 *
 * @param address where it starts
 * @param offset  its offset in the whole transfer
 * @param length  its length (1..chunk size)
 */
public record Chunk(long address, int offset, int length) {
    /**
     * Splits {@code length} bytes at {@code address} into pieces of at most {@code chunkSize} bytes, in order.
     * Addresses wrap as unsigned 64-bit numbers would.
     */
    public static List<Chunk> split(long address, int length, int chunkSize) {
        if (length < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("length " + length + ", chunk size " + chunkSize);
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int offset = 0; offset < length; offset += chunkSize) {
            chunks.add(new Chunk(address + offset, offset, Math.min(chunkSize, length - offset)));
        }
        return chunks;
    }
}
