package dev.kdnet.host.relay;

/**
 * One direction of the relay: decides each datagram with an {@link Impairer}, counts, and hands what survives to a
 * {@link DatagramSender}, holding back at most one datagram for reordering. Not thread-safe: one event loop feeds
 * it.
 */
final class ImpairedDirection {
    private final Impairer impairer;
    private final DirectionCounters counters = new DirectionCounters();
    private byte[] held;
    private Verdict heldVerdict;

    ImpairedDirection(Impairer impairer) {
        this.impairer = impairer;
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
            return;
        }
        send(impaired, verdict, sender);
        if (held != null) {
            send(held, heldVerdict, sender);
            held = null;
            heldVerdict = null;
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
