package dev.kdnet.host.cli;

import ch.qos.logback.classic.Level;
import dev.kdnet.protocol.args.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The log options of the commands that debug a target ({@code listen}, {@code demo}): how much, and where. */
final class LogOptions {
    /** The levels {@code --log-level} takes, least to most. */
    static final List<String> LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");

    @Option(names = {"-q", "--quiet"}, description = "Log warnings and errors only (--log-level warn).")
    private boolean quiet;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "How much to log: off, error, warn, info (default), debug (every resend too) or trace.")
    private String level;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Append log lines to FILE instead of showing them (above the prompt, or on stderr).")
    private Path file;

    /** The level chosen; a one-line {@link UsageException} for a level that is not one or for both options. */
    Level level() {
        if (quiet && level != null) {
            throw new UsageException("-q and --log-level exclude each other; give one");
        }
        if (quiet) {
            return Level.WARN;
        }
        if (level == null) {
            return Level.INFO;
        }
        String name = level.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(name)) {
            throw new UsageException("--log-level " + level + " is not a level; expected one of "
                    + String.join(", ", LEVELS));
        }
        return Level.toLevel(name);
    }

    /** The log file, if log lines go to one. */
    Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
