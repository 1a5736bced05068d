package dev.kdnet.protocol.link;

/**
 * The smallest retransmit timeout a {@link KdLink} uses now, set from what its retransmissions turned out to be.
 *
 * <p>A retransmission is <em>spurious</em> when the peer got the first send after all: a second ACK for the same
 * packet arrives (KDNET sequence numbers drop duplicated datagrams before the link, so two ACKs mean two sends got
 * through). It is <em>needed</em> when an ACK for a later packet comes first, or the peer asked for it with RESEND.
 * After {@link #SPURIOUS_TO_RAISE} spurious retransmissions in a row the floor rises to {@link #MARGIN} times the
 * longest delay seen between a first send and its ACK, at most {@link #CEILING_NANOS}; the first needed one puts it
 * back to the configured floor. A clean link whose ACKs are late now and then (a scheduling hiccup, a JIT pause)
 * thus stops resending, while a lossy link, which keeps needing its retransmissions, keeps the configured floor and
 * recovers from each loss in about that time. A reordering relay's occasional late datagram does not raise it alone.
 */
final class RetransmitFloor {
    /** Spurious retransmissions in a row, with no needed one between them, that raise the floor. */
    static final int SPURIOUS_TO_RAISE = 2;
    /** How many times the late ACK's delay from the first send the floor rises to. */
    static final int MARGIN = 2;
    /** The highest the floor rises: 20 ms, above the longest scheduling hiccup measured on a loaded 2-core machine. */
    static final long CEILING_NANOS = 20_000_000L;

    private final long configured;
    private long floor;
    private int spuriousInARow;

    /** A floor that starts at, and returns to, {@code configuredNanos}. */
    RetransmitFloor(long configuredNanos) {
        this.configured = configuredNanos;
        this.floor = configuredNanos;
    }

    /** A retransmission was spurious: the first send's ACK came {@code firstSendDelayNanos} after that send. */
    void spurious(long firstSendDelayNanos) {
        if (++spuriousInARow >= SPURIOUS_TO_RAISE) {
            long raised = Math.min(CEILING_NANOS, MARGIN * Math.max(0, firstSendDelayNanos));
            floor = Math.max(floor, raised);
        }
    }

    /** A retransmission was needed: the link loses datagrams, so each loss must cost no more than the configured floor. */
    void needed() {
        spuriousInARow = 0;
        floor = configured;
    }

    /** The floor now, in nanoseconds. */
    long nanos() {
        return floor;
    }
}
