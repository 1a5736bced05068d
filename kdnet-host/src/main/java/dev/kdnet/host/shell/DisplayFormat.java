package dev.kdnet.host.shell;

import dev.kdnet.protocol.WireBytes;

/**
 * How the memory displays lay out one line, as WinDbg does: the values of up to {@link #lineBytes()} bytes, and for
 * some the printable ASCII after them. The address at the start of the line is the caller's (virtual and physical
 * memory write it differently).
 */
enum DisplayFormat {
    /** {@code db}: 16 bytes, a {@code -} between the 8th and the 9th, then their ASCII. */
    BYTES(1, 16, true),
    /** {@code dw}: 8 words. */
    WORDS(2, 16, false),
    /** {@code dd}: 4 dwords. */
    DWORDS(4, 16, false),
    /** {@code dc}: 4 dwords, then the ASCII of their 16 bytes. */
    DWORDS_ASCII(4, 16, true),
    /** {@code dq}: 2 qwords with a backtick between the halves. */
    QWORDS(8, 16, false),
    /** {@code dps}/{@code dqs}: one pointer-size (8-byte) value per line. */
    POINTERS(8, 8, false);

    /** Width of a full line of bytes: 16 times {@code "xx"} with a separator between each two. */
    private static final int BYTE_COLUMNS = 16 * 3 - 1;

    private final int unit;
    private final int lineBytes;
    private final boolean ascii;

    DisplayFormat(int unit, int lineBytes, boolean ascii) {
        this.unit = unit;
        this.lineBytes = lineBytes;
        this.ascii = ascii;
    }

    /** The size of one value in bytes. */
    int unit() {
        return unit;
    }

    /** How many bytes one line shows. */
    int lineBytes() {
        return lineBytes;
    }

    /** The values of {@code count} bytes of {@code bytes} from {@code offset} (at most one line's worth). */
    String line(byte[] bytes, int offset, int count) {
        if (this == BYTES) {
            StringBuilder hex = new StringBuilder(HexBytes.spaced(bytes, offset, count));
            if (count > 8) {
                hex.setCharAt(8 * 3 - 1, '-');
            }
            return String.format("%-" + BYTE_COLUMNS + "s  %s", hex, HexBytes.ascii(bytes, offset, count));
        }
        StringBuilder text = new StringBuilder();
        int values = count / unit;
        for (int i = 0; i < values; i++) {
            long value = WireBytes.getUnsigned(WireBytes.wrap(bytes), offset + i * unit, unit);
            text.append(i == 0 ? "" : " ").append(unit == 8 ? Hex.address(value)
                    : String.format("%0" + unit * 2 + "x", value));
        }
        if (ascii) {
            int width = (lineBytes / unit) * (unit * 2 + 1) - 1;
            return String.format("%-" + width + "s  %s", text, HexBytes.ascii(bytes, offset, values * unit));
        }
        return text.toString();
    }
}
