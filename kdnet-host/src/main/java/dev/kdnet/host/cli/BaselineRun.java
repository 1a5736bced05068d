package dev.kdnet.host.cli;

import dev.kdnet.host.load.Baseline;
import java.time.Duration;
import java.util.Optional;

/**
 * The raw UDP baseline of a run, measured once its targets have attached; empty where there is none to measure.
 */
@FunctionalInterface
interface BaselineRun {
    /** Measures the baseline for {@code duration}. */
    Optional<Baseline> measure(Duration duration) throws Exception;
}
