package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
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
 * or more. Strings in the extra data are single-byte ("ANSI"), read and written as ISO-8859-1. Union and extra
 * data are read-only views of the bytes decoded, not copies.
 *
 * @param newState         the kind of stop
 * @param processorLevel   CPU family (u16)
 * @param processor        the reporting CPU (u16)
 * @param numberProcessors number of CPUs
 * @param padding          the 4 bytes at 0x0C as a little-endian int
 * @param thread           current KTHREAD address
 * @param programCounter   RIP of the stop
 * @param union            the 160-byte union (a read-only view of the remaining bytes given, not copied)
 * @param controlReport    the control report
 * @param extraData        the bytes after 0xF0 (a read-only view of the remaining bytes given, not copied)
 */
public record StateChange64(int newState, int processorLevel, int processor, int numberProcessors, int padding,
        long thread, long programCounter, ByteBuffer union, ControlReport controlReport, ByteBuffer extraData) {
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

    /** Checks the field widths; IllegalArgumentException unless the union is 160 bytes. */
    public StateChange64 {
        WireBytes.requireFits(processorLevel, 2, "processor level");
        WireBytes.requireFits(processor, 2, "processor");
        union = requireUnion(union);
        Objects.requireNonNull(controlReport, "controlReport");
        extraData = WireBytes.view(extraData);
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
                fields.writeInto(WireBytes.allocate(UNION_LENGTH)), report, WireBytes.view(extra));
    }

    private static byte[] nulTerminated(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    /**
     * Decodes the remaining bytes of {@code payload} (its position is left alone); malformed (never thrown) if
     * they are shorter than 240 bytes. Union and extra data are views of {@code payload}.
     */
    public static Decoded<StateChange64> decode(ByteBuffer payload) {
        ByteBuffer in = WireBytes.view(payload);
        if (in.remaining() < LENGTH) {
            return Decoded.malformed("state change payload of " + in.remaining() + " bytes; expected at least "
                    + LENGTH);
        }
        return Decoded.ok(new StateChange64(in.getInt(0), WireBytes.u16(in, 4), WireBytes.u16(in, 6), in.getInt(8),
                in.getInt(0x0C), in.getLong(0x10), in.getLong(0x18), WireBytes.view(in, UNION_OFFSET, UNION_LENGTH),
                ControlReport.read(in, CONTROL_REPORT_OFFSET), WireBytes.viewFrom(in, LENGTH)));
    }

    /** The payload bytes: fixed part, then extra data. */
    public byte[] encode() {
        int extraLength = extraData.remaining();
        ByteBuffer out = WireBytes.allocate(LENGTH + extraLength).putInt(0, newState)
                .putShort(4, (short) processorLevel).putShort(6, (short) processor).putInt(8, numberProcessors)
                .putInt(0x0C, padding).putLong(0x10, thread).putLong(0x18, programCounter)
                .put(UNION_OFFSET, union, 0, UNION_LENGTH).put(LENGTH, extraData, 0, extraLength);
        controlReport.writeTo(out, CONTROL_REPORT_OFFSET);
        return out.array();
    }

    /**
     * The extra data as NUL-terminated ISO-8859-1 strings: the LoadSymbols path, or the CommandString name and
     * command. Bytes after the last NUL form a last string; no extra data gives an empty list.
     */
    public List<String> extraStrings() {
        byte[] extra = WireBytes.toArray(extraData);
        List<String> strings = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < extra.length; i++) {
            if (extra[i] == 0) {
                strings.add(new String(extra, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        if (start < extra.length) {
            strings.add(new String(extra, start, extra.length - start, StandardCharsets.ISO_8859_1));
        }
        return strings;
    }

    /** A read-only view of the 160 bytes remaining in {@code union}; IllegalArgumentException for another length. */
    static ByteBuffer requireUnion(ByteBuffer union) {
        return WireBytes.view(WireBytes.requireLength(union, UNION_LENGTH, "state change union"));
    }

    /** A writable copy of the 160 bytes remaining in {@code union}, for a {@link UnionView} to write into. */
    static ByteBuffer unionCopy(ByteBuffer union) {
        return WireBytes.copy(WireBytes.requireLength(union, UNION_LENGTH, "state change union"));
    }

    /** A read-only view of the union, at position 0. */
    @Override
    public ByteBuffer union() {
        return union.duplicate().order(WireBytes.ORDER);
    }

    /** A read-only view of the extra data, at position 0. */
    @Override
    public ByteBuffer extraData() {
        return extraData.duplicate().order(WireBytes.ORDER);
    }

    @Override
    public String toString() {
        return String.format("StateChange64[state=0x%x level=0x%x processor=%d of %d thread=0x%x pc=0x%x union=%s %s"
                + " extra=%d bytes]", newState, processorLevel, processor, numberProcessors, thread, programCounter,
                HexFormat.of().formatHex(WireBytes.toArray(union)), controlReport, extraData.remaining());
    }
}
