package dev.kdnet.host.cli;

import dev.kdnet.host.relay.Impairment;
import dev.kdnet.host.relay.ImpairmentText;
import dev.kdnet.protocol.args.UsageException;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The impairment options of the relay and the load test: how badly each direction is treated. */
final class ImpairmentOptions {
    @Option(names = "--loss", paramLabel = "SHARE", defaultValue = "0%", description = "Share dropped, e.g. 5%%"
            + " (default: ${DEFAULT-VALUE}).")
    private String loss;

    @Option(names = "--dup", paramLabel = "SHARE", defaultValue = "0%", description = "Share sent twice (default:"
            + " ${DEFAULT-VALUE}).")
    private String duplicate;

    @Option(names = "--reorder", paramLabel = "SHARE", defaultValue = "0%",
            description = "Share held back until the next datagram (at most 2 x delay + 5 ms; default:"
                    + " ${DEFAULT-VALUE}).")
    private String reorder;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "0ms",
            description = "Wait before sending, each way, e.g. 1ms, 0.5ms, 2s (default: ${DEFAULT-VALUE}).")
    private String delay;

    @Option(names = "--jitter", paramLabel = "DURATION", defaultValue = "0ms",
            description = "Most the wait differs from --delay, either way (default: ${DEFAULT-VALUE}).")
    private String jitter;

    @Option(names = "--corrupt", paramLabel = "SHARE", defaultValue = "0%",
            description = "Share with one random bit flipped (default: ${DEFAULT-VALUE}).")
    private String corrupt;

    /** The impairment the options give; a one-line UsageException naming the option that is wrong. */
    Impairment impairment() {
        return new Impairment(option("--loss", loss, ImpairmentText::share),
                option("--dup", duplicate, ImpairmentText::share), option("--reorder", reorder, ImpairmentText::share),
                option("--delay", delay, ImpairmentText::duration),
                option("--jitter", jitter, ImpairmentText::duration),
                option("--corrupt", corrupt, ImpairmentText::share));
    }

    private static <T> T option(String name, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + " " + text + ": " + e.getMessage());
        }
    }
}
