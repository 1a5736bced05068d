package dev.kdnet.host.load;

import java.util.Locale;

/** The line under the end table that compares the run with its raw UDP baseline. */
public final class BaselineLine {
    private static final double NANOS_PER_MICRO = 1e3;

    private BaselineLine() {
    }

    /** The line for {@code baseline} beside {@code result}. */
    public static String of(Baseline baseline, LoadResult result) {
        double perTarget = result.targets().isEmpty() ? 0 : result.total().megabytesPerSecond()
                / result.targets().size();
        double law = baseline.lawMegabytesPerSecond();
        return String.format(Locale.ROOT, "baseline: raw UDP ping-pong between two processes, %d-byte requests and"
                + " %d-byte replies: %.0f round trips/s, RTT p50 %.1f µs, p99 %.1f µs; payload / RTT = %.3f MB/s;"
                + " this run %.3f MB/s per target = %.2f of it", baseline.requestBytes(), baseline.replyBytes(),
                baseline.roundTripsPerSecond(), percentile(baseline, 50), percentile(baseline, 99), law, perTarget,
                law > 0 ? perTarget / law : 0);
    }

    private static double percentile(Baseline baseline, double percentile) {
        return baseline.rtt().getTotalCount() == 0 ? 0
                : baseline.rtt().getValueAtPercentile(percentile) / NANOS_PER_MICRO;
    }
}
