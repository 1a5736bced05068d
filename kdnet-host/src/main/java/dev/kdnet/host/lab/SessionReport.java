package dev.kdnet.host.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lab's debugging host printed ({@code ./kdnet host listen -c} with {@link #COMMANDS}), read back: whether
 * a target attached, the first bytes of a memory read, the round trip time.
 *
 * @param attached the host's "Connected to ..." line, if a target attached
 * @param read the first line {@code db} printed, if the read succeeded
 * @param rtt the smoothed round trip time from {@code .kdstats}, e.g. {@code 0.412 ms}, if a round trip was measured
 * @param silence the host's last line saying why nothing attached, if it printed one
 */
public record SessionReport(Optional<String> attached, Optional<String> read, Optional<String> rtt,
        Optional<String> silence) {
    /** The host's commands once attached: one read of the kernel's header, the statistics, quit. */
    public static final String COMMANDS = "db nt L10; .kdstats; q";
    private static final Pattern CONNECTED = Pattern.compile("Connected to .* target on UDP \\d+");
    private static final Pattern DUMP_LINE = Pattern.compile("[0-9a-f]{8}`[0-9a-f]{8}\\s+[0-9a-f]{2}( [0-9a-f]{2}|-[0-9a-f]{2})+.*");
    /** The host's periodic diagnosis while nothing attaches; the reason follows the colon after the time. */
    private static final Pattern SILENCE = Pattern.compile("nothing attached after \\d+ s: (.*)");
    private static final Pattern RTT = Pattern.compile("RTT: [1-9]\\d* samples, smoothed (\\d+\\.\\d+ ms)");

    /** Reads the host's output lines. */
    public static SessionReport of(List<String> lines) {
        return new SessionReport(first(lines, CONNECTED, 0), first(lines, DUMP_LINE, 0), first(lines, RTT, 1),
                first(reversed(lines), SILENCE, 1));
    }

    /** Whether the session came up: a target attached and the read succeeded. */
    public boolean up() {
        return attached.isPresent() && read.isPresent();
    }

    /** One line for the lab's summary. */
    public String summary() {
        if (attached.isEmpty()) {
            return "no session: no target attached" + silence.map(reason -> "; the host says: " + reason).orElse("");
        }
        return "session up: " + attached.get() + "; read " + read.map(String::strip).orElse("failed") + "; RTT "
                + rtt.orElse("not measured");
    }

    private static List<String> reversed(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.reverse(copy);
        return copy;
    }

    private static Optional<String> first(List<String> lines, Pattern pattern, int group) {
        for (String line : lines) {
            Matcher matcher = pattern.matcher(line.strip());
            if (matcher.find()) {
                return Optional.of(matcher.group(group));
            }
        }
        return Optional.empty();
    }
}
