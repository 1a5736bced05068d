package dev.kdnet.host.load;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * One load run over attached targets: every driver runs through the warm-up, then the measurement is cut into
 * intervals, each handed to a listener as it ends (the live line, {@code --json-stream}), and summed at the end.
 */
public final class LoadRun {
    /** How long stopping waits for the requests in flight (a request gives up after 5 s by default). */
    private static final Duration DRAIN = Duration.ofSeconds(15);
    private static final double NANOS_PER_SECOND = 1e9;
    /** What the measurement waits for when only its duration ends it: never completes. */
    private static final CompletableFuture<Void> UNFINISHED = new CompletableFuture<>();

    private final LoadSettings settings;
    private final List<TargetDriver> drivers;

    private LoadRun(LoadSettings settings, List<TargetDriver> drivers) {
        this.settings = settings;
        this.drivers = List.copyOf(drivers);
    }

    /** A run over every port of {@code host}, whose targets must be attached and stopped. */
    public static LoadRun over(DebuggerHost host, LoadSettings settings) {
        List<TargetDriver> drivers = new ArrayList<>();
        for (Debugger debugger : host.debuggers()) {
            drivers.add(new TargetDriver(host.server().session(debugger.port()), debugger.async(),
                    settings.workload(), settings.requestSize(), settings.seed(), settings.check(),
                    settings.pacingNanos(), settings.dumpSize()));
        }
        return new LoadRun(settings, drivers);
    }

    /** Runs the warm-up and the measurement; {@code onInterval} hears each interval on this thread. */
    public LoadResult run(Consumer<Interval> onInterval) throws InterruptedException {
        boolean once = settings.workload().once();
        if (!once) {
            drivers.forEach(TargetDriver::start);
            sleepUntil(System.nanoTime() + settings.warmup().toNanos(), UNFINISHED);
        }
        List<Tally> previous = new ArrayList<>();
        List<Histogram> totals = new ArrayList<>();
        for (TargetDriver driver : drivers) {
            driver.intervalLatency();
            previous.add(driver.tally());
            totals.add(LatencyHistograms.empty());
        }
        List<Tally> first = List.copyOf(previous);
        HostUsage.Mark usageMark = HostUsage.Mark.now();
        long start = usageMark.wallNanos();
        long end = once ? Long.MAX_VALUE : start + settings.duration().toNanos();
        CompletableFuture<Void> finished = UNFINISHED;
        if (once) {
            drivers.forEach(TargetDriver::start);
            finished = CompletableFuture.allOf(drivers.stream().map(TargetDriver::stopped)
                    .toArray(CompletableFuture[]::new));
        }
        List<Interval> intervals = new ArrayList<>();
        long intervalStart = start;
        while (intervalStart < end && !allLost() && !finished.isDone()) {
            long intervalEnd = Math.min(end, intervalStart + settings.interval().toNanos());
            sleepUntil(intervalEnd, finished);
            long now = System.nanoTime();
            double seconds = (now - intervalStart) / NANOS_PER_SECOND;
            List<Figures> figures = new ArrayList<>();
            for (int i = 0; i < drivers.size(); i++) {
                TargetDriver driver = drivers.get(i);
                Histogram latency = driver.intervalLatency();
                Tally tally = driver.tally();
                totals.get(i).add(latency);
                figures.add(new Figures(Integer.toString(driver.port()), seconds, tally.since(previous.get(i)),
                        latency));
                previous.set(i, tally);
            }
            Interval interval = new Interval((intervalStart - start) / NANOS_PER_SECOND,
                    (now - start) / NANOS_PER_SECOND, figures, Figures.sum("total", seconds, figures));
            intervals.add(interval);
            onInterval.accept(interval);
            intervalStart = now;
        }
        HostUsage usage = HostUsage.since(usageMark);
        double measured = (intervalStart - start) / NANOS_PER_SECOND;
        stopAll();
        List<Figures> targets = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < drivers.size(); i++) {
            TargetDriver driver = drivers.get(i);
            targets.add(new Figures(Integer.toString(driver.port()), measured, previous.get(i).since(first.get(i)),
                    totals.get(i)));
            driver.lost().ifPresent(why -> lost.add(driver.port() + ": " + why.getMessage()));
        }
        return new LoadResult(settings, targets, Figures.sum("total", measured, targets), intervals, usage, lost);
    }

    private boolean allLost() {
        return drivers.stream().allMatch(driver -> driver.lost().isPresent());
    }

    private void stopAll() throws InterruptedException {
        CompletableFuture<?>[] idle = drivers.stream().map(TargetDriver::stop).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(idle).get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a request still in flight ends by its own timeout; the figures are already taken
        }
    }

    /** Waits until {@code deadlineNanos}, or until {@code finished} completes. */
    private static void sleepUntil(long deadlineNanos, CompletableFuture<?> finished) throws InterruptedException {
        for (long left = deadlineNanos - System.nanoTime(); left > 0 && !finished.isDone();
                left = deadlineNanos - System.nanoTime()) {
            try {
                finished.get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the deadline passed, or a driver's end completed exceptionally: either way the wait is over
                return;
            }
        }
    }
}
