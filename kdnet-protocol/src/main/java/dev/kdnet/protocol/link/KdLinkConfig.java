package dev.kdnet.protocol.link;

import java.time.Duration;

/**
 * Retransmission settings of a {@link KdLink}.
 *
 * @param maxRetries  resends of one data packet after timeouts before the link gives up on it (kd-protocol §2.6: 20);
 *                    a target gives up only on the packets it may drop and resends the others until they are taken
 * @param initialRto  retransmit timeout before any round trip was measured (kd-protocol §2.6: 500 ms)
 * @param minRto      the smallest timeout the round-trip estimate may give, so a fast link does not stall long
 *                    per loss; the link raises its floor above it while resends turn out needless
 *                    ({@code RetransmitFloor})
 * @param maxRto      the largest timeout, also the ceiling of the back-off after repeated timeouts while the peer
 *                    is silent
 * @param resetOnUnexpectedId whether a new data packet whose id is not the next one expected is answered with
 *                    RESET, as WinDbg does (kd-protocol §2.2); meaningful for the host
 * @param silenceAfter how long the peer may send nothing before it counts as silent: until then timeouts neither
 *                    spend the retry budget nor back off beyond a few measured timeouts
 */
public record KdLinkConfig(int maxRetries, Duration initialRto, Duration minRto, Duration maxRto,
        boolean resetOnUnexpectedId, Duration silenceAfter) {
    public KdLinkConfig {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, not " + maxRetries);
        }
        if (minRto.isNegative() || minRto.isZero() || minRto.compareTo(maxRto) > 0 || initialRto.compareTo(minRto) < 0
                || initialRto.compareTo(maxRto) > 0) {
            throw new IllegalArgumentException("timeouts must satisfy 0 < minRto <= initialRto <= maxRto");
        }
        if (silenceAfter.isNegative()) {
            throw new IllegalArgumentException("silenceAfter must not be negative, not " + silenceAfter);
        }
    }

    /**
     * The settings for a side: 20 retries, 500 ms initially, adaptive between 1 ms and 2 s, the peer silent after
     * 2 s without a datagram.
     */
    public static KdLinkConfig defaults(KdRole role) {
        return new KdLinkConfig(20, Duration.ofMillis(500), Duration.ofMillis(1), Duration.ofSeconds(2),
                role == KdRole.HOST, Duration.ofSeconds(2));
    }

    /** The same settings with {@code maxRetries}. */
    public KdLinkConfig withMaxRetries(int maxRetries) {
        return new KdLinkConfig(maxRetries, initialRto, minRto, maxRto, resetOnUnexpectedId, silenceAfter);
    }

    /** The same settings with a fixed timeout {@code rto} (no adaptation). */
    public KdLinkConfig withFixedRto(Duration rto) {
        return new KdLinkConfig(maxRetries, rto, rto, rto, resetOnUnexpectedId, silenceAfter);
    }
}
