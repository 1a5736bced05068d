package dev.kdnet.protocol;

/**
 * Little-endian field access on byte arrays, plus the length and range checks the KD and DBGKD layouts share.
 * A 32-bit field is handled as the 32 raw bits of an {@code int}.
 */
public final class LittleEndian {
    private LittleEndian() {
    }

    /** The unsigned {@code size}-byte value at {@code offset} (a size of 8 gives the raw 64 bits). */
    public static long get(byte[] bytes, int offset, int size) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    /** Writes the low {@code size} bytes of {@code value} at {@code offset}. */
    public static void put(byte[] bytes, int offset, int size, long value) {
        for (int i = 0; i < size; i++) {
            bytes[offset + i] = (byte) (value >>> 8 * i);
        }
    }

    /** The unsigned byte at {@code offset}. */
    public static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xFF;
    }

    /** The unsigned 16-bit value at {@code offset}. */
    public static int u16(byte[] bytes, int offset) {
        return (int) get(bytes, offset, 2);
    }

    /** The 32 bits at {@code offset}. */
    public static int u32(byte[] bytes, int offset) {
        return (int) get(bytes, offset, 4);
    }

    /** The 64 bits at {@code offset}. */
    public static long u64(byte[] bytes, int offset) {
        return get(bytes, offset, 8);
    }

    /** Writes one byte at {@code offset}. */
    public static void putU8(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
    }

    /** Writes a 16-bit value at {@code offset}. */
    public static void putU16(byte[] bytes, int offset, int value) {
        put(bytes, offset, 2, value);
    }

    /** Writes a 32-bit value at {@code offset}. */
    public static void putU32(byte[] bytes, int offset, int value) {
        put(bytes, offset, 4, value);
    }

    /** Writes a 64-bit value at {@code offset}. */
    public static void putU64(byte[] bytes, int offset, long value) {
        put(bytes, offset, 8, value);
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
