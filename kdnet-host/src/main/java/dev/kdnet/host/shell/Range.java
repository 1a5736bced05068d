package dev.kdnet.host.shell;

import java.util.List;

/**
 * An address with a length, as commands take it: {@code ADDR}, {@code ADDR L COUNT} or {@code ADDR L?COUNT}, the
 * count in hexadecimal and in elements of the command's unit (bytes for {@code db}, dwords for {@code dd}).
 *
 * @param address the first address
 * @param count   the number of elements
 */
record Range(long address, long count) {
    /** The longest range a command reads without {@code L?} (WinDbg's 256 KiB guard). */
    static final long PLAIN_LIMIT = 256 * 1024;

    /** Parses {@code args} ({@code ADDR [L COUNT]}), with {@code defaultCount} when no length is given. */
    static Range parse(List<String> args, Expression expression, long defaultCount, int unit) {
        String joined = String.join(" ", args);
        int l = indexOfLength(joined);
        if (l < 0) {
            return new Range(expression.evaluate(joined), defaultCount);
        }
        String lengthText = joined.substring(l + 1).trim();
        boolean unlimited = lengthText.startsWith("?");
        long count = expression.evaluate(unlimited ? lengthText.substring(1) : lengthText);
        if (count <= 0) {
            throw new ShellException("length " + lengthText + " is not positive");
        }
        if (!unlimited && count * unit > PLAIN_LIMIT) {
            throw new ShellException("length " + lengthText + " is over 256 KiB; write L?" + lengthText
                    + " to mean it");
        }
        return new Range(expression.evaluate(joined.substring(0, l)), count);
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
