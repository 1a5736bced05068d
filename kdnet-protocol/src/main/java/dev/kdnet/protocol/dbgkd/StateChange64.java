package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A KD_STATE_CHANGE64 payload: DBGKD_ANY_WAIT_STATE_CHANGE, 240 bytes, then extra data (kd-protocol §3.4):
 *
 * <pre>
 *   0x00  4  NewState ({@link #EXCEPTION}, {@link #LOAD_SYMBOLS}, {@link #COMMAND_STRING}; others kept)
 *   0x04  2  ProcessorLevel        0x10  8  Thread
 *   0x06  2  Processor             0x18  8  ProgramCounter
 *   0x08  4  NumberProcessors      0x20 160  per-state union, raw; read it through {@link ExceptionRecord64},
 *   0x0C  4  padding (kept)                  {@link LoadSymbols64} or {@link CommandString}
 *   0xC0 48  {@link ControlReport}
 *   0xF0  …  extra data (LoadSymbols: the path; CommandString: two strings)
 * </pre>
 *
 * <p>Every byte is kept, so {@code decode(bytes).encode()} gives {@code bytes} back for any payload of 240 bytes
 * or more. Strings in the extra data are single-byte ("ANSI"), read and written as ISO-8859-1.
 *
 * @param newState         the kind of stop
 * @param processorLevel   CPU family (u16)
 * @param processor        the reporting CPU (u16)
 * @param numberProcessors number of CPUs
 * @param padding          the 4 bytes at 0x0C as a little-endian int
 * @param thread           current KTHREAD address
 * @param programCounter   RIP of the stop
 * @param union            the 160-byte union (copied)
 * @param controlReport    the control report
 * @param extraData        the bytes after 0xF0 (copied)
 */
public record StateChange64(int newState, int processorLevel, int processor, int numberProcessors, int padding,
        long thread, long programCounter, byte[] union, ControlReport controlReport, byte[] extraData) {
    /** Length of the fixed part (everything before the extra data). */
    public static final int LENGTH = 0xF0;
    /** Length of the per-state union. */
    public static final int UNION_LENGTH = 160;
    /** NewState of an exception (breakpoint, single step, break-in, …). */
    public static final int EXCEPTION = 0x3030;
    /** NewState of a module load or unload. */
    public static final int LOAD_SYMBOLS = 0x3031;
    /** NewState of a command string. */
    public static final int COMMAND_STRING = 0x3032;
    private static final int UNION_OFFSET = 0x20;
    private static final int CONTROL_REPORT_OFFSET = 0xC0;

    /** Checks the field widths and copies the arrays; IllegalArgumentException unless the union is 160 bytes. */
    public StateChange64 {
        LittleEndian.requireFits(processorLevel, 2, "processor level");
        LittleEndian.requireFits(processor, 2, "processor");
        union = requireUnion(union).clone();
        Objects.requireNonNull(controlReport, "controlReport");
        extraData = extraData.clone();
    }

    /** An Exception state change: no extra data, zero padding, {@code record} written into a zero union. */
    public static StateChange64 exception(int processorLevel, int processor, int numberProcessors, long thread,
            long programCounter, ExceptionRecord64 record, ControlReport report) {
        return of(EXCEPTION, processorLevel, processor, numberProcessors, thread, programCounter, record, report,
                new byte[0]);
    }

    /**
     * A LoadSymbols state change: the extra data is {@code path} and a NUL, PathNameLength counts both; an empty
     * path gives no extra data and PathNameLength 0.
     */
    public static StateChange64 loadSymbols(int processorLevel, int processor, int numberProcessors, long thread,
            long programCounter, LoadSymbols64 symbols, String path, ControlReport report) {
        byte[] extra = path.isEmpty() ? new byte[0] : nulTerminated(path);
        return of(LOAD_SYMBOLS, processorLevel, processor, numberProcessors, thread, programCounter,
                symbols.withPathNameLength(extra.length), report, extra);
    }

    /** A CommandString state change: Flags 0, extra data {@code name}, NUL, {@code command}, NUL. */
    public static StateChange64 commandString(int processorLevel, int processor, int numberProcessors, long thread,
            long programCounter, String name, String command, ControlReport report) {
        byte[] nameBytes = nulTerminated(name);
        byte[] commandBytes = nulTerminated(command);
        byte[] extra = Arrays.copyOf(nameBytes, nameBytes.length + commandBytes.length);
        System.arraycopy(commandBytes, 0, extra, nameBytes.length, commandBytes.length);
        return of(COMMAND_STRING, processorLevel, processor, numberProcessors, thread, programCounter,
                new CommandString(0), report, extra);
    }

    private static StateChange64 of(int newState, int processorLevel, int processor, int numberProcessors,
            long thread, long programCounter, UnionView fields, ControlReport report, byte[] extra) {
        return new StateChange64(newState, processorLevel, processor, numberProcessors, 0, thread, programCounter,
                fields.writeInto(new byte[UNION_LENGTH]), report, extra);
    }

    private static byte[] nulTerminated(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    /** Decodes a payload; malformed (never thrown) if it is shorter than 240 bytes. */
    public static Decoded<StateChange64> decode(byte[] payload) {
        if (payload.length < LENGTH) {
            return Decoded.malformed("state change payload of " + payload.length + " bytes; expected at least "
                    + LENGTH);
        }
        return Decoded.ok(new StateChange64(LittleEndian.u32(payload, 0), LittleEndian.u16(payload, 4), LittleEndian.u16(payload, 6),
                LittleEndian.u32(payload, 8), LittleEndian.u32(payload, 0x0C), LittleEndian.u64(payload, 0x10), LittleEndian.u64(payload, 0x18),
                Arrays.copyOfRange(payload, UNION_OFFSET, CONTROL_REPORT_OFFSET),
                ControlReport.read(payload, CONTROL_REPORT_OFFSET), Arrays.copyOfRange(payload, LENGTH,
                        payload.length)));
    }

    /** The payload bytes: fixed part, then extra data. */
    public byte[] encode() {
        byte[] out = new byte[LENGTH + extraData.length];
        LittleEndian.putU32(out, 0, newState);
        LittleEndian.putU16(out, 4, processorLevel);
        LittleEndian.putU16(out, 6, processor);
        LittleEndian.putU32(out, 8, numberProcessors);
        LittleEndian.putU32(out, 0x0C, padding);
        LittleEndian.putU64(out, 0x10, thread);
        LittleEndian.putU64(out, 0x18, programCounter);
        System.arraycopy(union, 0, out, UNION_OFFSET, UNION_LENGTH);
        controlReport.writeTo(out, CONTROL_REPORT_OFFSET);
        System.arraycopy(extraData, 0, out, LENGTH, extraData.length);
        return out;
    }

    /**
     * The extra data as NUL-terminated ISO-8859-1 strings: the LoadSymbols path, or the CommandString name and
     * command. Bytes after the last NUL form a last string; no extra data gives an empty list.
     */
    public List<String> extraStrings() {
        List<String> strings = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < extraData.length; i++) {
            if (extraData[i] == 0) {
                strings.add(new String(extraData, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        if (start < extraData.length) {
            strings.add(new String(extraData, start, extraData.length - start, StandardCharsets.ISO_8859_1));
        }
        return strings;
    }

    /** Checks that {@code union} has the state-change union's length and returns it. */
    static byte[] requireUnion(byte[] union) {
        return LittleEndian.requireLength(union, UNION_LENGTH, "state change union");
    }

    /** The union (a copy). */
    @Override
    public byte[] union() {
        return union.clone();
    }

    /** The extra data (a copy). */
    @Override
    public byte[] extraData() {
        return extraData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateChange64 s && newState == s.newState && processorLevel == s.processorLevel
                && processor == s.processor && numberProcessors == s.numberProcessors && padding == s.padding
                && thread == s.thread && programCounter == s.programCounter && Arrays.equals(union, s.union)
                && controlReport.equals(s.controlReport) && Arrays.equals(extraData, s.extraData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(newState, processorLevel, processor, numberProcessors, padding, thread, programCounter,
                Arrays.hashCode(union), controlReport, Arrays.hashCode(extraData));
    }

    @Override
    public String toString() {
        return String.format("StateChange64[state=0x%x level=0x%x processor=%d of %d thread=0x%x pc=0x%x union=%s %s"
                + " extra=%d bytes]", newState, processorLevel, processor, numberProcessors, thread, programCounter,
                HexFormat.of().formatHex(union), controlReport, extraData.length);
    }
}
