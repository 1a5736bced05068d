package dev.kdnet.protocol.args;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as options write them (--duration, --for): {@code 30s}, {@code 500ms}, {@code 2m}, or a number of seconds. */
public final class DurationText {
    private static final Pattern SHAPE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");
    private static final long NANOS_PER_MILLI = 1_000_000;
    private static final long MILLIS_PER_SECOND = 1_000;
    private static final long SECONDS_PER_MINUTE = 60;

    private DurationText() {
    }

    /** The duration {@code text} gives; IllegalArgumentException saying what {@code option} expects otherwise. */
    public static Duration parse(String option, String text) {
        Matcher matcher = SHAPE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + " " + text + " is not a duration; expected e.g. 30s, 500ms"
                    + " or 2m");
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        double millis = switch (unit) {
            case "ms" -> value;
            case "m" -> value * SECONDS_PER_MINUTE * MILLIS_PER_SECOND;
            default -> value * MILLIS_PER_SECOND;
        };
        return Duration.ofNanos(Math.round(millis * NANOS_PER_MILLI));
    }
}
