package dev.kdnet.host.relay;

import java.util.concurrent.atomic.AtomicLong;

/** The running counts of one direction: written by the relay's event loop, read from any thread. */
final class DirectionCounters {
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong reordered = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();
    private final AtomicLong corrupted = new AtomicLong();

    /** Counts one datagram under every impairment {@code verdict} applies to it. */
    void count(Verdict verdict) {
        if (verdict.drop()) {
            dropped.incrementAndGet();
            return;
        }
        forwarded.incrementAndGet();
        increment(duplicated, verdict.duplicate());
        increment(delayed, !verdict.delay().isZero());
        increment(corrupted, verdict.corrupts());
    }

    /** Counts a datagram actually held back for reordering. */
    void countReordered() {
        reordered.incrementAndGet();
    }

    private static void increment(AtomicLong counter, boolean when) {
        if (when) {
            counter.incrementAndGet();
        }
    }

    /** The counts now. */
    DirectionStats snapshot() {
        return new DirectionStats(forwarded.get(), dropped.get(), duplicated.get(), reordered.get(), delayed.get(),
                corrupted.get());
    }
}
