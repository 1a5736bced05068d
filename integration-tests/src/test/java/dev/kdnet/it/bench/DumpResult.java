package dev.kdnet.it.bench;

/**
 * A clean loopback dump and what both sides of the KD link sent during it.
 *
 * @param bytes  bytes of physical memory read
 * @param chunk  bytes per request
 * @param nanos  how long it took
 * @param host   the host's KD packets during the dump
 * @param target the target's KD packets during the dump
 */
record DumpResult(long bytes, int chunk, long nanos, KdLinkCounters host, KdLinkCounters target) {
    double megabytesPerSecond() {
        return bytes / 1e6 / (nanos / 1e9);
    }

    /** Resent data packets, both sides, per KD packet sent by both. */
    double resentShare() {
        return (double) (host.retransmits() + target.retransmits()) / (host.sent() + target.sent());
    }
}
