package dev.kdnet.protocol.dbgkd;

/**
 * Little-endian field access on byte arrays, plus the length and range checks every layout of this package
 * shares. A 32-bit field is handled as the 32 raw bits of an {@code int}.
 */
final class Le {
    private Le() {
    }

    /** The unsigned {@code size}-byte value at {@code offset} (a size of 8 gives the raw 64 bits). */
    static long get(byte[] bytes, int offset, int size) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    /** Writes the low {@code size} bytes of {@code value} at {@code offset}. */
    static void put(byte[] bytes, int offset, int size, long value) {
        for (int i = 0; i < size; i++) {
            bytes[offset + i] = (byte) (value >>> 8 * i);
        }
    }

    static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xFF;
    }

    static int u16(byte[] bytes, int offset) {
        return (int) get(bytes, offset, 2);
    }

    static int u32(byte[] bytes, int offset) {
        return (int) get(bytes, offset, 4);
    }

    static long u64(byte[] bytes, int offset) {
        return get(bytes, offset, 8);
    }

    static void putU8(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
    }

    static void putU16(byte[] bytes, int offset, int value) {
        put(bytes, offset, 2, value);
    }

    static void putU32(byte[] bytes, int offset, int value) {
        put(bytes, offset, 4, value);
    }

    static void putU64(byte[] bytes, int offset, long value) {
        put(bytes, offset, 8, value);
    }

    /** {@code bytes} if it is exactly {@code length} long, else IllegalArgumentException. */
    static byte[] requireLength(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** {@code value} if it fits in {@code size} unsigned bytes (any value when size is 8); else an exception. */
    static long requireFits(long value, int size, String what) {
        if (size < 8 && value >>> 8 * size != 0) {
            throw new IllegalArgumentException(
                    what + " is " + size + " byte(s) wide; 0x" + Long.toHexString(value) + " does not fit");
        }
        return value;
    }

    /** {@code value} if it fits in {@code size} unsigned bytes, else IllegalArgumentException. */
    static int requireFits(int value, int size, String what) {
        requireFits(value & 0xFFFF_FFFFL, size, what);
        return value;
    }
}
