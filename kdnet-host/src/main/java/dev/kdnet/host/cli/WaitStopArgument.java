package dev.kdnet.host.cli;

import dev.kdnet.protocol.args.UsageException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --wait-stop}: how long {@code g} in a script waits for the next stop: {@code forever} (empty), or a whole
 * number with a unit {@code ms}, {@code s}, {@code m} or {@code h} (a bare number is seconds).
 */
final class WaitStopArgument {
    /** The word for no limit, also the default. */
    static final String FOREVER = "forever";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    private WaitStopArgument() {
    }

    /** The limit {@code text} names; empty for {@code forever}; a one-line {@link UsageException} otherwise. */
    static Optional<Duration> parse(String text) {
        if (text.equalsIgnoreCase(FOREVER)) {
            return Optional.empty();
        }
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new UsageException("--wait-stop " + text + ": expected forever or a duration such as 500ms, 30s,"
                    + " 5m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration limit = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (limit.isZero()) {
            throw new UsageException("--wait-stop " + text + ": a wait must be longer than 0 (or forever)");
        }
        return Optional.of(limit);
    }
}
