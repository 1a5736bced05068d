package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.util.Arrays;
import java.util.Set;

/**
 * The contents of ntoskrnl's .text: a few short routines the debugger data points at, one interrupt thunk per IDT
 * vector, and the code region the CPU model fills, with int3 ({@code CC}) padding in between as the linker leaves
 * it. Offsets are relative to the start of .text.
 */
final class NtoskrnlText {
    /** Size of .text. */
    static final int SIZE = 0x12000;
    /** DbgBreakPoint: {@code int3; ret}. */
    static final int DBG_BREAK_POINT = 0x0000;
    /** DbgBreakPointWithStatus: {@code int3; ret}; its int3 is KDDEBUGGER_DATA64.BreakpointWithStatus. */
    static final int DBG_BREAK_POINT_WITH_STATUS = 0x0010;
    /** KiCallUserMode: {@code sub rsp,28h; add rsp,28h; ret}. */
    static final int KI_CALL_USER_MODE = 0x0020;
    /** KiSystemCall64: {@code swapgs; swapgs; sysretq}. */
    static final int KI_SYSTEM_CALL64 = 0x0040;
    /** KiUnexpectedInterrupt, where every thunk jumps: {@code add rsp,10h; iretq}. */
    static final int KI_UNEXPECTED_INTERRUPT = 0x0060;
    /** KiIsrThunk: 256 thunks of {@link #THUNK_SIZE} bytes, one per vector. */
    static final int KI_ISR_THUNKS = 0x0100;
    /** Bytes per interrupt thunk. */
    static final int THUNK_SIZE = 0x10;
    /** Start of the code region left to the CPU model. */
    static final int CODE_REGION = 0x2000;
    /** Size of the code region: 64 KiB of NOPs until the CPU model writes its instruction stream. */
    static final int CODE_REGION_SIZE = 0x10000;

    private static final byte INT3 = (byte) 0xCC;
    private static final byte NOP = (byte) 0x90;
    private static final byte[] INT3_RET = {INT3, (byte) 0xC3};
    private static final byte[] CALL_USER_MODE = {0x48, (byte) 0x83, (byte) 0xEC, 0x28, 0x48, (byte) 0x83,
            (byte) 0xC4, 0x28, (byte) 0xC3};
    private static final byte[] SYSTEM_CALL64 = {0x0F, 0x01, (byte) 0xF8, 0x0F, 0x01, (byte) 0xF8, 0x48, 0x0F, 0x07};
    private static final byte[] UNEXPECTED_INTERRUPT = {0x48, (byte) 0x83, (byte) 0xC4, 0x10, 0x48, (byte) 0xCF};
    /** Vectors for which the CPU itself pushes an error code (#DF, #TS, #NP, #SS, #GP, #PF, #AC, #CP, #VC, #SX). */
    private static final Set<Integer> ERROR_CODE_VECTORS = Set.of(8, 10, 11, 12, 13, 14, 17, 21, 29, 30);

    private NtoskrnlText() {
    }

    /** The bytes of .text. */
    static byte[] build() {
        byte[] text = new byte[SIZE];
        Arrays.fill(text, INT3);
        put(text, DBG_BREAK_POINT, INT3_RET);
        put(text, DBG_BREAK_POINT_WITH_STATUS, INT3_RET);
        put(text, KI_CALL_USER_MODE, CALL_USER_MODE);
        put(text, KI_SYSTEM_CALL64, SYSTEM_CALL64);
        put(text, KI_UNEXPECTED_INTERRUPT, UNEXPECTED_INTERRUPT);
        for (int vector = 0; vector < InterruptDescriptorTable.VECTORS; vector++) {
            put(text, isrThunk(vector), thunk(vector));
        }
        Arrays.fill(text, CODE_REGION, CODE_REGION + CODE_REGION_SIZE, NOP);
        return text;
    }

    /** Offset of the interrupt thunk of {@code vector}. */
    static int isrThunk(int vector) {
        return KI_ISR_THUNKS + vector * THUNK_SIZE;
    }

    /**
     * {@code push 0} (a dummy error code; a two-byte NOP where the CPU pushes one), {@code push vector},
     * {@code jmp KiUnexpectedInterrupt}: 12 bytes, the rest int3 padding.
     */
    private static byte[] thunk(int vector) {
        byte[] thunk = new byte[12];
        boolean cpuPushesErrorCode = ERROR_CODE_VECTORS.contains(vector);
        thunk[0] = cpuPushesErrorCode ? (byte) 0x66 : 0x6A;
        thunk[1] = cpuPushesErrorCode ? NOP : 0x00;
        thunk[2] = 0x68;
        WireBytes.wrap(thunk).putInt(3, vector);
        thunk[7] = (byte) 0xE9;
        WireBytes.wrap(thunk).putInt(8, KI_UNEXPECTED_INTERRUPT - (isrThunk(vector) + thunk.length));
        return thunk;
    }

    private static void put(byte[] text, int offset, byte[] code) {
        System.arraycopy(code, 0, text, offset, code.length);
    }
}
