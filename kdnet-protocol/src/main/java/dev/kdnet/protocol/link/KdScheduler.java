package dev.kdnet.protocol.link;

/**
 * The clock and timer a {@link KdLink} runs on. Production code adapts a Netty event loop; tests use a virtual
 * clock. Tasks must run on the same thread that calls the link.
 */
public interface KdScheduler {
    /** A scheduled task that can still be cancelled. */
    interface Timer {
        /** Cancels the task if it has not run yet. */
        void cancel();
    }

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} once after {@code delayNanos}. */
    Timer schedule(Runnable task, long delayNanos);
}
