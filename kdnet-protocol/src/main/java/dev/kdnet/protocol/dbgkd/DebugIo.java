package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A KD_DEBUG_IO payload: DBGKD_DEBUG_IO, a 16-byte header and a string (kd-protocol §3.7):
 *
 * <pre>
 *   0x00  4  ApiNumber ({@link #PRINT_STRING}, {@link #GET_STRING}; others kept)
 *   0x04  2  ProcessorLevel
 *   0x06  2  Processor
 *   0x08  4  PrintString: LengthOfString / GetString: LengthOfPromptString
 *   0x0C  4  GetString: LengthOfStringRead (T→H the answer buffer's capacity, H→T the answer's length);
 *            PrintString: unused (kept)
 *   0x10  …  the text, prompt or answer (not NUL-terminated)
 * </pre>
 *
 * <p>Every byte is kept, so {@code decode(bytes).encode()} gives {@code bytes} back for any payload of 16 bytes or
 * more. Text is single-byte and read and written as ISO-8859-1.
 *
 * @param apiNumber          the DEBUG_IO ApiNumber
 * @param processorLevel     u16
 * @param processor          u16
 * @param lengthOfString     LengthOfString (print) or LengthOfPromptString (prompt)
 * @param lengthOfStringRead LengthOfStringRead (prompt); unused in a print
 * @param data               the bytes after the header (copied)
 */
public record DebugIo(int apiNumber, int processorLevel, int processor, int lengthOfString, int lengthOfStringRead,
        byte[] data) {
    /** Length of the header. */
    public static final int HEADER_LENGTH = 16;
    /** ApiNumber of DbgPrint output (T→H, no reply). */
    public static final int PRINT_STRING = 0x3230;
    /** ApiNumber of DbgPrompt: the target's prompt and the host's answer. */
    public static final int GET_STRING = 0x3231;

    /** Checks the field widths and copies the data; IllegalArgumentException for a too-wide value. */
    public DebugIo {
        LittleEndian.requireFits(processorLevel, 2, "processor level");
        LittleEndian.requireFits(processor, 2, "processor");
        data = data.clone();
    }

    /** A PrintString: LengthOfString = the byte count of {@code text}, the second length 0. */
    public static DebugIo printString(int processorLevel, int processor, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new DebugIo(PRINT_STRING, processorLevel, processor, bytes.length, 0, bytes);
    }

    /** A target's GetString: the prompt, and {@code capacity} bytes of room for the answer. */
    public static DebugIo getString(int processorLevel, int processor, String prompt, int capacity) {
        byte[] bytes = prompt.getBytes(StandardCharsets.ISO_8859_1);
        return new DebugIo(GET_STRING, processorLevel, processor, bytes.length, capacity, bytes);
    }

    /**
     * The host's answer to a GetString {@code prompt}: its header echoed with LengthOfStringRead = the byte count
     * of {@code answer}, and the answer as data (the target uses at most its capacity).
     */
    public static DebugIo getStringReply(DebugIo prompt, String answer) {
        byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
        return new DebugIo(prompt.apiNumber, prompt.processorLevel, prompt.processor, prompt.lengthOfString,
                bytes.length, bytes);
    }

    /** Decodes a payload; malformed (never thrown) if it is shorter than the 16-byte header. */
    public static Decoded<DebugIo> decode(byte[] payload) {
        if (payload.length < HEADER_LENGTH) {
            return Decoded.malformed(
                    "debug I/O payload of " + payload.length + " bytes; expected at least " + HEADER_LENGTH);
        }
        return Decoded.ok(new DebugIo(LittleEndian.u32(payload, 0), LittleEndian.u16(payload, 4), LittleEndian.u16(payload, 6),
                LittleEndian.u32(payload, 8), LittleEndian.u32(payload, 0x0C), Arrays.copyOfRange(payload, HEADER_LENGTH,
                        payload.length)));
    }

    /** The payload bytes: header, then data. */
    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + data.length];
        LittleEndian.putU32(out, 0, apiNumber);
        LittleEndian.putU16(out, 4, processorLevel);
        LittleEndian.putU16(out, 6, processor);
        LittleEndian.putU32(out, 8, lengthOfString);
        LittleEndian.putU32(out, 0x0C, lengthOfStringRead);
        System.arraycopy(data, 0, out, HEADER_LENGTH, data.length);
        return out;
    }

    /** All data bytes as ISO-8859-1 text: the printed string, the prompt or the answer. */
    public String text() {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    /** The data (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DebugIo d && apiNumber == d.apiNumber && processorLevel == d.processorLevel
                && processor == d.processor && lengthOfString == d.lengthOfString
                && lengthOfStringRead == d.lengthOfStringRead && Arrays.equals(data, d.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiNumber, processorLevel, processor, lengthOfString, lengthOfStringRead,
                Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return String.format("DebugIo[api=0x%x level=0x%x processor=%d lengths=%d/%d text=\"%s\"]", apiNumber,
                processorLevel, processor, lengthOfString, lengthOfStringRead, text());
    }
}
