package dev.kdnet.host.load;

import org.HdrHistogram.Histogram;

/**
 * What one target, or all of them, did over a span of a load run: the counters and the latency histogram.
 *
 * @param name    the target's port, or {@code total}
 * @param seconds the span's length
 * @param tally   the counters over the span
 * @param latency request latencies over the span, in nanoseconds
 */
public record Figures(String name, double seconds, Tally tally, Histogram latency) {
    /** Bytes in a megabyte as throughput is shown: 10^6, as iperf3 and netperf count. */
    public static final double BYTES_PER_MEGABYTE = 1e6;
    private static final double NANOS_PER_MICRO = 1e3;

    /** Memory payload moved per second, in 10^6 bytes. */
    public double megabytesPerSecond() {
        return seconds > 0 ? tally.bytes() / seconds / BYTES_PER_MEGABYTE : 0;
    }

    /** Requests completed per second. */
    public double requestsPerSecond() {
        return seconds > 0 ? tally.requests() / seconds : 0;
    }

    /** Datagrams the host received and sent per second, each authenticated by its receiver. */
    public double datagramsPerSecond() {
        return seconds > 0 ? tally.datagrams() / seconds : 0;
    }

    /** The latency at {@code percentile} (0..100), in µs; 0 without requests. */
    public double percentileMicros(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / NANOS_PER_MICRO;
    }

    /** The largest latency, in µs. */
    public double maxMicros() {
        return latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / NANOS_PER_MICRO;
    }

    /** The sum of {@code parts} over the same span, named {@code name}. */
    public static Figures sum(String name, double seconds, Iterable<Figures> parts) {
        Tally tally = Tally.ZERO;
        Histogram latency = LatencyHistograms.empty();
        for (Figures part : parts) {
            tally = tally.plus(part.tally);
            latency.add(part.latency);
        }
        return new Figures(name, seconds, tally, latency);
    }
}
