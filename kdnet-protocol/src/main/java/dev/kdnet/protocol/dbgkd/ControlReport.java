package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * AMD64_DBGKD_CONTROL_REPORT (kd-protocol §3.6): the 48 bytes at 0xC0 of every state change, every byte typed.
 *
 * <pre>
 *   0x00  8  Dr6                 0x18 16  InstructionStream (code at the program counter)
 *   0x08  8  Dr7                 0x28  2  SegCs
 *   0x10  4  EFlags              0x2A  2  SegDs
 *   0x14  2  InstructionCount    0x2C  2  SegEs
 *   0x16  2  ReportFlags         0x2E  2  SegFs
 * </pre>
 *
 * @param dr6               KernelDr6 of the reporting CPU
 * @param dr7               KernelDr7 (a host echoes it in {@link Continue2Request#dr7()})
 * @param eflags            the context's EFlags
 * @param instructionCount  valid bytes in the stream (u16)
 * @param reportFlags       {@link #INCLUDES_SEGS} | {@link #STANDARD_CS} (u16)
 * @param instructionStream the 16 stream bytes (copied)
 * @param segCs             CS (u16)
 * @param segDs             DS (u16)
 * @param segEs             ES (u16)
 * @param segFs             FS (u16)
 */
public record ControlReport(long dr6, long dr7, int eflags, int instructionCount, int reportFlags,
        byte[] instructionStream, int segCs, int segDs, int segEs, int segFs) {
    /** Length of a control report. */
    public static final int LENGTH = 48;
    /** Length of the instruction stream (DBGKD_MAXSTREAM). */
    public static final int STREAM_LENGTH = 16;
    /** ReportFlags bit: the segment registers are valid. */
    public static final int INCLUDES_SEGS = 1;
    /** ReportFlags bit: CS is the standard kernel code selector 0x10. */
    public static final int STANDARD_CS = 2;
    private static final int KERNEL_CS = 0x10;

    /** Checks the field widths and copies the stream; IllegalArgumentException if it is not 16 bytes. */
    public ControlReport {
        WireBytes.requireFits(instructionCount, 2, "instruction count");
        WireBytes.requireFits(reportFlags, 2, "report flags");
        instructionStream = WireBytes.requireLength(instructionStream, STREAM_LENGTH, "instruction stream").clone();
        WireBytes.requireFits(segCs, 2, "CS");
        WireBytes.requireFits(segDs, 2, "DS");
        WireBytes.requireFits(segEs, 2, "ES");
        WireBytes.requireFits(segFs, 2, "FS");
    }

    /**
     * A report as a target builds it: InstructionCount = {@code code.length} (at most 16, the stream is
     * zero-padded), ReportFlags {@link #INCLUDES_SEGS}, plus {@link #STANDARD_CS} when CS is 0x10.
     */
    public static ControlReport of(long dr6, long dr7, int eflags, byte[] code, int segCs, int segDs, int segEs,
            int segFs) {
        if (code.length > STREAM_LENGTH) {
            throw new IllegalArgumentException("at most " + STREAM_LENGTH + " code bytes, not " + code.length);
        }
        int flags = INCLUDES_SEGS | (segCs == KERNEL_CS ? STANDARD_CS : 0);
        return new ControlReport(dr6, dr7, eflags, code.length, flags, Arrays.copyOf(code, STREAM_LENGTH), segCs,
                segDs, segEs, segFs);
    }

    /** Reads a report from the 48 bytes remaining in {@code report}. */
    public static ControlReport from(ByteBuffer report) {
        return read(WireBytes.view(WireBytes.requireLength(report, LENGTH, "control report")), 0);
    }

    /** Reads the report at {@code offset} of a little-endian buffer. */
    static ControlReport read(ByteBuffer in, int offset) {
        byte[] stream = new byte[STREAM_LENGTH];
        in.get(offset + 0x18, stream);
        return new ControlReport(in.getLong(offset), in.getLong(offset + 8), in.getInt(offset + 0x10),
                WireBytes.u16(in, offset + 0x14), WireBytes.u16(in, offset + 0x16), stream,
                WireBytes.u16(in, offset + 0x28), WireBytes.u16(in, offset + 0x2A), WireBytes.u16(in, offset + 0x2C),
                WireBytes.u16(in, offset + 0x2E));
    }

    /** The 48 report bytes. */
    public byte[] encode() {
        ByteBuffer out = WireBytes.allocate(LENGTH);
        writeTo(out, 0);
        return out.array();
    }

    /** Writes the report at {@code offset} of a little-endian buffer. */
    void writeTo(ByteBuffer out, int offset) {
        out.putLong(offset, dr6).putLong(offset + 8, dr7).putInt(offset + 0x10, eflags)
                .putShort(offset + 0x14, (short) instructionCount).putShort(offset + 0x16, (short) reportFlags)
                .put(offset + 0x18, instructionStream).putShort(offset + 0x28, (short) segCs)
                .putShort(offset + 0x2A, (short) segDs).putShort(offset + 0x2C, (short) segEs)
                .putShort(offset + 0x2E, (short) segFs);
    }

    /** The instruction stream (a copy, all 16 bytes). */
    @Override
    public byte[] instructionStream() {
        return instructionStream.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlReport r && dr6 == r.dr6 && dr7 == r.dr7 && eflags == r.eflags
                && instructionCount == r.instructionCount && reportFlags == r.reportFlags
                && Arrays.equals(instructionStream, r.instructionStream) && segCs == r.segCs && segDs == r.segDs
                && segEs == r.segEs && segFs == r.segFs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dr6, dr7, eflags, instructionCount, reportFlags, Arrays.hashCode(instructionStream),
                segCs, segDs, segEs, segFs);
    }

    @Override
    public String toString() {
        return String.format("ControlReport[dr6=0x%x dr7=0x%x eflags=0x%x count=%d flags=%d stream=%s cs=0x%x ds=0x%x"
                + " es=0x%x fs=0x%x]", dr6, dr7, eflags, instructionCount, reportFlags,
                HexFormat.of().formatHex(instructionStream), segCs, segDs, segEs, segFs);
    }
}
