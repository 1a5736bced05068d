package dev.kdnet.host.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The shape of every latency histogram of a load run: nanoseconds up to a minute, three significant digits. */
final class LatencyHistograms {
    /** The longest latency recorded exactly; longer ones are recorded as this. */
    static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Significant decimal digits kept (0.1% resolution). */
    static final int DIGITS = 3;

    private LatencyHistograms() {
    }

    /** An empty histogram of this shape. */
    static Histogram empty() {
        return new Histogram(HIGHEST_NANOS, DIGITS);
    }

    /** A recorder of this shape, for recording on event loops and reading intervals elsewhere. */
    static Recorder recorder() {
        return new Recorder(HIGHEST_NANOS, DIGITS);
    }

    /** {@code nanos} clamped to what the histograms hold. */
    static long clamp(long nanos) {
        return Math.max(0, Math.min(nanos, HIGHEST_NANOS));
    }
}
