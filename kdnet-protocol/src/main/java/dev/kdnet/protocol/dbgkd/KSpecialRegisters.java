package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;

/**
 * KSPECIAL_REGISTERS, 0xE0 (224) bytes (kd-protocol §3.10): what ReadControlSpace/WriteControlSpace move for
 * selector {@link #CONTROL_SPACE_SELECTOR}. All bytes are kept; the fields are read and written in place through
 * {@link KSpecialRegister}. Immutable: {@link #with} returns a copy.
 */
public final class KSpecialRegisters extends RegisterBlock<KSpecialRegister> {
    /** Length of KSPECIAL_REGISTERS (Windows 8 and later, Xcr0 included). */
    public static final int LENGTH = 0xE0;
    /** The control-space selector (TargetBaseAddress) of KSPECIAL_REGISTERS. */
    public static final long CONTROL_SPACE_SELECTOR = 2;

    private KSpecialRegisters(ByteBuffer bytes) {
        super(bytes, LENGTH, "KSPECIAL_REGISTERS");
    }

    /** Decodes the block; malformed (never thrown) unless it is exactly 224 bytes. */
    public static Decoded<KSpecialRegisters> decode(ByteBuffer bytes) {
        return decodeExact(bytes, LENGTH, "KSPECIAL_REGISTERS", KSpecialRegisters::new);
    }

    /** A block of zero bytes. */
    public static KSpecialRegisters zero() {
        return new KSpecialRegisters(WireBytes.allocate(LENGTH));
    }

    /** A copy with {@code field} set; IllegalArgumentException if {@code value} is wider than the field. */
    public KSpecialRegisters with(KSpecialRegister field, long value) {
        return new KSpecialRegisters(bytesWith(field, value));
    }

    @Override
    public String toString() {
        return String.format("KSpecialRegisters[cr0=0x%x cr3=0x%x cr4=0x%x kernelDr7=0x%x gdtr=0x%x/0x%x]",
                get(KSpecialRegister.CR0), get(KSpecialRegister.CR3), get(KSpecialRegister.CR4),
                get(KSpecialRegister.KERNEL_DR7), get(KSpecialRegister.GDTR_BASE), get(KSpecialRegister.GDTR_LIMIT));
    }
}
