package dev.kdnet.sim.cli;

import java.time.Duration;
import java.util.Objects;

/**
 * What the command line tells the simulated kernel, passed through as given: the kernel checks the values.
 *
 * @param build         the Windows build number it reports (default {@value #DEFAULT_BUILD})
 * @param cpus          the number of processors (default {@value #DEFAULT_CPUS})
 * @param printInterval time between DbgPrint messages while running; zero for none
 * @param printText     the text of those messages
 * @param loadSeed      the seed of the load region's pattern, which a load test checks what it reads against
 */
public record KernelSettings(int build, int cpus, Duration printInterval, String printText, long loadSeed) {
    /** Windows 10 2004 (20H1), the default build. */
    public static final int DEFAULT_BUILD = 19041;
    /** One processor by default. */
    public static final int DEFAULT_CPUS = 1;

    public KernelSettings {
        Objects.requireNonNull(printInterval, "printInterval");
        Objects.requireNonNull(printText, "printText");
    }
}
