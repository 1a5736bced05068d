package dev.kdnet.it.bench;

import dev.kdnet.protocol.link.KdLinkStats;

/**
 * What the benchmark counts of one side's KD link: KD packets it sent (first sends, resends, ACKs, RESENDs, RESETs)
 * and how many of them were resends of a data packet.
 *
 * @param sent        every KD packet sent
 * @param retransmits data packets sent again (on a clean loopback link every one is spurious)
 * @param timeouts    ACK timeouts
 */
record KdLinkCounters(long sent, long retransmits, long timeouts) {
    static KdLinkCounters of(KdLinkStats link) {
        return new KdLinkCounters(link.dataSent() + link.retransmits() + link.acksSent() + link.resendsSent()
                + link.resetsSent(), link.retransmits(), link.timeouts());
    }

    /** Parses {@link #format()}. */
    static KdLinkCounters parse(String text) {
        String[] words = text.split(" ");
        return new KdLinkCounters(Long.parseLong(words[0]), Long.parseLong(words[1]), Long.parseLong(words[2]));
    }

    /** {@code sent retransmits timeouts}. */
    String format() {
        return sent + " " + retransmits + " " + timeouts;
    }

    /** The counts since {@code earlier}. */
    KdLinkCounters since(KdLinkCounters earlier) {
        return new KdLinkCounters(sent - earlier.sent, retransmits - earlier.retransmits, timeouts - earlier.timeouts);
    }
}
