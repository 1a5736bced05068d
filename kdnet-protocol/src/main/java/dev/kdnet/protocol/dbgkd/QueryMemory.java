package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
/**
 * DBGKD_QUERY_MEMORY (kd-protocol §3.2), the QueryMemory (0x315C) union.
 *
 * <pre>
 *   u+0x00  8  Address
 *   u+0x08  8  Reserved (→ reply: 0)
 *   u+0x10  4  AddressSpace (in: 0 = virtual; → reply: {@link #SPACE_PROCESS}, {@link #SPACE_SESSION} or
 *              {@link #SPACE_KERNEL})
 *   u+0x14  4  Flags (→ reply: {@link #FLAGS_RWX})
 * </pre>
 *
 * @param address      the address asked about
 * @param reserved     reserved, 0 in replies
 * @param addressSpace in: the space of {@code address}; out: where it lies
 * @param flags        out: access flags
 */
public record QueryMemory(long address, long reserved, int addressSpace, int flags) implements UnionView {
    /** AddressSpace in a request: a virtual address. */
    public static final int SPACE_VIRTUAL = 0;
    /** AddressSpace in a reply: process space (below MmHighestUserAddress). */
    public static final int SPACE_PROCESS = 0;
    /** AddressSpace in a reply: session space. */
    public static final int SPACE_SESSION = 1;
    /** AddressSpace in a reply: kernel space. */
    public static final int SPACE_KERNEL = 2;
    /** Flags in a reply: read, write and execute ("currently always rwx"). */
    public static final int FLAGS_RWX = 7;

    /** Reads the fields from a 40-byte manipulate union. */
    public static QueryMemory from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new QueryMemory(u.getLong(0), u.getLong(8), u.getInt(0x10), u.getInt(0x14));
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putLong(0, address);
        out.putLong(8, reserved);
        out.putInt(0x10, addressSpace);
        out.putInt(0x14, flags);
        return out;
    }
}
