package dev.kdnet.host.load;

import dev.kdnet.host.api.AsyncDebugger;
import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.MemorySpace;
import dev.kdnet.host.api.Progress;
import dev.kdnet.host.session.SessionStats;
import dev.kdnet.host.session.TargetSession;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.protocol.load.LoadPattern;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one target: in a closed loop each request goes out when the previous one completes (stop-and-wait lets
 * a KDNET target have only one anyway); in an open loop at a fixed rate, at its turn or at once when its turn has
 * passed while the previous one was still out. Latencies go to a {@link Recorder}; a {@code read}'s bytes are checked
 * against {@link LoadPattern}. A request that fails ends the driving of this target: its session is counted lost.
 */
final class TargetDriver {
    private static final int READ_ALIGNMENT = 8;
    /** How long a dump waits for a rebooted target to attach again before it fails. */
    private static final Duration DUMP_REATTACH = Duration.ofSeconds(30);
    /** Between the seeds of successive writes' patterns (odd, so every write's seed differs). */
    private static final long WRITE_SEED_STEP = 0x9E37_79B9_7F4A_7C15L;

    private final TargetSession session;
    private final AsyncDebugger debugger;
    private final Workload workload;
    private final int requestSize;
    private final int dumpSize;
    private final long seed;
    private final boolean check;
    private final OptionalLong pacing;
    private long nextTurnNanos;
    private final SplittableRandom addresses;
    private final Recorder latency = LatencyHistograms.recorder();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong bytesChecked = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private long turns;
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private volatile boolean running;
    private volatile Throwable lostBecause;

    /**
     * @param seed  the simulator's load seed, which also seeds the choice of addresses (with the port)
     * @param check  whether to compare the bytes read with the load pattern
     * @param dumpSize bytes of each dump of the dump workload
     * @param pacing open loop: nanoseconds between requests' turns, latencies corrected for coordinated omission
     *               (a request that waited past its turn stands for those it kept from going out); closed loop:
     *               empty
     */
    TargetDriver(TargetSession session, AsyncDebugger debugger, Workload workload, int requestSize, long seed,
            boolean check, OptionalLong pacing, int dumpSize) {
        this.session = session;
        this.debugger = debugger;
        this.workload = workload;
        this.requestSize = requestSize;
        this.seed = seed;
        this.check = check;
        this.dumpSize = dumpSize;
        this.pacing = pacing;
        this.nextTurnNanos = System.nanoTime();
        this.addresses = new SplittableRandom(seed ^ session.port());
    }

    /** The target's port. */
    int port() {
        return session.port();
    }

    /** Starts sending requests. */
    void start() {
        running = true;
        next();
    }

    /** Stops sending; completes when the request in flight has completed. */
    CompletableFuture<Void> stop() {
        running = false;
        return idle;
    }

    /** Completes when the driver has stopped: asked to, its work done once, or its session lost. */
    CompletableFuture<Void> stopped() {
        return idle;
    }

    /** Why the session was lost, if it was. */
    Optional<Throwable> lost() {
        return Optional.ofNullable(lostBecause);
    }

    /** The latencies recorded since the last call. */
    Histogram intervalLatency() {
        return latency.getIntervalHistogram();
    }

    /** The counters now: the driver's and the session's. */
    Tally tally() {
        SessionStats stats = session.stats();
        KdLinkStats link = stats.link().orElse(KdLinkStats.NONE);
        return new Tally(new Tally.Work(requests.get(), bytes.get(), bytesChecked.get(), mismatches.get(),
                failures.get()), new Tally.Wire(stats.datagramsIn() + stats.datagramsOut(), link.retransmits(),
                link.timeouts(), stats.drops()));
    }

    /** Closed loop: the next request now; open loop: at its turn, at once if that has passed. */
    private void next() {
        if (!running) {
            idle.complete(null);
            return;
        }
        if (pacing.isEmpty()) {
            send();
            return;
        }
        long wait = nextTurnNanos - System.nanoTime();
        if (wait <= 0) {
            send();
        } else {
            session.loop().schedule(this::send, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void send() {
        if (!running) {
            idle.complete(null);
            return;
        }
        long started = System.nanoTime();
        pacing.ifPresent(interval -> nextTurnNanos = Math.max(nextTurnNanos, started - interval) + interval);
        CompletableFuture<Void> request = switch (workload) {
            case READ -> read(started);
            case SMALL -> debugger.processorControlRegion(0).thenAccept(kpcr -> {
                completed(started);
                bytes.addAndGet(Long.BYTES);
            });
            case WRITE -> writeAndReadBack(started);
            case MIXED -> turns++ % 2 == 0 ? read(started) : writeAndReadBack(started);
            case DUMP -> dump(started);
            case STOPS -> debugger.go().thenCompose(running -> {
                long breakIn = System.nanoTime();
                return debugger.breakIn().thenAccept(stop -> completed(breakIn));
            });
        };
        request.whenComplete((done, failure) -> {
            if (failure != null) {
                failures.incrementAndGet();
                lostBecause = failure;
            }
            if (failure != null || workload.once()) {
                running = false;
                idle.complete(null);
                return;
            }
            next();
        });
    }

    /** Records the latency of a request that went out at {@code started} and has just completed. */
    private void completed(long started) {
        long took = LatencyHistograms.clamp(System.nanoTime() - started);
        if (pacing.isPresent()) {
            latency.recordValueWithExpectedInterval(took, pacing.getAsLong());
        } else {
            latency.recordValue(took);
        }
        requests.incrementAndGet();
    }

    private CompletableFuture<Void> read(long started) {
        long address = LoadPattern.REGION_BASE + randomSlot(LoadPattern.REGION_SIZE);
        return debugger.read(MemorySpace.PHYSICAL, address, requestSize, Progress.NONE).thenAccept(read -> {
            completed(started);
            check(read, seed, requestSize);
        });
    }

    /**
     * Writes {@link LoadPattern} bytes of a seed of their own (a new one each time) into the scratch region, then
     * reads them back and checks them: two requests.
     */
    private CompletableFuture<Void> writeAndReadBack(long started) {
        long address = LoadPattern.SCRATCH_BASE + randomSlot(LoadPattern.SCRATCH_SIZE);
        long written = seed + WRITE_SEED_STEP * writes.incrementAndGet();
        byte[] data = new byte[requestSize];
        LoadPattern.fill(written, address, data, 0, requestSize);
        return debugger.write(MemorySpace.PHYSICAL, address, data, Progress.NONE).thenCompose(count -> {
            completed(started);
            bytes.addAndGet(count);
            long readStarted = System.nanoTime();
            return debugger.read(MemorySpace.PHYSICAL, address, requestSize, Progress.NONE).thenAccept(read -> {
                completed(readStarted);
                check(read, written, requestSize);
            });
        });
    }

    /** A random 8-byte-aligned offset where a request fits in a region of {@code regionSize} bytes. */
    private long randomSlot(long regionSize) {
        long slots = (regionSize - requestSize) / READ_ALIGNMENT;
        return addresses.nextLong(slots + 1) * READ_ALIGNMENT;
    }

    /**
     * One dump of the load region's first {@code dumpSize} bytes: each chunk is a request, its latency from the
     * previous chunk's arrival, its bytes counted as they arrive; the whole dump is checked at the end.
     */
    private CompletableFuture<Void> dump(long started) {
        Progress chunks = new Progress() {
            private long chunkStarted = started;
            private long counted;

            @Override
            public void update(long done, long total) {
                completed(chunkStarted);
                chunkStarted = System.nanoTime();
                bytes.addAndGet(done - counted);
                counted = done;
            }

            @Override
            public void resumedAfterReboot(long done, long total) {
                counted = done;
            }
        };
        return debugger.dumpPhysical(LoadPattern.REGION_BASE, dumpSize, chunks, DUMP_REATTACH)
                .thenAccept(dump -> compare(dump, seed, dumpSize));
    }

    private void check(MemoryRead read, long patternSeed, int expected) {
        bytes.addAndGet(read.bytes().length);
        compare(read, patternSeed, expected);
    }

    private void compare(MemoryRead read, long patternSeed, int expected) {
        byte[] got = read.bytes();
        if (!check) {
            return;
        }
        bytesChecked.addAndGet(got.length);
        mismatches.addAndGet(LoadPattern.mismatches(patternSeed, read.address(), got) + (expected - got.length));
    }
}
