package dev.kdnet.host.load;

import java.util.Locale;

/** The line a load run shows once an interval on a terminal: what the targets together did in it. */
public final class LiveLine {
    private LiveLine() {
    }

    /** The line for {@code interval}. */
    public static String of(Interval interval) {
        Figures sum = interval.sum();
        return String.format(Locale.ROOT, "[%5.1f s] %8.3f MB/s %9.1f req/s  p50 %7.1f µs  p99 %8.1f µs"
                + "  retrans %d  drops %d", interval.endSeconds(), sum.megabytesPerSecond(), sum.requestsPerSecond(),
                sum.percentileMicros(50), sum.percentileMicros(99), sum.tally().retransmits(),
                sum.tally().totalDrops());
    }
}
