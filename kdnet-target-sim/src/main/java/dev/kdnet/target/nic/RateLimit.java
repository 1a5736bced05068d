package dev.kdnet.target.nic;

/** Lets one event through per interval and counts the ones it holds back in between. Event-loop confined. */
final class RateLimit {
    private final long intervalNanos;
    private boolean started;
    private long lastAllowedNanos;
    private long heldBack;

    RateLimit(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** True if an event at {@code nowNanos} may go through; false (and counted as held back) otherwise. */
    boolean allows(long nowNanos) {
        if (started && nowNanos - lastAllowedNanos < intervalNanos) {
            heldBack++;
            return false;
        }
        started = true;
        lastAllowedNanos = nowNanos;
        return true;
    }

    /** Number of events held back since the last call, which resets it. */
    long drainHeldBack() {
        long count = heldBack;
        heldBack = 0;
        return count;
    }
}
