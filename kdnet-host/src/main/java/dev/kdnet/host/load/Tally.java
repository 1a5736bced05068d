package dev.kdnet.host.load;

import dev.kdnet.protocol.drop.DropReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * The running counters of one target at a moment: what its driver did and what its session's link and socket
 * counted. Figures of a span are the difference of two tallies.
 *
 * @param requests     requests completed
 * @param bytes        memory payload bytes received
 * @param bytesChecked bytes compared with the simulator's seeded memory
 * @param mismatches   bytes that differed from it (a short read's missing bytes count too)
 * @param failures     requests that failed (no answer in time, refused)
 * @param retransmits  KD data packets the host sent again
 * @param timeouts     KD acknowledgement timeouts on the host
 * @param drops        datagrams and packets the host dropped, by reason
 */
public record Tally(long requests, long bytes, long bytesChecked, long mismatches, long failures, long retransmits,
        long timeouts, Map<DropReason, Long> drops) {
    /** Nothing counted yet. */
    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, Map.of());

    /** Copies the drops. */
    public Tally {
        drops = Map.copyOf(drops);
    }

    /** What was counted from {@code earlier} to this tally. */
    public Tally since(Tally earlier) {
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        drops.forEach((reason, count) -> {
            long delta = count - earlier.drops.getOrDefault(reason, 0L);
            if (delta != 0) {
                dropped.put(reason, delta);
            }
        });
        return new Tally(requests - earlier.requests, bytes - earlier.bytes, bytesChecked - earlier.bytesChecked,
                mismatches - earlier.mismatches, failures - earlier.failures, retransmits - earlier.retransmits,
                timeouts - earlier.timeouts, dropped);
    }

    /** The sum of this tally and {@code other}. */
    public Tally plus(Tally other) {
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        dropped.putAll(drops);
        other.drops.forEach((reason, count) -> dropped.merge(reason, count, Long::sum));
        return new Tally(requests + other.requests, bytes + other.bytes, bytesChecked + other.bytesChecked,
                mismatches + other.mismatches, failures + other.failures, retransmits + other.retransmits,
                timeouts + other.timeouts, dropped);
    }

    /** All drops, whatever the reason. */
    public long totalDrops() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
