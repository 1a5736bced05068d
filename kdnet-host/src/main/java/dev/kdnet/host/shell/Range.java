package dev.kdnet.host.shell;

import java.util.List;

/**
 * An address with a length, as commands take it: {@code ADDR}, {@code ADDR L COUNT} or {@code ADDR L?COUNT}, the
 * count an expression (hexadecimal by default) in elements of the command's unit (bytes for {@code db}, dwords for
 * {@code dd}). Counts are 64-bit and unsigned; what a command can take is its own limit ({@link #bytes}).
 *
 * @param address the first address
 * @param count   the number of elements (unsigned, never 0)
 * @param unit    the size of an element in bytes
 */
record Range(long address, long count, int unit) {
    /** The longest range a command takes without {@code L?}, in bytes (a guard against a mistyped length). */
    static final long PLAIN_LIMIT = 256 * 1024;

    /** The most a display or search command reads at once, in bytes: 16 MiB, about a million lines of output. */
    static final long DISPLAY_LIMIT = 16L * 1024 * 1024;

    /** Parses {@code args} ({@code ADDR [L COUNT]}), with {@code defaultCount} when no length is given. */
    static Range parse(List<String> args, Expression expression, long defaultCount, int unit) {
        String joined = String.join(" ", args);
        int l = indexOfLength(joined);
        if (l < 0) {
            return new Range(expression.evaluate(joined), defaultCount, unit);
        }
        String lengthText = joined.substring(l + 1).trim();
        boolean unlimited = lengthText.startsWith("?");
        long count = expression.evaluate(unlimited ? lengthText.substring(1) : lengthText);
        if (count == 0) {
            throw new ShellException("length " + lengthText + " is zero: give at least 1");
        }
        if (!unlimited && Long.compareUnsigned(count, PLAIN_LIMIT / unit) > 0) {
            throw new ShellException("length " + lengthText + " is over 256 KiB; write L?" + lengthText
                    + " to mean it");
        }
        return new Range(expression.evaluate(joined.substring(0, l)), count, unit);
    }

    /**
     * The number of bytes the range covers, if at most {@code limit}; otherwise a one-line refusal naming
     * {@code command}, its limit and {@code instead} (what to use for more).
     */
    long bytes(long limit, String command, String instead) {
        if (Long.compareUnsigned(count, limit / unit) > 0) {
            throw new ShellException(String.format("%s takes at most %#x bytes (%s), not %s %s: %s", command, limit,
                    sizeText(limit), countText(), unit == 1 ? "bytes" : unit + "-byte units", instead));
        }
        return count * unit;
    }

    private String countText() {
        return "0x" + Long.toUnsignedString(count, 16);
    }

    private static String sizeText(long bytes) {
        long mib = bytes >>> 20;
        return mib >= 1024 ? (mib >>> 10) + " GiB" : mib + " MiB";
    }

    private static int indexOfLength(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'L' || c == 'l') && text.charAt(i - 1) == ' ') {
                return i;
            }
        }
        return -1;
    }
}
