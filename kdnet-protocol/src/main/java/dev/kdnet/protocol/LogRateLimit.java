package dev.kdnet.protocol;

import java.util.concurrent.TimeUnit;

/**
 * Lets one log line through per interval (one second unless told otherwise) and counts the ones it holds back in
 * between, so that bad input from the network cannot flood a log. Confined to one thread (an event loop).
 */
public final class LogRateLimit {
    /** The interval of the log lines about network input: one second. */
    public static final long ONE_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long intervalNanos;
    private boolean started;
    private long lastAllowedNanos;
    private long heldBack;

    /** A limit of one line per {@code intervalNanos}. */
    public LogRateLimit(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** True if a line at {@code nowNanos} may go out; false (and counted as held back) otherwise. */
    public boolean allows(long nowNanos) {
        if (started && nowNanos - lastAllowedNanos < intervalNanos) {
            heldBack++;
            return false;
        }
        started = true;
        lastAllowedNanos = nowNanos;
        return true;
    }

    /** The number of lines held back since the last call, which resets it. */
    public long drainHeldBack() {
        long count = heldBack;
        heldBack = 0;
        return count;
    }
}
