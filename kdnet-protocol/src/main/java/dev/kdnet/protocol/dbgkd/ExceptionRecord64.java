package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * DBGKM_EXCEPTION64 (kd-protocol §3.5.1), the union of an Exception state change. Offsets are relative to the
 * union (state change offset 0x20 + x); the alignment at u+0x1C and the tail at u+0x9C are left to the union.
 *
 * <pre>
 *   u+0x00  4  ExceptionCode          u+0x18  4  NumberParameters
 *   u+0x04  4  ExceptionFlags         u+0x20 120 ExceptionInformation[15] (u64 each)
 *   u+0x08  8  ExceptionRecord        u+0x98  4  FirstChance
 *   u+0x10  8  ExceptionAddress
 * </pre>
 *
 * @param code             NTSTATUS exception code, e.g. {@link NtStatus#BREAKPOINT}
 * @param flags            ExceptionFlags
 * @param record           nested record pointer (0)
 * @param address          where the exception happened
 * @param numberParameters how many of {@code information} are used
 * @param information      the 15 parameters (copied)
 * @param firstChance      1 for a first-chance exception
 */
public record ExceptionRecord64(int code, int flags, long record, long address, int numberParameters,
        long[] information, int firstChance) implements UnionView {
    /** Number of ExceptionInformation slots (EXCEPTION_MAXIMUM_PARAMETERS). */
    public static final int MAXIMUM_PARAMETERS = 15;
    private static final int INFORMATION_OFFSET = 0x20;
    private static final int FIRST_CHANCE_OFFSET = 0x98;

    /** Copies the information; IllegalArgumentException unless it has 15 slots. */
    public ExceptionRecord64 {
        if (information.length != MAXIMUM_PARAMETERS) {
            throw new IllegalArgumentException(
                    "information must have " + MAXIMUM_PARAMETERS + " slots, not " + information.length);
        }
        information = information.clone();
    }

    /**
     * A record as a target raises it: flags 0, no nested record, NumberParameters = {@code parameters.length}
     * (at most 15), the other slots zero.
     */
    public static ExceptionRecord64 of(int code, long address, boolean firstChance, long... parameters) {
        if (parameters.length > MAXIMUM_PARAMETERS) {
            throw new IllegalArgumentException(
                    "at most " + MAXIMUM_PARAMETERS + " parameters, not " + parameters.length);
        }
        return new ExceptionRecord64(code, 0, 0, address, parameters.length,
                Arrays.copyOf(parameters, MAXIMUM_PARAMETERS), firstChance ? 1 : 0);
    }

    /** Reads the record from a 160-byte state-change union. */
    public static ExceptionRecord64 from(ByteBuffer union) {
        ByteBuffer u = StateChange64.requireUnion(union);
        long[] information = new long[MAXIMUM_PARAMETERS];
        for (int i = 0; i < MAXIMUM_PARAMETERS; i++) {
            information[i] = u.getLong(INFORMATION_OFFSET + 8 * i);
        }
        return new ExceptionRecord64(u.getInt(0), u.getInt(4), u.getLong(8), u.getLong(0x10),
                u.getInt(0x18), information, u.getInt(FIRST_CHANCE_OFFSET));
    }

    /** True if FirstChance is non-zero. */
    public boolean isFirstChance() {
        return firstChance != 0;
    }

    /** The 15 ExceptionInformation slots (a copy). */
    @Override
    public long[] information() {
        return information.clone();
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = StateChange64.unionCopy(union);
        out.putInt(0, code);
        out.putInt(4, flags);
        out.putLong(8, record);
        out.putLong(0x10, address);
        out.putInt(0x18, numberParameters);
        for (int i = 0; i < MAXIMUM_PARAMETERS; i++) {
            out.putLong(INFORMATION_OFFSET + 8 * i, information[i]);
        }
        out.putInt(FIRST_CHANCE_OFFSET, firstChance);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExceptionRecord64 e && code == e.code && flags == e.flags && record == e.record
                && address == e.address && numberParameters == e.numberParameters
                && Arrays.equals(information, e.information) && firstChance == e.firstChance;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, flags, record, address, numberParameters, Arrays.hashCode(information),
                firstChance);
    }

    @Override
    public String toString() {
        return String.format("ExceptionRecord64[code=0x%08x flags=0x%x record=0x%x address=0x%x parameters=%d"
                + " information=%s firstChance=%d]", code, flags, record, address, numberParameters,
                Arrays.toString(information), firstChance);
    }
}
