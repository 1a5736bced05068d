package dev.kdnet.host.relay;

import java.time.Duration;

/**
 * One direction of the relay: decides each datagram with an {@link Impairer}, counts, and hands what survives to a
 * {@link DatagramSender}, holding back at most one datagram for reordering. A held datagram follows the next one, or
 * goes on its own once {@code holdLimit} has passed without one. Not thread-safe: one event loop feeds it and runs
 * its timer.
 */
final class ImpairedDirection {
    private final Impairer impairer;
    private final Duration holdLimit;
    private final HoldTimer timer;
    private final DirectionCounters counters = new DirectionCounters();
    private byte[] held;
    private Verdict heldVerdict;
    private DatagramSender heldSender;
    private long holds;

    ImpairedDirection(Impairer impairer, Duration holdLimit, HoldTimer timer) {
        this.impairer = impairer;
        this.holdLimit = holdLimit;
        this.timer = timer;
    }

    /** How long a held-back datagram waits for the next one of {@code impairment}: twice the delay plus 5 ms. */
    static Duration holdLimit(Impairment impairment) {
        return impairment.delay().multipliedBy(2).plusMillis(5);
    }

    /** Impairs {@code datagram} and sends what survives through {@code sender}. */
    void offer(byte[] datagram, DatagramSender sender) {
        Verdict verdict = impairer.decide(datagram.length);
        counters.count(verdict);
        if (verdict.drop()) {
            return;
        }
        byte[] impaired = verdict.apply(datagram);
        if (held == null && verdict.holdBack()) {
            counters.countReordered();
            held = impaired;
            heldVerdict = verdict;
            heldSender = sender;
            long hold = ++holds;
            timer.after(holdLimit, () -> {
                if (hold == holds) {
                    releaseHeld();
                }
            });
            return;
        }
        send(impaired, verdict, sender);
        releaseHeld();
    }

    private void releaseHeld() {
        if (held != null) {
            send(held, heldVerdict, heldSender);
            held = null;
            heldVerdict = null;
            heldSender = null;
        }
    }

    private static void send(byte[] datagram, Verdict verdict, DatagramSender sender) {
        sender.send(datagram, verdict.delay());
        if (verdict.duplicate()) {
            sender.send(datagram, verdict.delay());
        }
    }

    /** The counts so far. */
    DirectionStats stats() {
        return counters.snapshot();
    }
}
