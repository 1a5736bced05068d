package dev.kdnet.host.relay;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the relay's shares ({@code 5%}, {@code 0.5%}) and durations ({@code 1ms}, {@code 0.5ms}, {@code 2s}). */
public final class ImpairmentText {
    private static final Pattern SHARE = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    private static final String ZERO = "0";
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s)");

    private ImpairmentText() {
    }

    /**
     * A percentage as a fraction 0..1.
     *
     * @throws IllegalArgumentException saying what is expected if {@code text} is not a percentage 0-100%
     */
    public static double share(String text) {
        Matcher matcher = SHARE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a share like 5% or 0.5%");
        }
        double percent = Double.parseDouble(matcher.group(1));
        if (percent > 100) {
            throw new IllegalArgumentException("a share must be 0-100%");
        }
        return percent / 100;
    }

    /**
     * A duration in microseconds, milliseconds or seconds, to the nanosecond; a bare {@code 0} is no time at all
     * (as in {@code --sweep delay=0,0.5ms}).
     *
     * @throws IllegalArgumentException saying what is expected if {@code text} is not such a duration
     */
    public static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (ZERO.equals(text.strip())) {
            return Duration.ZERO;
        }
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a duration like 1ms, 0.5ms or 2s");
        }
        double nanosPerUnit = switch (matcher.group(2)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        double nanos = Double.parseDouble(matcher.group(1)) * nanosPerUnit;
        if (nanos > Long.MAX_VALUE) {
            throw new IllegalArgumentException("duration is too long");
        }
        return Duration.ofNanos(Math.round(nanos));
    }
}
