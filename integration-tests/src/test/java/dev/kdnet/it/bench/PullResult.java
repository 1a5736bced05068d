package dev.kdnet.it.bench;

/**
 * Memory pulls and the raw ping-pongs they are compared with, at one chunk size, over the rounds of a run. Every
 * ratio is taken within a round (the three ran back to back) before the median is.
 *
 * @param sizes       the datagram sizes of one exchange
 * @param raw         raw ping-pong exchanges/s (request, reply)
 * @param kdPattern   raw exchanges/s in the KD pattern (request, ACK + reply, ACK)
 * @param pull        ReadPhysicalMemory requests/s through the debugger
 * @param pullOverRaw pull / raw
 * @param pullOverKd  pull / KD-pattern raw
 */
record PullResult(WireSizes sizes, Rounds raw, Rounds kdPattern, Rounds pull, Rounds pullOverRaw,
        Rounds pullOverKd) {
    PullResult(WireSizes sizes) {
        this(sizes, new Rounds(), new Rounds(), new Rounds(), new Rounds(), new Rounds());
    }

    /** Adds one round's exchanges/s. */
    void add(double rawRate, double kdRate, double pullRate) {
        raw.add(rawRate);
        kdPattern.add(kdRate);
        pull.add(pullRate);
        pullOverRaw.add(pullRate / rawRate);
        pullOverKd.add(pullRate / kdRate);
    }

    /** MB/s (10^6 bytes) of memory at {@code exchangesPerSecond} of this chunk size. */
    double megabytes(double exchangesPerSecond) {
        return exchangesPerSecond * sizes.chunk() / 1e6;
    }
}
