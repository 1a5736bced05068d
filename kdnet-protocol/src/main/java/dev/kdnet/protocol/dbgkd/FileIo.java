package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A KD_FILE_IO payload: DBGKD_FILE_IO, a 64-byte header and data (kd-protocol §3.8):
 *
 * <pre>
 *   0x00  4  ApiNumber ({@link #CREATE_FILE}, {@link #READ_FILE}, {@link #WRITE_FILE}, {@link #CLOSE_FILE})
 *   0x04  4  Status
 *   0x08 56  per-API union, raw
 *   0x40  …  data (CreateFile: the UTF-16LE file name, NUL-terminated)
 * </pre>
 *
 * <p>Boot loaders send CreateFile for {@code .kdfiles}; a host that serves no files answers with
 * {@link #createFileRefusal}. Every byte is kept, so {@code decode(bytes).encode()} gives {@code bytes} back.
 *
 * @param apiNumber the FILE_IO ApiNumber
 * @param status    NTSTATUS of a reply
 * @param union     the 56-byte union (copied)
 * @param data      the bytes after the header (copied)
 */
public record FileIo(int apiNumber, int status, byte[] union, byte[] data) {
    /** Length of the header. */
    public static final int HEADER_LENGTH = 64;
    /** Length of the union. */
    public static final int UNION_LENGTH = 56;
    /** ApiNumber of CreateFile. */
    public static final int CREATE_FILE = 0x3430;
    /** ApiNumber of ReadFile. */
    public static final int READ_FILE = 0x3431;
    /** ApiNumber of WriteFile. */
    public static final int WRITE_FILE = 0x3432;
    /** ApiNumber of CloseFile. */
    public static final int CLOSE_FILE = 0x3433;
    private static final int UNION_OFFSET = 8;

    /** Copies the arrays; IllegalArgumentException unless the union is 56 bytes. */
    public FileIo {
        union = LittleEndian.requireLength(union, UNION_LENGTH, "file I/O union").clone();
        data = data.clone();
    }

    /** The refusal of {@code request}: its 64-byte header echoed with Status STATUS_NO_SUCH_FILE, no data. */
    public static FileIo createFileRefusal(FileIo request) {
        return new FileIo(request.apiNumber, NtStatus.NO_SUCH_FILE, request.union, new byte[0]);
    }

    /** Decodes a payload; malformed (never thrown) if it is shorter than the 64-byte header. */
    public static Decoded<FileIo> decode(byte[] payload) {
        if (payload.length < HEADER_LENGTH) {
            return Decoded.malformed(
                    "file I/O payload of " + payload.length + " bytes; expected at least " + HEADER_LENGTH);
        }
        return Decoded.ok(new FileIo(LittleEndian.u32(payload, 0), LittleEndian.u32(payload, 4),
                Arrays.copyOfRange(payload, UNION_OFFSET, HEADER_LENGTH),
                Arrays.copyOfRange(payload, HEADER_LENGTH, payload.length)));
    }

    /** The payload bytes: header, then data. */
    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + data.length];
        LittleEndian.putU32(out, 0, apiNumber);
        LittleEndian.putU32(out, 4, status);
        System.arraycopy(union, 0, out, UNION_OFFSET, UNION_LENGTH);
        System.arraycopy(data, 0, out, HEADER_LENGTH, data.length);
        return out;
    }

    /** The data read as a UTF-16LE string up to its first NUL character: a CreateFile request's file name. */
    public String fileName() {
        String text = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    /** The union (a copy). */
    @Override
    public byte[] union() {
        return union.clone();
    }

    /** The data (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileIo f && apiNumber == f.apiNumber && status == f.status
                && Arrays.equals(union, f.union) && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiNumber, status, Arrays.hashCode(union), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return String.format("FileIo[api=0x%x status=0x%08x union=%s data=%d bytes]", apiNumber, status,
                HexFormat.of().formatHex(union), data.length);
    }
}
