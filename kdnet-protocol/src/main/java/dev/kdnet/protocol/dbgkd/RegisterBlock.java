package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.LittleEndian;
import java.util.Arrays;
import java.util.function.Function;

/**
 * An immutable fixed-length block of raw bytes with named fields read and written in place, so bytes no field
 * names (reserved areas, padding, vector state) survive a round trip: the common part of {@link X64Context} and
 * {@link KSpecialRegisters}.
 *
 * @param <F> the field enum of the block
 */
abstract class RegisterBlock<F extends RegisterField> {
    private final byte[] bytes;

    RegisterBlock(byte[] bytes, int length, String what) {
        this.bytes = LittleEndian.requireLength(bytes, length, what).clone();
    }

    /** {@code bytes} made into a block if exactly {@code length} long, else malformed (never thrown). */
    static <T> Decoded<T> decodeExact(byte[] bytes, int length, String what, Function<byte[], T> block) {
        if (bytes.length != length) {
            return Decoded.malformed(what + " of " + bytes.length + " bytes; expected " + length);
        }
        return Decoded.ok(block.apply(bytes));
    }

    /** The value of {@code field}, zero-extended when it is narrower than 8 bytes. */
    public long get(F field) {
        return LittleEndian.get(bytes, field.offset(), field.size());
    }

    /** The block's bytes (a copy). */
    public byte[] encode() {
        return bytes.clone();
    }

    /** A copy of the bytes with {@code field} set; IllegalArgumentException if {@code value} does not fit it. */
    byte[] bytesWith(F field, long value) {
        LittleEndian.requireFits(value, field.size(), field.toString());
        byte[] copy = bytes.clone();
        LittleEndian.put(copy, field.offset(), field.size(), value);
        return copy;
    }

    /** A copy of {@code length} bytes at {@code offset}. */
    byte[] slice(int offset, int length) {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((RegisterBlock<?>) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
