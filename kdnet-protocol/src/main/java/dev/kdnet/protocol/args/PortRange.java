package dev.kdnet.protocol.args;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Consecutive UDP ports as the user writes them: one port {@code P}, or {@code FIRST-LAST} (e.g. 50000-50039).
 *
 * @param first the lowest port
 * @param last  the highest port, at least {@code first}
 */
public record PortRange(int first, int last) {
    /** Checks both ports and their order; a mistake is a {@link UsageException}. */
    public PortRange {
        PortArgument.check(first);
        PortArgument.check(last);
        if (first > last) {
            throw new UsageException("ports " + first + "-" + last + " run backwards; give the lower port first");
        }
    }

    /** The single port {@code port}. */
    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    /**
     * Parses {@code P} or {@code FIRST-LAST}.
     *
     * @throws UsageException e.g. {@code port "50000-x" is not a number}, {@code ports 50039-50000 run backwards; …}
     */
    public static PortRange parse(String text) {
        String[] bounds = text.split("-", -1);
        if (bounds.length > 2) {
            throw new UsageException("ports \"" + text + "\" is not a port or a range like 50000-50039");
        }
        int first = bound(bounds[0], text);
        return new PortRange(first, bounds.length == 1 ? first : bound(bounds[1], text));
    }

    private static int bound(String port, String whole) {
        if (!port.strip().matches("[0-9]+")) {
            throw new UsageException("port \"" + whole + "\" is not a number");
        }
        return PortArgument.parse(port);
    }

    /** Every port of the range, in order. */
    public List<Integer> ports() {
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    /** True if some port lies below {@link PortArgument#DYNAMIC_FIRST}, outside the range KDNET ports come from. */
    public boolean leavesDynamicRange() {
        return first < PortArgument.DYNAMIC_FIRST;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
