package dev.kdnet.protocol.link;

/**
 * Round-trip estimate and retransmit timeout in the manner of RFC 6298: a smoothed RTT and its variation from the
 * ACK times of packets sent once (Karn's rule is applied by the caller), a timeout of {@code srtt + 4 rttvar}
 * clamped to the configured bounds, doubled after each timeout until the next sample.
 */
final class RttEstimator {
    private final long minNanos;
    private final long maxNanos;
    private long srtt;
    private long rttvar;
    private long rto;
    private long samples;
    private long minRtt = Long.MAX_VALUE;
    private long maxRtt;

    RttEstimator(KdLinkConfig config) {
        this.minNanos = config.minRto().toNanos();
        this.maxNanos = config.maxRto().toNanos();
        this.rto = config.initialRto().toNanos();
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
        rto = clamp(srtt + 4 * rttvar);
    }

    void backOff() {
        rto = clamp(rto * 2);
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
