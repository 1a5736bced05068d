package dev.kdnet.protocol.dbgkd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.function.Function;

/** The contract of {@link UnionView}, checked on seeded random unions. */
final class UnionViewProperties {
    private UnionViewProperties() {
    }

    /**
     * Checks a view: reading and writing back is the identity, writing into another union changes exactly the
     * bytes of {@code fields} (pairs of start, end offsets) and leaves its argument alone, and unions of the
     * wrong length are rejected.
     */
    static void check(int unionLength, Function<ByteBuffer, ? extends UnionView> from, int... fields) {
        boolean[] owned = new boolean[unionLength];
        for (int f = 0; f < fields.length; f += 2) {
            for (int i = fields[f]; i < fields[f + 1]; i++) {
                owned[i] = true;
            }
        }
        SplittableRandom random = new SplittableRandom(0xDB6CDL);
        for (int round = 0; round < 500; round++) {
            byte[] source = randomBytes(random, unionLength);
            byte[] other = randomBytes(random, unionLength);
            byte[] otherBefore = other.clone();
            UnionView view = from.apply(ByteBuffer.wrap(source));

            assertThat(WireBytes.toArray(view.writeInto(ByteBuffer.wrap(source)))).as("round %d: read then write back", round).isEqualTo(source);
            byte[] written = WireBytes.toArray(view.writeInto(ByteBuffer.wrap(other)));
            assertThat(other).as("round %d: argument untouched", round).isEqualTo(otherBefore);
            for (int i = 0; i < unionLength; i++) {
                assertThat(written[i]).as("round %d, union byte 0x%x", round, i)
                        .isEqualTo(owned[i] ? source[i] : other[i]);
            }
            assertThat(from.apply(ByteBuffer.wrap(written))).isEqualTo(view);
        }
        assertThatThrownBy(() -> from.apply(ByteBuffer.wrap(new byte[unionLength - 1]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> from.apply(ByteBuffer.wrap(new byte[unionLength])).writeInto(ByteBuffer.wrap(new byte[unionLength + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code length} bytes holding 0, 1, 2, … so that a field's value shows its offset. */
    static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
