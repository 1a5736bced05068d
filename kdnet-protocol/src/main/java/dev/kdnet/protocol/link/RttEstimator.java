package dev.kdnet.protocol.link;

/**
 * Round-trip estimate and retransmit timeout in the manner of RFC 6298: a smoothed RTT and its variation from the
 * ACK times of packets sent once (Karn's rule is applied by the caller), a timeout of {@code srtt + 4 rttvar}
 * clamped to the configured bounds, doubled after each timeout until the next sample. While the peer is heard the
 * doubling stops at {@link #LIVE_BACKOFF_LIMIT} times the measured timeout: a datagram lost on a link that still
 * answers is no sign of congestion worth seconds of waiting, and without a new sample (every packet resent, so
 * Karn's rule takes none) an unbounded back-off would reach the largest timeout on a link that delivers most packets.
 */
final class RttEstimator {
    /** How many times the measured timeout the back-off may reach while the peer is heard. */
    static final int LIVE_BACKOFF_LIMIT = 4;

    private final long minNanos;
    private final long maxNanos;
    private long srtt;
    private long rttvar;
    private long measured;
    private long rto;
    private long samples;
    private long minRtt = Long.MAX_VALUE;
    private long maxRtt;

    RttEstimator(KdLinkConfig config) {
        this.minNanos = config.minRto().toNanos();
        this.maxNanos = config.maxRto().toNanos();
        this.measured = config.initialRto().toNanos();
        this.rto = measured;
    }

    void sample(long rttNanos) {
        long r = Math.max(0, rttNanos);
        if (samples == 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
            srtt = (7 * srtt + r) / 8;
        }
        samples++;
        minRtt = Math.min(minRtt, r);
        maxRtt = Math.max(maxRtt, r);
        measured = clamp(srtt + 4 * rttvar);
        rto = measured;
    }

    /** Doubles the timeout after a timeout; up to the largest one if {@code peerSilent}, else up to the limit. */
    void backOff(boolean peerSilent) {
        long doubled = clamp(rto * 2);
        rto = peerSilent ? doubled : Math.min(doubled, clamp(measured * LIVE_BACKOFF_LIMIT));
    }

    private long clamp(long nanos) {
        return Math.max(minNanos, Math.min(maxNanos, nanos));
    }

    long rto() {
        return rto;
    }

    long srtt() {
        return srtt;
    }

    long rttvar() {
        return rttvar;
    }

    long samples() {
        return samples;
    }

    long minRtt() {
        return samples == 0 ? 0 : minRtt;
    }

    long maxRtt() {
        return maxRtt;
    }
}
