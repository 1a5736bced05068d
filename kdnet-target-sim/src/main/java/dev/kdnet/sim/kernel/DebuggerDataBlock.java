package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.util.Map;

/**
 * The bytes of KDDEBUGGER_DATA64 (kd-protocol §3.11): the DBGKD_DEBUG_DATA_HEADER64 (List, OwnerTag 'KDBG', Size)
 * and every {@link DebuggerDataField} that fits in Size. The List links are left zero for {@link ListLinks} to tie
 * the block to KdpDebuggerDataListHead once it is placed.
 */
final class DebuggerDataBlock {
    /** Header.OwnerTag (u32). */
    static final int OWNER_TAG = 0x10;
    /** Header.Size (u32): the size of the whole block. */
    static final int SIZE = 0x14;
    /** 'KDBG' as a little-endian u32 (bytes 4B 44 42 47). */
    static final int KDBG_TAG = 0x4742_444B;

    private DebuggerDataBlock() {
    }

    /**
     * A block of {@code size} bytes with the given field values (fields missing from {@code values} are zero).
     * IllegalArgumentException if an {@link DebuggerDataField.Kind#ADDRESS} field that fits has no non-zero value,
     * or a value is too wide for its field.
     */
    static byte[] encode(int size, Map<DebuggerDataField, Long> values) {
        byte[] block = new byte[size];
        WireBytes.wrap(block).putInt(OWNER_TAG, KDBG_TAG);
        WireBytes.wrap(block).putInt(SIZE, size);
        for (DebuggerDataField field : DebuggerDataField.values()) {
            if (!field.fitsIn(size)) {
                continue;
            }
            long value = values.getOrDefault(field, 0L);
            if (field.kind() == DebuggerDataField.Kind.ADDRESS && value == 0) {
                throw new IllegalArgumentException("KDDEBUGGER_DATA64." + field + " needs an address");
            }
            WireBytes.putUnsigned(WireBytes.wrap(block), field.offset(), field.size(),
                    WireBytes.requireFits(value, field.size(), field.name()));
        }
        return block;
    }
}
