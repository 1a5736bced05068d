package dev.kdnet.host.load;

import java.time.Duration;

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
 */
public record LoadSettings(Workload workload, int requestSize, Duration duration, Duration warmup, long seed,
        Duration interval, boolean check) {
    /** Reports come once a second, as iperf3's do. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
}
