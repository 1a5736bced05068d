package dev.kdnet.sim.kernel;

import java.time.Duration;
import java.util.Objects;

/**
 * What a simulated kernel is: the Windows build it presents, its CPU count, and how it behaves while running.
 *
 * @param build               the Windows release
 * @param cpus                number of processors (1..64)
 * @param printInterval       time between DbgPrint lines while running; zero for none
 * @param printText           the DbgPrint text; {@code %d} is replaced by a running count
 * @param instructionsPerTick instructions each CPU executes per scheduler tick while running
 * @param loadSeed            the seed of the load region's pattern ({@link dev.kdnet.protocol.load.LoadPattern})
 */
public record KernelConfig(WindowsBuild build, int cpus, Duration printInterval, String printText,
        int instructionsPerTick, long loadSeed) {
    /** The load region's seed unless one is given. */
    public static final long DEFAULT_LOAD_SEED = 0;
    /** The largest CPU count the simulator supports. */
    public static final int MAX_CPUS = 64;

    public KernelConfig {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(printText, "printText");
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("cpu count " + cpus + " is outside 1.." + MAX_CPUS);
        }
        if (printInterval.isNegative()) {
            throw new IllegalArgumentException("print interval must not be negative");
        }
        if (instructionsPerTick < 1) {
            throw new IllegalArgumentException("instructions per tick must be at least 1");
        }
    }

    /** Windows 10 19041, one CPU, a DbgPrint line a second, 64 instructions per tick. */
    public static KernelConfig defaults() {
        return new KernelConfig(WindowsBuild.DEFAULT, 1, Duration.ofSeconds(1), "kdnet-sim: heartbeat %d\n", 64,
                DEFAULT_LOAD_SEED);
    }

    /** The same configuration with {@code build}. */
    public KernelConfig withBuild(WindowsBuild build) {
        return new KernelConfig(build, cpus, printInterval, printText, instructionsPerTick, loadSeed);
    }

    /** The same configuration with {@code cpus} processors. */
    public KernelConfig withCpus(int cpus) {
        return new KernelConfig(build, cpus, printInterval, printText, instructionsPerTick, loadSeed);
    }

    /** The same configuration with DbgPrint lines {@code text} every {@code interval}. */
    public KernelConfig withPrints(Duration interval, String text) {
        return new KernelConfig(build, cpus, interval, text, instructionsPerTick, loadSeed);
    }

    /** The same configuration with the load region seeded with {@code seed}. */
    public KernelConfig withLoadSeed(long seed) {
        return new KernelConfig(build, cpus, printInterval, printText, instructionsPerTick, seed);
    }
}
