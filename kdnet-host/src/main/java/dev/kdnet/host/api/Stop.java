package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.ExceptionRecord64;
import dev.kdnet.protocol.dbgkd.StateChange64;

/**
 * The target stopped: what a STATE_CHANGE64 exception (or command string) report said.
 *
 * @param exceptionCode the NTSTATUS of the exception (0 for a command string)
 * @param pc            the program counter of the reporting CPU
 * @param cpu           the reporting CPU
 * @param cpuCount      the number of CPUs
 * @param thread        the current KTHREAD
 * @param dr7           DR7 from the control report (sent back with Continue2)
 * @param code          the instruction bytes at {@code pc} (breakpoints already removed by the target)
 * @param firstChance   true for a first-chance exception
 */
public record Stop(int exceptionCode, long pc, int cpu, int cpuCount, long thread, long dr7, byte[] code,
        boolean firstChance) {
    /** Copies the code bytes. */
    public Stop {
        code = code.clone();
    }

    /** The stop a state-change report describes. */
    public static Stop of(StateChange64 change) {
        boolean exception = change.newState() == StateChange64.EXCEPTION;
        ExceptionRecord64 record = exception ? ExceptionRecord64.from(change.union()) : null;
        return new Stop(exception ? record.code() : 0, change.programCounter(), change.processor(),
                change.numberProcessors(), change.thread(), change.controlReport().dr7(),
                change.controlReport().instructionStream(), exception && record.isFirstChance());
    }

    /** The instruction bytes (a copy). */
    @Override
    public byte[] code() {
        return code.clone();
    }

    /** True if the byte at the PC is an int3 (0xCC). */
    public boolean atInt3() {
        return code.length > 0 && (code[0] & 0xFF) == 0xCC;
    }

    /** The same stop with the PC moved to {@code newPc} (after skipping an int3). */
    Stop movedTo(long newPc) {
        byte[] rest = code.length == 0 ? code : java.util.Arrays.copyOfRange(code, 1, code.length);
        return new Stop(exceptionCode, newPc, cpu, cpuCount, thread, dr7, rest, firstChance);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stop s && s.exceptionCode == exceptionCode && s.pc == pc && s.cpu == cpu
                && s.cpuCount == cpuCount && s.thread == thread && s.dr7 == dr7
                && java.util.Arrays.equals(s.code, code) && s.firstChance == firstChance;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(exceptionCode, pc, cpu, thread);
    }

    @Override
    public String toString() {
        return String.format("Stop[code=0x%08X, pc=0x%016X, cpu=%d/%d]", exceptionCode, pc, cpu, cpuCount);
    }
}
