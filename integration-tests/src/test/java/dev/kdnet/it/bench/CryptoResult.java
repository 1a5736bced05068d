package dev.kdnet.it.bench;

/**
 * What JMH measured of the datagram crypto.
 *
 * @param sealAndOpen         seal + open of a datagram with a 1440-byte body, operations/s on one thread (median of
 *                            the measurement iterations)
 * @param openAllocation      bytes allocated per opened 1440-byte datagram
 * @param memoryReplyAllocation bytes allocated per ReadPhysicalMemory reply of the largest chunk, opened and decoded
 */
record CryptoResult(Rounds sealAndOpen, double openAllocation, double memoryReplyAllocation) {
    /** MB/s of body sealed and opened. */
    double megabytesPerSecond() {
        return sealAndOpen.median() * CryptoBench.BODY / 1e6;
    }
}
