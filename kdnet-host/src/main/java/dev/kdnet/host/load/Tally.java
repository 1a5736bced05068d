package dev.kdnet.host.load;

import dev.kdnet.protocol.drop.DropReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * The running counters of one target at a moment: what its driver did ({@link Work}) and what its session's socket
 * and link counted ({@link Wire}). Figures of a span are the difference of two tallies.
 *
 * @param work what the driver's requests did
 * @param wire what the host's socket and KD link counted
 */
public record Tally(Work work, Wire wire) {
    /** Nothing counted yet. */
    public static final Tally ZERO = new Tally(Work.ZERO, Wire.ZERO);

    /**
     * What a target's driver counted.
     *
     * @param requests     requests completed
     * @param bytes        memory payload bytes received
     * @param bytesChecked bytes compared with the simulator's seeded memory
     * @param mismatches   bytes that differed from it (a short read's missing bytes count too)
     * @param failures     requests that failed (no answer in time, refused)
     */
    public record Work(long requests, long bytes, long bytesChecked, long mismatches, long failures) {
        /** Nothing done yet. */
        public static final Work ZERO = new Work(0, 0, 0, 0, 0);

        Work since(Work earlier) {
            return new Work(requests - earlier.requests, bytes - earlier.bytes, bytesChecked - earlier.bytesChecked,
                    mismatches - earlier.mismatches, failures - earlier.failures);
        }

        Work plus(Work other) {
            return new Work(requests + other.requests, bytes + other.bytes, bytesChecked + other.bytesChecked,
                    mismatches + other.mismatches, failures + other.failures);
        }
    }

    /**
     * What the host's socket and KD link counted for a target.
     *
     * @param datagrams   datagrams the host received and sent on the target's port (each authenticated by its
     *                    receiver before anything in it was used)
     * @param retransmits KD data packets the host sent again
     * @param timeouts    KD acknowledgement timeouts on the host
     * @param drops       datagrams and packets the host dropped, by reason
     */
    public record Wire(long datagrams, long retransmits, long timeouts, Map<DropReason, Long> drops) {
        /** Nothing seen yet. */
        public static final Wire ZERO = new Wire(0, 0, 0, Map.of());

        /** Copies the drops. */
        public Wire {
            drops = Map.copyOf(drops);
        }

        Wire since(Wire earlier) {
            Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
            drops.forEach((reason, count) -> {
                long delta = count - earlier.drops.getOrDefault(reason, 0L);
                if (delta != 0) {
                    dropped.put(reason, delta);
                }
            });
            return new Wire(datagrams - earlier.datagrams, retransmits - earlier.retransmits,
                    timeouts - earlier.timeouts, dropped);
        }

        Wire plus(Wire other) {
            Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
            dropped.putAll(drops);
            other.drops.forEach((reason, count) -> dropped.merge(reason, count, Long::sum));
            return new Wire(datagrams + other.datagrams, retransmits + other.retransmits, timeouts + other.timeouts,
                    dropped);
        }
    }

    /** What was counted from {@code earlier} to this tally. */
    public Tally since(Tally earlier) {
        return new Tally(work.since(earlier.work), wire.since(earlier.wire));
    }

    /** The sum of this tally and {@code other}. */
    public Tally plus(Tally other) {
        return new Tally(work.plus(other.work), wire.plus(other.wire));
    }

    /** Requests completed. */
    public long requests() {
        return work.requests();
    }

    /** Memory payload bytes received. */
    public long bytes() {
        return work.bytes();
    }

    /** Bytes compared with the simulator's seeded memory. */
    public long bytesChecked() {
        return work.bytesChecked();
    }

    /** Bytes that differed. */
    public long mismatches() {
        return work.mismatches();
    }

    /** Requests that failed. */
    public long failures() {
        return work.failures();
    }

    /** Datagrams received and sent. */
    public long datagrams() {
        return wire.datagrams();
    }

    /** KD data packets sent again. */
    public long retransmits() {
        return wire.retransmits();
    }

    /** KD acknowledgement timeouts. */
    public long timeouts() {
        return wire.timeouts();
    }

    /** Drops by reason. */
    public Map<DropReason, Long> drops() {
        return wire.drops();
    }

    /** All drops, whatever the reason. */
    public long totalDrops() {
        return wire.drops().values().stream().mapToLong(Long::longValue).sum();
    }
}
