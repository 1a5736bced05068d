package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

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
 * @param union     the 56-byte union (a read-only view of the remaining bytes given, not copied)
 * @param data      the bytes after the header (a read-only view of the remaining bytes given, not copied)
 */
public record FileIo(int apiNumber, int status, ByteBuffer union, ByteBuffer data) {
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

    /** IllegalArgumentException unless the union is 56 bytes. */
    public FileIo {
        union = WireBytes.view(WireBytes.requireLength(union, UNION_LENGTH, "file I/O union"));
        data = WireBytes.view(data);
    }

    /** The refusal of {@code request}: its 64-byte header echoed with Status STATUS_NO_SUCH_FILE, no data. */
    public static FileIo createFileRefusal(FileIo request) {
        return new FileIo(request.apiNumber, NtStatus.NO_SUCH_FILE, request.union, WireBytes.empty());
    }

    /**
     * Decodes the remaining bytes of {@code payload} (its position is left alone); malformed (never thrown) if
     * they are shorter than the 64-byte header. Union and data are views of {@code payload}.
     */
    public static Decoded<FileIo> decode(ByteBuffer payload) {
        ByteBuffer in = WireBytes.view(payload);
        if (in.remaining() < HEADER_LENGTH) {
            return Decoded.malformed(
                    "file I/O payload of " + in.remaining() + " bytes; expected at least " + HEADER_LENGTH);
        }
        return Decoded.ok(new FileIo(in.getInt(0), in.getInt(4), WireBytes.view(in, UNION_OFFSET, UNION_LENGTH),
                WireBytes.viewFrom(in, HEADER_LENGTH)));
    }

    /** The payload bytes: header, then data. */
    public byte[] encode() {
        int dataLength = data.remaining();
        return WireBytes.allocate(HEADER_LENGTH + dataLength).putInt(0, apiNumber).putInt(4, status)
                .put(UNION_OFFSET, union, 0, UNION_LENGTH).put(HEADER_LENGTH, data, 0, dataLength).array();
    }

    /** The data read as a UTF-16LE string up to its first NUL character: a CreateFile request's file name. */
    public String fileName() {
        byte[] bytes = WireBytes.toArray(data);
        String text = new String(bytes, 0, bytes.length & ~1, StandardCharsets.UTF_16LE);
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    /** A read-only view of the union, at position 0. */
    @Override
    public ByteBuffer union() {
        return union.duplicate().order(WireBytes.ORDER);
    }

    /** A read-only view of the data, at position 0. */
    @Override
    public ByteBuffer data() {
        return data.duplicate().order(WireBytes.ORDER);
    }

    @Override
    public String toString() {
        return String.format("FileIo[api=0x%x status=0x%08x union=%s data=%d bytes]", apiNumber, status,
                HexFormat.of().formatHex(WireBytes.toArray(union)), data.remaining());
    }
}
