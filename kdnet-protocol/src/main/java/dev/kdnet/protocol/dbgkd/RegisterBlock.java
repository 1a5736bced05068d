package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * An immutable fixed-length block of raw bytes with named fields read and written in place, so bytes no field
 * names (reserved areas, padding, vector state) survive a round trip: the common part of {@link X64Context} and
 * {@link KSpecialRegisters}.
 *
 * @param <F> the field enum of the block
 */
abstract class RegisterBlock<F extends RegisterField> {
    private final ByteBuffer bytes;

    RegisterBlock(ByteBuffer bytes, int length, String what) {
        this.bytes = WireBytes.view(WireBytes.requireLength(bytes, length, what));
    }

    /** The remaining bytes of {@code bytes} made into a block (a view) if exactly {@code length}, else malformed. */
    static <T> Decoded<T> decodeExact(ByteBuffer bytes, int length, String what, Function<ByteBuffer, T> block) {
        if (bytes.remaining() != length) {
            return Decoded.malformed(what + " of " + bytes.remaining() + " bytes; expected " + length);
        }
        return Decoded.ok(block.apply(bytes));
    }

    /** The value of {@code field}, zero-extended when it is narrower than 8 bytes. */
    public long get(F field) {
        return WireBytes.getUnsigned(bytes, field.offset(), field.size());
    }

    /** The block's bytes (a copy). */
    public byte[] encode() {
        return WireBytes.toArray(bytes);
    }

    /** A copy of the bytes with {@code field} set; IllegalArgumentException if {@code value} does not fit it. */
    ByteBuffer bytesWith(F field, long value) {
        WireBytes.requireFits(value, field.size(), field.toString());
        return WireBytes.putUnsigned(WireBytes.copy(bytes), field.offset(), field.size(), value);
    }

    /** A copy of {@code length} bytes at {@code offset}. */
    byte[] slice(int offset, int length) {
        return WireBytes.toArray(WireBytes.view(bytes, offset, length));
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && bytes.equals(((RegisterBlock<?>) o).bytes);
    }

    @Override
    public int hashCode() {
        return bytes.hashCode();
    }
}
