package dev.kdnet.sim.cli;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The UDP ports to run targets on: one port P, or {@code FIRST-LAST} for one target per port.
 *
 * @param first the lowest port
 * @param last  the highest port, at least {@code first}
 */
record PortRange(int first, int last) {
    /** Lowest port of the range KDNET ports come from (bcdedit docs: 49152-65535, recommended 50000-50039). */
    static final int DYNAMIC_FIRST = 49152;

    public PortRange {
        requirePort(first);
        requirePort(last);
        if (first > last) {
            throw new UsageException("ports " + first + "-" + last + " run backwards; give the lower port first");
        }
    }

    /** The single port {@code port}. */
    static PortRange single(int port) {
        return new PortRange(port, port);
    }

    /** Parses {@code P} or {@code FIRST-LAST}. */
    static PortRange parse(String text) {
        String[] bounds = text.split("-", -1);
        if (bounds.length > 2) {
            throw new UsageException("ports \"" + text + "\" is not a port or a range like 50000-50039");
        }
        int first = number(bounds[0], text);
        return new PortRange(first, bounds.length == 1 ? first : number(bounds[1], text));
    }

    /** Parses one port number, as written in {@code port:P} of --dbgsettings. */
    static int parsePort(String text) {
        int port = number(text, text);
        requirePort(port);
        return port;
    }

    private static int number(String digits, String whole) {
        if (!digits.matches("[0-9]{1,5}")) {
            throw new UsageException("port \"" + whole + "\" is not a number");
        }
        return Integer.parseInt(digits);
    }

    private static void requirePort(int port) {
        if (port < 1 || port > 0xFFFF) {
            throw new UsageException("port " + port + " is outside 1-65535");
        }
    }

    /** Every port of the range, in order. */
    List<Integer> ports() {
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    /** True if some port lies below 49152, outside the range KDNET ports come from. */
    boolean leavesDynamicRange() {
        return first < DYNAMIC_FIRST;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
