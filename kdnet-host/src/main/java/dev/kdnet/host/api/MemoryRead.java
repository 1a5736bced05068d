package dev.kdnet.host.api;

import java.util.OptionalLong;

/**
 * What a read returned: the bytes actually read from {@code address} on, and where it stopped if it stopped early.
 *
 * @param address   the first address asked for
 * @param requested how many bytes were asked for
 * @param bytes     the bytes read, from {@code address} on, without gaps: the caller's array, filled straight from
 *                  the replies' views of their datagrams and neither copied in nor out (docs/protocol.md, "Copies of
 *                  a memory reply")
 * @param status    the NTSTATUS of the request that stopped the read (0 when complete)
 */
public record MemoryRead(long address, long requested, byte[] bytes, int status) {

    /** True if every requested byte was read. */
    public boolean complete() {
        return bytes.length == requested;
    }

    /** The first address that could not be read, if the read stopped early. */
    public OptionalLong stoppedAt() {
        return complete() ? OptionalLong.empty() : OptionalLong.of(address + bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryRead r && r.address == address && r.requested == requested && r.status == status
                && java.util.Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(address, requested, bytes.length, status);
    }

    @Override
    public String toString() {
        return String.format("MemoryRead[0x%X, %d of %d bytes%s]", address, bytes.length, requested,
                complete() ? "" : String.format(", stopped at 0x%X with 0x%08X", address + bytes.length, status));
    }
}
