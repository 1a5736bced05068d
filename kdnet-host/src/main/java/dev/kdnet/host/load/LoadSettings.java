package dev.kdnet.host.load;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How a load run goes.
 *
 * @param workload    what each request is
 * @param requestSize bytes per {@code read} request (1..3944)
 * @param duration    how long to measure
 * @param warmup      how long to drive before measuring (not counted)
 * @param seed        the simulators' load seed, which every byte read is checked against
 * @param interval    how often to report
 * @param check       whether read bytes are compared with the load pattern (only simulators hold it)
 * @param rate        requests per second per target (open loop), or 0 for a closed loop
 * @param dumpSize    bytes of each dump of the {@code dump} workload
 */
public record LoadSettings(Workload workload, int requestSize, Duration duration, Duration warmup, long seed,
        Duration interval, boolean check, double rate, int dumpSize) {
    /** Reports come once a second, as iperf3's do. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final double NANOS_PER_SECOND = 1e9;

    /** The same settings with {@code size} bytes per request. */
    public LoadSettings withRequestSize(int size) {
        return new LoadSettings(workload, size, duration, warmup, seed, interval, check, rate, dumpSize);
    }

    /** The time between one target's requests in an open loop; empty for a closed loop. */
    public OptionalLong pacingNanos() {
        return rate > 0 ? OptionalLong.of(Math.max(1, Math.round(NANOS_PER_SECOND / rate))) : OptionalLong.empty();
    }
}
