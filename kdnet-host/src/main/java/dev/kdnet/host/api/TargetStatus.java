package dev.kdnet.host.api;

import dev.kdnet.host.session.SessionStats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One line of {@code .targets}: the target of one port at a moment.
 *
 * @param port    the UDP port
 * @param address the target's address, once it handshook
 * @param version the target's kernel, once identified
 * @param state   what it is doing
 * @param rtt     the smoothed round trip of its KD link, once measured
 */
public record TargetStatus(int port, Optional<InetSocketAddress> address, Optional<KernelVersion> version,
        TargetState state, Optional<Duration> rtt) {
    /**
     * How long a target may stay silent before it counts as gone: a KDNET target pokes every 3 s for as long as it
     * runs, stopped or not, so three missed pokes and a margin.
     */
    public static final Duration GONE_AFTER = Duration.ofSeconds(10);

    /**
     * The status from the session's counters and the engine's state: a target heard from last more than
     * {@link #GONE_AFTER} ago is {@link TargetState#GONE}, whatever the engine still believes.
     */
    public static TargetStatus of(SessionStats stats, Optional<KernelVersion> version, TargetState engineState) {
        boolean silent = stats.sinceHeard().map(d -> d.compareTo(GONE_AFTER) > 0).orElse(false);
        TargetState state = silent && engineState != TargetState.WAITING ? TargetState.GONE : engineState;
        Optional<Duration> rtt = stats.link().filter(l -> l.rttSamples() > 0)
                .map(l -> Duration.of(l.srttMicros(), ChronoUnit.MICROS));
        return new TargetStatus(stats.port(), stats.target(), version, state, rtt);
    }
}
