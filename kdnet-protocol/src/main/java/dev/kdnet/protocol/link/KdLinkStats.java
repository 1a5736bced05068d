package dev.kdnet.protocol.link;

/**
 * Counters of one {@link KdLink} at a moment, for {@code .kdstats} and logs. Times are in microseconds.
 *
 * @param dataSent          data packets sent for the first time
 * @param retransmits       data packets sent again (after a timeout, RESEND or RESET)
 * @param timeouts          ACK timeouts
 * @param gaveUp            data packets abandoned after the retry budget
 * @param acksSent          ACKs sent (including re-ACKs of duplicates)
 * @param acksReceived      ACKs that completed the outstanding packet
 * @param staleAcks         ACKs that matched nothing outstanding
 * @param resendsSent       RESENDs sent (bad packets, data while waiting, hello)
 * @param resendsReceived   RESENDs received
 * @param resetsSent        RESETs sent
 * @param resetsReceived    RESETs received
 * @param delivered         new data packets handed up
 * @param duplicates        data packets dropped as duplicates (re-ACKed)
 * @param badPackets        data packets with a wrong checksum or over PACKET_MAX_SIZE (answered with RESEND)
 * @param unexpectedIds     new data packets whose id was not the expected one (answered with RESET)
 * @param rttSamples        round trips measured
 * @param srttMicros        smoothed round trip
 * @param rttvarMicros      round-trip variation
 * @param minRttMicros      smallest round trip measured
 * @param maxRttMicros      largest round trip measured
 * @param rtoMicros         the retransmit timeout now in force
 * @param spuriousRetransmits retransmissions shown needless by a second ACK for the same packet
 */
public record KdLinkStats(long dataSent, long retransmits, long timeouts, long gaveUp, long acksSent,
        long acksReceived, long staleAcks, long resendsSent, long resendsReceived, long resetsSent,
        long resetsReceived, long delivered, long duplicates, long badPackets, long unexpectedIds, long rttSamples,
        long srttMicros, long rttvarMicros, long minRttMicros, long maxRttMicros, long rtoMicros,
        long spuriousRetransmits) {
    /** The counters of a link that has sent and heard nothing. */
    public static final KdLinkStats NONE =
            new KdLinkStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
