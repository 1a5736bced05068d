package dev.kdnet.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one way kdnet-protocol reads and writes wire structures: {@link ByteBuffer}s in little-endian order, read and
 * written with absolute {@code get}/{@code put} at the structure's offsets (docs/protocol.md, "Reading and writing
 * wire structures"). This class holds what the JDK leaves to each caller: the byte order, which {@code slice},
 * {@code duplicate} and {@code asReadOnlyBuffer} reset to big-endian; read-only views, so a decoded structure can
 * share the bytes it was decoded from instead of copying them; unsigned reads; and the width and length checks.
 *
 * <p>A view covers the <em>remaining</em> bytes of its source (position to limit) and starts at index 0, so
 * offsets in the layouts of kd-protocol apply to it unchanged. Views are not copies: whoever builds a structure
 * from a buffer must not change that buffer afterwards.
 */
public final class WireBytes {
    /** The byte order of every KD and DBGKD field. */
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).order(ORDER).asReadOnlyBuffer().order(ORDER);

    private WireBytes() {
    }

    /** A zeroed, writable little-endian buffer of {@code length} bytes. */
    public static ByteBuffer allocate(int length) {
        return ByteBuffer.allocate(length).order(ORDER);
    }

    /** A writable little-endian buffer over {@code bytes} (not copied). */
    public static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ORDER);
    }

    /** A read-only little-endian view of {@code bytes} (not copied). */
    public static ByteBuffer view(byte[] bytes) {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ORDER);
    }

    /** A read-only little-endian view of the remaining bytes of {@code bytes}, at index 0. */
    public static ByteBuffer view(ByteBuffer bytes) {
        return bytes.slice().asReadOnlyBuffer().order(ORDER);
    }

    /** A read-only little-endian view of {@code length} bytes at {@code offset} of the remaining bytes. */
    public static ByteBuffer view(ByteBuffer bytes, int offset, int length) {
        return bytes.slice(bytes.position() + offset, length).asReadOnlyBuffer().order(ORDER);
    }

    /** A read-only view of the remaining bytes of {@code bytes} from {@code offset} on. */
    public static ByteBuffer viewFrom(ByteBuffer bytes, int offset) {
        return view(bytes, offset, bytes.remaining() - offset);
    }

    /** An empty read-only buffer. */
    public static ByteBuffer empty() {
        return EMPTY.duplicate().order(ORDER);
    }

    /** A writable little-endian copy of the remaining bytes of {@code bytes}, at index 0. */
    public static ByteBuffer copy(ByteBuffer bytes) {
        ByteBuffer copy = allocate(bytes.remaining());
        copy.put(0, bytes, bytes.position(), bytes.remaining());
        return copy;
    }

    /** A new array holding the remaining bytes of {@code bytes} (its position is left alone). */
    public static byte[] toArray(ByteBuffer bytes) {
        byte[] array = new byte[bytes.remaining()];
        bytes.get(bytes.position(), array);
        return array;
    }

    /** The unsigned byte at {@code offset}. */
    public static int u8(ByteBuffer bytes, int offset) {
        return Byte.toUnsignedInt(bytes.get(offset));
    }

    /** The unsigned 16-bit value at {@code offset}. */
    public static int u16(ByteBuffer bytes, int offset) {
        return Short.toUnsignedInt(bytes.getShort(offset));
    }

    /** The unsigned {@code size}-byte value (1, 2, 4 or 8) at {@code offset}; a size of 8 gives the raw 64 bits. */
    public static long getUnsigned(ByteBuffer bytes, int offset, int size) {
        return switch (size) {
            case 1 -> u8(bytes, offset);
            case 2 -> u16(bytes, offset);
            case 4 -> Integer.toUnsignedLong(bytes.getInt(offset));
            case 8 -> bytes.getLong(offset);
            default -> throw new IllegalArgumentException("no " + size + "-byte field; sizes are 1, 2, 4 and 8");
        };
    }

    /** Writes the low {@code size} bytes (1, 2, 4 or 8) of {@code value} at {@code offset}. */
    public static ByteBuffer putUnsigned(ByteBuffer bytes, int offset, int size, long value) {
        return switch (size) {
            case 1 -> bytes.put(offset, (byte) value);
            case 2 -> bytes.putShort(offset, (short) value);
            case 4 -> bytes.putInt(offset, (int) value);
            case 8 -> bytes.putLong(offset, value);
            default -> throw new IllegalArgumentException("no " + size + "-byte field; sizes are 1, 2, 4 and 8");
        };
    }

    /** {@code bytes} if exactly {@code length} bytes remain in it, else IllegalArgumentException. */
    public static ByteBuffer requireLength(ByteBuffer bytes, int length, String what) {
        if (bytes.remaining() != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, not " + bytes.remaining());
        }
        return bytes;
    }

    /** {@code bytes} if it is exactly {@code length} long, else IllegalArgumentException. */
    public static byte[] requireLength(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** {@code value} if it fits in {@code size} unsigned bytes (any value when size is 8); else an exception. */
    public static long requireFits(long value, int size, String what) {
        if (size < 8 && value >>> 8 * size != 0) {
            throw new IllegalArgumentException(
                    what + " is " + size + " byte(s) wide; 0x" + Long.toHexString(value) + " does not fit");
        }
        return value;
    }

    /** {@code value} if it fits in {@code size} unsigned bytes, else IllegalArgumentException. */
    public static int requireFits(int value, int size, String what) {
        requireFits(value & 0xFFFF_FFFFL, size, what);
        return value;
    }
}
