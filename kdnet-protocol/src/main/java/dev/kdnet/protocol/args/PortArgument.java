package dev.kdnet.protocol.args;

/** A UDP port as the user writes it: a decimal number 1-65535. */
public final class PortArgument {
    /** The lowest port. */
    public static final int FIRST = 1;
    /** The highest port. */
    public static final int LAST = 0xFFFF;
    /** Lowest port of the range KDNET ports come from (bcdedit: 49152-65535, recommended 50000-50039). */
    public static final int DYNAMIC_FIRST = 49152;
    private static final int MAX_DIGITS = 5;

    private PortArgument() {
    }

    /**
     * Parses {@code text} (surrounding blanks ignored).
     *
     * @throws UsageException {@code port "fifty" is not a number} or {@code port 70000 is outside 1-65535}
     */
    public static int parse(String text) {
        String digits = text.strip();
        if (!digits.matches("[0-9]+")) {
            throw new UsageException("port \"" + text + "\" is not a number");
        }
        if (digits.length() > MAX_DIGITS) {
            throw outside(digits);
        }
        return check(Integer.parseInt(digits));
    }

    /**
     * Parses {@code text} as a port bcdedit accepts for KDNET: 49152-65535 (the dynamic range; 50000-50039
     * recommended), for commands that print a bcdedit line.
     *
     * @throws UsageException {@code port 80 is outside 49152-65535, the ports bcdedit takes for KDNET (50000-50039
     *                        recommended)}, or as {@link #parse}
     */
    public static int parseKdnet(String text) {
        int port = parse(text);
        if (port < DYNAMIC_FIRST) {
            throw new UsageException("port " + port + " is outside " + DYNAMIC_FIRST + "-" + LAST
                    + ", the ports bcdedit takes for KDNET (50000-50039 recommended)");
        }
        return port;
    }

    /**
     * Returns {@code port} if it is 1-65535.
     *
     * @throws UsageException {@code port 0 is outside 1-65535}
     */
    public static int check(int port) {
        if (port < FIRST || port > LAST) {
            throw outside(Integer.toString(port));
        }
        return port;
    }

    private static UsageException outside(String port) {
        return new UsageException("port " + port + " is outside " + FIRST + "-" + LAST);
    }
}
