package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.function.IntToLongFunction;

/**
 * The IDT: 256 sixteen-byte 64-bit interrupt gates (type 0xE, present) through the kernel code selector. The gates
 * Windows lets user mode raise (int3, into, int 29h fast fail, int 2Ch assertion, int 2Dh debug service) have DPL 3,
 * the rest DPL 0.
 */
final class InterruptDescriptorTable {
    /** Number of vectors. */
    static final int VECTORS = 256;
    /** Bytes per gate. */
    static final int GATE_SIZE = 16;
    /** IDTR limit. */
    static final int LIMIT = VECTORS * GATE_SIZE - 1;
    /** Type/attribute byte: present, DPL 0, 64-bit interrupt gate. */
    static final int KERNEL_GATE = 0x8E;
    /** Type/attribute byte: present, DPL 3, 64-bit interrupt gate. */
    static final int USER_GATE = 0xEE;
    private static final Set<Integer> USER_VECTORS = Set.of(0x03, 0x04, 0x29, 0x2C, 0x2D);

    private InterruptDescriptorTable() {
    }

    /** The table whose gate {@code v} points at {@code handler.applyAsLong(v)}. */
    static byte[] encode(IntToLongFunction handler) {
        byte[] idt = new byte[VECTORS * GATE_SIZE];
        for (int vector = 0; vector < VECTORS; vector++) {
            int at = vector * GATE_SIZE;
            long target = handler.applyAsLong(vector);
            ByteBuffer idtBuffer = WireBytes.wrap(idt);
            idtBuffer.putShort(at, (short) ((int) target));
            idtBuffer.putShort(at + 2, (short) GlobalDescriptorTable.KERNEL_CODE);
            idtBuffer.put(at + 5, (byte) (USER_VECTORS.contains(vector) ? USER_GATE : KERNEL_GATE));
            idtBuffer.putShort(at + 6, (short) ((int) (target >>> 16)));
            idtBuffer.putInt(at + 8, (int) (target >>> 32));
        }
        return idt;
    }
}
