package dev.kdnet.host.shell;

import dev.kdnet.protocol.WireBytes;
import java.util.List;

/** Values typed for a unit of 1, 2, 4 or 8 bytes, as the little-endian bytes {@code e*}, {@code s} and {@code f} use. */
final class UnitValues {
    private UnitValues() {
    }

    /** The bytes of {@code words}, each an expression that must fit in {@code unit} bytes. */
    static byte[] littleEndian(List<String> words, int unit, Expression expression) {
        byte[] bytes = new byte[words.size() * unit];
        for (int i = 0; i < words.size(); i++) {
            long value = expression.evaluate(words.get(i));
            if (unit < Long.BYTES && Long.compareUnsigned(value, (1L << (unit * 8)) - 1) > 0) {
                throw new ShellException("\"" + words.get(i) + "\" does not fit in " + unit + (unit == 1
                        ? " byte: bytes are 00-ff" : " bytes: the largest is " + "ff".repeat(unit)));
            }
            WireBytes.putUnsigned(WireBytes.wrap(bytes), i * unit, unit, value);
        }
        return bytes;
    }
}
