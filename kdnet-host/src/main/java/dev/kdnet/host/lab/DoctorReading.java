package dev.kdnet.host.lab;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lab's {@code ./kdnet host doctor} printed, read back: its verdict line and how many hops away the target
 * is, from the IP TTL of the first source whose line gives it.
 *
 * @param verdict the doctor's verdict line ("verdict: ..."), if it printed one
 * @param hops how many routers lie between the target and the host, if a datagram showed it
 */
public record DoctorReading(Optional<String> verdict, OptionalInt hops) {
    /** What the doctor's last line starts with. */
    public static final String VERDICT = "verdict: ";
    /** A source line: "from ADDR:PORT to UDP P: ..., TTL T: N hop(s) away". */
    private static final Pattern SOURCE_HOPS = Pattern.compile("^from \\S+ to UDP .*\\b(\\d+) hops? away");

    /** Reads the doctor's output lines. */
    public static DoctorReading of(List<String> lines) {
        Optional<String> verdict = lines.stream().map(String::strip).filter(line -> line.startsWith(VERDICT))
                .reduce((first, last) -> last);
        for (String line : lines) {
            Matcher matcher = SOURCE_HOPS.matcher(line.strip());
            if (matcher.find()) {
                return new DoctorReading(verdict, OptionalInt.of(Integer.parseInt(matcher.group(1))));
            }
        }
        return new DoctorReading(verdict, OptionalInt.empty());
    }

    /** "hops: N", or why the number is unknown, for the lab's summary. */
    public String hopsText() {
        return hops.isPresent() ? "hops: " + hops.getAsInt()
                : "hops: unknown (no datagram of the target reached the host doctor)";
    }
}
