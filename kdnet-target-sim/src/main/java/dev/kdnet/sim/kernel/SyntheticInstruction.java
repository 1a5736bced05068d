package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The few real x64 instructions the simulated CPUs execute: a deterministic stream of them fills the kernel's
 * synthetic code region and ends in a jump back to its start, so a simulated CPU loops through real code bytes
 * that a debugger can disassemble, break on and single-step.
 */
public enum SyntheticInstruction {
    /** {@code nop}. */
    NOP(new byte[] {(byte) 0x90}, null, 0),
    /** {@code inc rax}. */
    INC_RAX(new byte[] {0x48, (byte) 0xFF, (byte) 0xC0}, X64Register.RAX, 1),
    /** {@code dec rcx}. */
    DEC_RCX(new byte[] {0x48, (byte) 0xFF, (byte) 0xC9}, X64Register.RCX, -1),
    /** {@code add rdx, 8}. */
    ADD_RDX_8(new byte[] {0x48, (byte) 0x83, (byte) 0xC2, 0x08}, X64Register.RDX, 8),
    /** {@code nop dword [rax+rax*1+0]}, the 5-byte NOP compilers pad with. */
    NOP5(new byte[] {0x0F, 0x1F, 0x44, 0x00, 0x00}, null, 0),
    /** {@code jmp rel32}: the last instruction of the region, back to its start. */
    JMP_REL32(new byte[] {(byte) 0xE9}, null, 0);

    /** Length of {@link #JMP_REL32}: opcode and 32-bit displacement. */
    public static final int JMP_LENGTH = 5;

    private final byte[] encoding;
    private final X64Register register;
    private final long delta;

    SyntheticInstruction(byte[] encoding, X64Register register, long delta) {
        this.encoding = encoding;
        this.register = register;
        this.delta = delta;
    }

    /** Length in bytes. */
    public int length() {
        return this == JMP_REL32 ? JMP_LENGTH : encoding.length;
    }

    /** The instruction whose encoding starts {@code code}, if it is one of these. */
    public static Optional<SyntheticInstruction> decode(byte[] code) {
        for (SyntheticInstruction i : values()) {
            if (code.length >= i.length() && Arrays.equals(code, 0, i.encoding.length, i.encoding, 0,
                    i.encoding.length)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The context after executing this instruction, whose bytes are {@code code}, at the context's RIP. */
    public X64Context execute(X64Context context, byte[] code) {
        long rip = context.get(X64Register.RIP);
        X64Context next = register == null ? context : context.with(register, context.get(register) + delta);
        long target = this == JMP_REL32
                ? rip + JMP_LENGTH + WireBytes.wrap(code).getInt(1)
                : rip + length();
        return next.with(X64Register.RIP, target);
    }

    /**
     * A deterministic stream of {@code length} bytes: instructions drawn by a generator seeded with {@code seed},
     * NOP padding, and a final jump back to the first byte.
     */
    public static byte[] stream(int length, long seed) {
        byte[] code = new byte[length];
        SplittableRandom random = new SplittableRandom(seed);
        SyntheticInstruction[] body = {NOP, INC_RAX, DEC_RCX, ADD_RDX_8, NOP5};
        int at = 0;
        int end = length - JMP_LENGTH;
        while (at < end) {
            SyntheticInstruction next = body[random.nextInt(body.length)];
            if (at + next.length() > end) {
                next = NOP;
            }
            System.arraycopy(next.encoding, 0, code, at, next.length());
            at += next.length();
        }
        code[end] = (byte) 0xE9;
        WireBytes.wrap(code).putInt(end + 1, -length);
        return code;
    }
}
