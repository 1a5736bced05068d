package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.NtStatus;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one read as they arrive, in order and without gaps, so a read that is interrupted can go on from
 * the first byte not yet received.
 */
final class ReadBuffer {
    private final long address;
    private final byte[] bytes;
    private int received;
    private int status = NtStatus.SUCCESS;

    /** An empty buffer for {@code length} bytes from {@code address}. */
    ReadBuffer(long address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length);
        }
        this.address = address;
        this.bytes = new byte[length];
    }

    /** How many bytes were asked for. */
    int length() {
        return bytes.length;
    }

    /** How many bytes have arrived (the offset of the first missing one). */
    int received() {
        return received;
    }

    /** The address of the first byte not yet received. */
    long next() {
        return address + received;
    }

    /** How many bytes are still missing. */
    int missing() {
        return bytes.length - received;
    }

    /**
     * Appends the first {@code count} remaining bytes of {@code data} (at most what is still missing): the one copy
     * from a reply's view of its datagram into the array the caller gets.
     */
    void append(ByteBuffer data, int count) {
        int taken = Math.min(count, missing());
        data.get(data.position(), bytes, received, taken);
        received += taken;
    }

    /** The read ended short with {@code ntStatus}: nothing more will be appended. */
    void stoppedWith(int ntStatus) {
        status = ntStatus;
    }

    /** What arrived, as the result of the read. */
    MemoryRead result() {
        return new MemoryRead(address, bytes.length, received == bytes.length ? bytes : Arrays.copyOf(bytes, received),
                status);
    }
}
