package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;

/**
 * The x64 CONTEXT, 0x4D0 (1232) bytes (kd-protocol §3.9): the data of GetContext/SetContext. All bytes are kept
 * (home slots, floating-point and vector state, branch records); the integer, segment, flag and debug registers
 * are read and written in place through {@link X64Register}. Immutable: {@link #with} returns a copy.
 */
public final class X64Context extends RegisterBlock<X64Register> {
    /** Length of a CONTEXT. */
    public static final int LENGTH = 0x4D0;
    /** ContextFlags bit of the AMD64 layout. */
    public static final int CONTEXT_AMD64 = 0x10_0000;
    /** ContextFlags: RIP, RSP, EFLAGS, CS, SS valid. */
    public static final int CONTEXT_CONTROL = CONTEXT_AMD64 | 0x01;
    /** ContextFlags: the integer registers valid. */
    public static final int CONTEXT_INTEGER = CONTEXT_AMD64 | 0x02;
    /** ContextFlags: DS, ES, FS, GS valid. */
    public static final int CONTEXT_SEGMENTS = CONTEXT_AMD64 | 0x04;
    /** ContextFlags: the floating-point and vector state valid. */
    public static final int CONTEXT_FLOATING_POINT = CONTEXT_AMD64 | 0x08;
    /** ContextFlags: Dr0–Dr3, Dr6, Dr7 valid. */
    public static final int CONTEXT_DEBUG_REGISTERS = CONTEXT_AMD64 | 0x10;
    /** ContextFlags: control, integer and floating point (0x10000B). */
    public static final int CONTEXT_FULL = CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_FLOATING_POINT;
    /** ContextFlags: everything but extended state (0x10001F). */
    public static final int CONTEXT_ALL = CONTEXT_FULL | CONTEXT_SEGMENTS | CONTEXT_DEBUG_REGISTERS;
    /** ContextFlags: extended (XSAVE) state. */
    public static final int CONTEXT_XSTATE = CONTEXT_AMD64 | 0x40;
    /** Number of XMM registers in the save area. */
    public static final int XMM_COUNT = 16;
    private static final int XMM0_OFFSET = 0x1A0;
    private static final int XMM_LENGTH = 16;

    private X64Context(ByteBuffer bytes) {
        super(bytes, LENGTH, "CONTEXT");
    }

    /** Decodes a CONTEXT; malformed (never thrown) unless it is exactly 1232 bytes. */
    public static Decoded<X64Context> decode(ByteBuffer bytes) {
        return decodeExact(bytes, LENGTH, "CONTEXT", X64Context::new);
    }

    /** A CONTEXT of zero bytes. */
    public static X64Context zero() {
        return new X64Context(WireBytes.allocate(LENGTH));
    }

    /** A copy with {@code register} set; IllegalArgumentException if {@code value} is wider than the register. */
    public X64Context with(X64Register register, long value) {
        return new X64Context(bytesWith(register, value));
    }

    /** The 16 bytes of XmmRegisters[{@code index}] (0..15) in the FltSave area. */
    public byte[] xmm(int index) {
        if (index < 0 || index >= XMM_COUNT) {
            throw new IllegalArgumentException("no xmm" + index + "; there are " + XMM_COUNT);
        }
        return slice(XMM0_OFFSET + XMM_LENGTH * index, XMM_LENGTH);
    }

    @Override
    public String toString() {
        return String.format("X64Context[contextFlags=0x%x rip=0x%x rsp=0x%x eflags=0x%x cs=0x%x]",
                get(X64Register.CONTEXT_FLAGS), get(X64Register.RIP), get(X64Register.RSP),
                get(X64Register.EFLAGS), get(X64Register.CS));
    }
}
