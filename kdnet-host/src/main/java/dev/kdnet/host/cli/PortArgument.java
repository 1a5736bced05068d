package dev.kdnet.host.cli;

import java.util.ArrayList;
import java.util.List;

/** UDP ports as the host takes them: one port ({@code 50000}) or a range ({@code 50000-50039}). */
final class PortArgument {
    private PortArgument() {
    }

    /** One port, 1..65535. */
    static int parse(String text) {
        int port;
        try {
            port = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("port \"" + text + "\" is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("port " + port + " is outside 1-65535");
        }
        return port;
    }

    /** A port or a range FIRST-LAST, lowest first. */
    static List<Integer> range(String text) {
        String[] ends = text.split("-", 2);
        int first = parse(ends[0]);
        int last = ends.length == 2 ? parse(ends[1]) : first;
        if (last < first) {
            throw new UsageException("ports " + text + " run backwards; give the lower port first");
        }
        List<Integer> ports = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            ports.add(p);
        }
        return ports;
    }
}
