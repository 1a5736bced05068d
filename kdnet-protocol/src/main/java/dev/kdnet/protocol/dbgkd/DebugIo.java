package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

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
 * @param data               the bytes after the header (a read-only view of the remaining bytes given, not
 *                           copied)
 */
public record DebugIo(int apiNumber, int processorLevel, int processor, int lengthOfString, int lengthOfStringRead,
        ByteBuffer data) {
    /** Length of the header. */
    public static final int HEADER_LENGTH = 16;
    /** ApiNumber of DbgPrint output (T→H, no reply). */
    public static final int PRINT_STRING = 0x3230;
    /** ApiNumber of DbgPrompt: the target's prompt and the host's answer. */
    public static final int GET_STRING = 0x3231;

    /** Checks the field widths; IllegalArgumentException for a too-wide value. */
    public DebugIo {
        WireBytes.requireFits(processorLevel, 2, "processor level");
        WireBytes.requireFits(processor, 2, "processor");
        data = WireBytes.view(data);
    }

    /** A PrintString: LengthOfString = the byte count of {@code text}, the second length 0. */
    public static DebugIo printString(int processorLevel, int processor, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new DebugIo(PRINT_STRING, processorLevel, processor, bytes.length, 0, WireBytes.view(bytes));
    }

    /** A target's GetString: the prompt, and {@code capacity} bytes of room for the answer. */
    public static DebugIo getString(int processorLevel, int processor, String prompt, int capacity) {
        byte[] bytes = prompt.getBytes(StandardCharsets.ISO_8859_1);
        return new DebugIo(GET_STRING, processorLevel, processor, bytes.length, capacity, WireBytes.view(bytes));
    }

    /**
     * The host's answer to a GetString {@code prompt}: its header echoed with LengthOfStringRead = the byte count
     * of {@code answer}, and the answer as data (the target uses at most its capacity).
     */
    public static DebugIo getStringReply(DebugIo prompt, String answer) {
        byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
        return new DebugIo(prompt.apiNumber, prompt.processorLevel, prompt.processor, prompt.lengthOfString,
                bytes.length, WireBytes.view(bytes));
    }

    /**
     * Decodes the remaining bytes of {@code payload} (its position is left alone); malformed (never thrown) if
     * they are shorter than the 16-byte header. The data is a view of {@code payload}.
     */
    public static Decoded<DebugIo> decode(ByteBuffer payload) {
        ByteBuffer in = WireBytes.view(payload);
        if (in.remaining() < HEADER_LENGTH) {
            return Decoded.malformed(
                    "debug I/O payload of " + in.remaining() + " bytes; expected at least " + HEADER_LENGTH);
        }
        return Decoded.ok(new DebugIo(in.getInt(0), WireBytes.u16(in, 4), WireBytes.u16(in, 6), in.getInt(8),
                in.getInt(0x0C), WireBytes.viewFrom(in, HEADER_LENGTH)));
    }

    /** The payload bytes: header, then data. */
    public byte[] encode() {
        int dataLength = data.remaining();
        return WireBytes.allocate(HEADER_LENGTH + dataLength).putInt(0, apiNumber)
                .putShort(4, (short) processorLevel).putShort(6, (short) processor).putInt(8, lengthOfString)
                .putInt(0x0C, lengthOfStringRead).put(HEADER_LENGTH, data, 0, dataLength).array();
    }

    /** All data bytes as ISO-8859-1 text: the printed string, the prompt or the answer. */
    public String text() {
        return new String(WireBytes.toArray(data), StandardCharsets.ISO_8859_1);
    }

    /** A read-only view of the data, at position 0. */
    @Override
    public ByteBuffer data() {
        return data.duplicate().order(WireBytes.ORDER);
    }

    @Override
    public String toString() {
        return String.format("DebugIo[api=0x%x level=0x%x processor=%d lengths=%d/%d text=\"%s\"]", apiNumber,
                processorLevel, processor, lengthOfString, lengthOfStringRead, text());
    }
}
