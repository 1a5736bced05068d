package dev.kdnet.host.decode;

import java.util.EnumMap;
import java.util.Map;

/** Counts decoded datagrams by verdict and words the summary line. Not thread-safe. */
public final class VerdictCounts {
    private final Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
    private long total;

    /** Counts one datagram. */
    public void add(Verdict verdict) {
        counts.merge(verdict, 1L, Long::sum);
        total++;
    }

    /** How many datagrams got {@code verdict}. */
    public long count(Verdict verdict) {
        return counts.getOrDefault(verdict, 0L);
    }

    /** How many datagrams were counted. */
    public long total() {
        return total;
    }

    /** {@code N datagrams: V verified, B bad HMAC, K no data key, M malformed, O not KDNET}. */
    public String summary() {
        StringBuilder line = new StringBuilder().append(total).append(" datagrams:");
        String separator = " ";
        for (Verdict verdict : Verdict.values()) {
            line.append(separator).append(count(verdict)).append(' ').append(verdict.label());
            separator = ", ";
        }
        return line.toString();
    }
}
