package dev.kdnet.host.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/** {@code --hgrm}: a latency histogram as HdrHistogram's percentile distribution text, in µs. */
public final class LatencyDistribution {
    /** Histograms hold nanoseconds; the file shows microseconds. */
    static final double NANOS_PER_UNIT = 1e3;

    private LatencyDistribution() {
    }

    /** Writes {@code latency}'s distribution to {@code file}. */
    public static void write(Histogram latency, Path file) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file);
                PrintStream print = new PrintStream(stream, false, StandardCharsets.UTF_8)) {
            latency.outputPercentileDistribution(print, LoadReport.TICKS_PER_HALF_DISTANCE, NANOS_PER_UNIT);
        }
    }
}
