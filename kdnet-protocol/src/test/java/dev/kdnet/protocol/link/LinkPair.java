package dev.kdnet.protocol.link;

import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A host link and a target link joined by an in-memory wire with a fixed one-way delay, on one virtual clock.
 * A test decides which transmissions the wire loses or duplicates, and sees every one of them in order.
 */
final class LinkPair {
    /** One body on the wire, sent at {@code sentAt} on the virtual clock (nanoseconds). */
    record Transit(KdRole from, KdBody body, int index, long sentAt) {
        boolean isData() {
            return body instanceof KdPacket p && !p.isControl();
        }

        boolean is(dev.kdnet.protocol.kd.KdPacketType type) {
            return body instanceof KdPacket p && p.type().equals(type);
        }
    }

    /** What one side's listener saw. */
    static final class Seen implements KdLink.Listener {
        final List<KdPacket> packets = new ArrayList<>();
        final List<KdPacket> delivered = new ArrayList<>();
        final List<KdPacket> gaveUp = new ArrayList<>();
        int resets;

        @Override
        public void onPacket(KdPacket packet) {
            packets.add(packet);
        }

        @Override
        public void onDelivered(KdPacket packet) {
            delivered.add(packet);
        }

        @Override
        public void onGaveUp(KdPacket packet) {
            gaveUp.add(packet);
        }

        @Override
        public void onReset(boolean resent) {
            resets++;
        }
    }

    final ManualScheduler clock = new ManualScheduler();
    final List<Transit> wire = new ArrayList<>();
    final Seen hostSeen = new Seen();
    final Seen targetSeen = new Seen();
    final KdLink host;
    final KdLink target;
    private final Duration delay;
    private Predicate<Transit> lose = t -> false;
    private Predicate<Transit> duplicate = t -> false;
    private final List<Stall> stalls = new ArrayList<>();

    /** A time when {@code side} takes nothing in: what would arrive from {@code from} until {@code until} waits. */
    private record Stall(KdRole side, long from, long until) {
    }

    LinkPair(KdLinkConfig config, Duration delay) {
        this.delay = delay;
        this.host = new KdLink(KdRole.HOST, config, clock, body -> carry(KdRole.HOST, body), hostSeen);
        this.target = new KdLink(KdRole.TARGET, config, clock, body -> carry(KdRole.TARGET, body), targetSeen);
    }

    /** Loses the transmissions {@code lose} selects. */
    LinkPair losing(Predicate<Transit> lose) {
        this.lose = lose;
        return this;
    }

    /** Delivers the transmissions {@code duplicate} selects twice. */
    LinkPair duplicating(Predicate<Transit> duplicate) {
        this.duplicate = duplicate;
        return this;
    }

    /**
     * Makes {@code side} take nothing in from {@code from} for {@code length} (a descheduled thread, a JIT pause):
     * what would arrive in that time arrives, in order, when it ends.
     */
    LinkPair stalling(KdRole side, Duration from, Duration length) {
        stalls.add(new Stall(side, from.toNanos(), from.plus(length).toNanos()));
        return this;
    }

    private long arrival(KdRole to, long at) {
        for (Stall stall : stalls) {
            if (stall.side() == to && at >= stall.from() && at < stall.until()) {
                return stall.until();
            }
        }
        return at;
    }

    private void carry(KdRole from, KdBody body) {
        Transit transit = new Transit(from, body, wire.size(), clock.nanoTime());
        wire.add(transit);
        if (lose.test(transit)) {
            return;
        }
        KdRole toRole = from == KdRole.HOST ? KdRole.TARGET : KdRole.HOST;
        KdLink to = from == KdRole.HOST ? target : host;
        long wait = arrival(toRole, clock.nanoTime() + delay.toNanos()) - clock.nanoTime();
        int copies = duplicate.test(transit) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            clock.schedule(() -> to.receive(body), wait);
        }
    }

    /** Runs the clock for {@code duration}. */
    void run(Duration duration) {
        clock.advance(duration);
    }

    /** Transmissions by {@code from}. */
    List<Transit> sentBy(KdRole from) {
        return wire.stream().filter(t -> t.from() == from).toList();
    }
}
