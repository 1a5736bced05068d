package dev.kdnet.it.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CryptoBench} under JMH: one forked JVM, one thread, {@value #WARMUPS} warm-up and
 * {@value #MEASUREMENTS} measured iterations of 1 s; the allocation benchmarks with JMH's GC profiler. JMH's own
 * output goes to {@code jmh-speed.log} and {@code jmh-allocation.log}.
 */
final class CryptoRun {
    /** Warm-up iterations: enough for C2 to finish compiling on a loaded 2-core machine. */
    static final int WARMUPS = 5;
    /** Measured iterations; the speed reported is their median. */
    static final int MEASUREMENTS = 10;
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private CryptoRun() {
    }

    static CryptoResult run(Path out) throws Exception {
        Collection<RunResult> speed = new Runner(options(out.resolve("jmh-speed.log"), "sealAndOpen").build()).run();
        Collection<RunResult> allocation = new Runner(options(out.resolve("jmh-allocation.log"), "open",
                "openMemoryReply").addProfiler(GCProfiler.class).build()).run();
        Rounds sealAndOpen = new Rounds();
        for (BenchmarkResult result : only(speed, "sealAndOpen").getBenchmarkResults()) {
            for (IterationResult iteration : result.getIterationResults()) {
                sealAndOpen.add(iteration.getPrimaryResult().getScore());
            }
        }
        return new CryptoResult(sealAndOpen, allocated(allocation, "open"), allocated(allocation, "openMemoryReply"));
    }

    private static ChainedOptionsBuilder options(Path log, String... methods) {
        ChainedOptionsBuilder options = new OptionsBuilder().forks(1).threads(1).warmupIterations(WARMUPS)
                .warmupTime(TimeValue.seconds(1)).measurementIterations(MEASUREMENTS)
                .measurementTime(TimeValue.seconds(1)).shouldFailOnError(true).output(log.toString());
        for (String method : methods) {
            options.include(Pattern.quote(CryptoBench.class.getName() + "." + method) + "$");
        }
        return options;
    }

    private static double allocated(Collection<RunResult> results, String method) {
        return only(results, method).getSecondaryResults().get(ALLOCATION).getScore();
    }

    private static RunResult only(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH ran no " + method));
    }
}
