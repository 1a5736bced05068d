package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.nio.charset.StandardCharsets;

/**
 * The kernel builder's view of the address space: typed writes that must land completely and reads that must
 * succeed. A short write or read here means the layout is wrong, so it throws IllegalStateException.
 */
final class KernelMemory {
    private final AddressSpace space;

    KernelMemory(AddressSpace space) {
        this.space = space;
    }

    /** The address space written to. */
    AddressSpace space() {
        return space;
    }

    /** Maps {@code pages} fresh zeroed frames at {@code virtualAddress} with the given protection. */
    void mapNewPages(long virtualAddress, int pages, boolean writable, boolean executable) {
        for (int i = 0; i < pages; i++) {
            space.map(virtualAddress + (long) i * PhysicalMemory.PAGE_SIZE, space.physical().allocatePage(), writable,
                    executable);
        }
    }

    /** Writes all of {@code bytes} at {@code virtualAddress}. */
    void write(long virtualAddress, byte[] bytes) {
        int written = space.write(virtualAddress, bytes);
        if (written != bytes.length) {
            throw new IllegalStateException(String.format("only %d of %d bytes at 0x%x are mapped", written,
                    bytes.length, virtualAddress));
        }
    }

    /** Writes a 64-bit value. */
    void putU64(long virtualAddress, long value) {
        write(virtualAddress, field(8, value));
    }

    /** Writes a 32-bit value. */
    void putU32(long virtualAddress, int value) {
        write(virtualAddress, field(4, value));
    }

    /** Writes a 16-bit value. */
    void putU16(long virtualAddress, int value) {
        write(virtualAddress, field(2, value));
    }

    /** Writes one byte. */
    void putU8(long virtualAddress, int value) {
        write(virtualAddress, field(1, value));
    }

    /** The 32-bit value at {@code virtualAddress}. */
    int u32(long virtualAddress) {
        return WireBytes.wrap(readFully(virtualAddress, 4)).getInt(0);
    }

    /** {@code text} as ASCII bytes with a terminating NUL. */
    static byte[] asciiZ(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[ascii.length + 1];
        System.arraycopy(ascii, 0, bytes, 0, ascii.length);
        return bytes;
    }

    private byte[] readFully(long virtualAddress, int length) {
        byte[] bytes = space.read(virtualAddress, length);
        if (bytes.length != length) {
            throw new IllegalStateException(String.format("0x%x is not mapped", virtualAddress + bytes.length));
        }
        return bytes;
    }

    private static byte[] field(int size, long value) {
        byte[] bytes = new byte[size];
        WireBytes.putUnsigned(WireBytes.wrap(bytes), 0, size, value);
        return bytes;
    }
}
