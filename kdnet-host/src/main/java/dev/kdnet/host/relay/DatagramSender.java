package dev.kdnet.host.relay;

import java.time.Duration;

/** Sends one datagram of a direction on, after a wait. */
@FunctionalInterface
interface DatagramSender {
    /** Sends {@code datagram} once {@code delay} has passed (at once for zero). */
    void send(byte[] datagram, Duration delay);
}
