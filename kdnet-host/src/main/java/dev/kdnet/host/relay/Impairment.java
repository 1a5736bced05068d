package dev.kdnet.host.relay;

import java.time.Duration;

/**
 * How badly the relay treats each direction. Shares are fractions 0..1 of the datagrams.
 *
 * @param loss      share dropped
 * @param duplicate share of the forwarded datagrams sent twice
 * @param reorder   share of the forwarded datagrams held back until the next datagram of the same direction (or
 *                  until twice {@code delay} plus 5 ms have passed without one)
 * @param delay     how long every forwarded datagram waits before it is sent
 * @param jitter    the most a datagram's wait differs from {@code delay}, either way (never below zero)
 * @param corrupt   share of the forwarded datagrams with one random bit flipped
 */
public record Impairment(double loss, double duplicate, double reorder, Duration delay, Duration jitter,
        double corrupt) {
    /** No impairment: every datagram forwarded at once, unchanged and in order. */
    public static final Impairment NONE = new Impairment(0, 0, 0, Duration.ZERO, Duration.ZERO, 0);

    /** Checks that every share is within 0..1 and both durations are not negative. */
    public Impairment {
        checkShare("loss", loss);
        checkShare("duplicate", duplicate);
        checkShare("reorder", reorder);
        checkShare("corrupt", corrupt);
        if (delay.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("delay and jitter must not be negative");
        }
    }

    private static void checkShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " share " + share + " is outside 0..1");
        }
    }
}
