package dev.kdnet.host.session;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SourceTally} per sender, for at most {@value #MAX_SENDERS} senders (a flood cannot grow it). */
final class SenderTallies {
    static final int MAX_SENDERS = 32;

    private final Map<InetSocketAddress, SourceTally> tallies = new LinkedHashMap<>();

    void add(InetSocketAddress source, long datagrams, long withHeader, long hmacFailed, long pokes, long answered,
            long data) {
        SourceTally tally = tallies.get(source);
        if (tally == null) {
            if (tallies.size() >= MAX_SENDERS) {
                return;
            }
            tally = SourceTally.of(source);
        }
        tallies.put(source, tally.plus(datagrams, withHeader, hmacFailed, pokes, answered, data));
    }

    /** How many senders are tallied. */
    int senders() {
        return tallies.size();
    }

    List<SourceTally> snapshot() {
        return List.copyOf(tallies.values());
    }
}
