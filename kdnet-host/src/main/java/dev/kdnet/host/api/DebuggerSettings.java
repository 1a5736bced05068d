package dev.kdnet.host.api;

import java.time.Duration;

/**
 * How a {@link Debugger} waits and sizes its requests.
 *
 * @param requestTimeout how long a manipulate request may wait for its reply (the KD link retransmits meanwhile)
 * @param stopTimeout    how long go-with-trace, break-in and processor switches wait for the target to stop
 * @param breakInDelay   after a handshake, how long to wait for a stop before sending the break-in byte
 *                       (kd-protocol §7.1: about 1 s)
 * @param breakInRepeat  how often the break-in byte goes out again while no stop has arrived (nothing acknowledges
 *                       it, so a lost one is only made good by sending another)
 * @param chunkSize      the largest memory transfer per request: 0x448 over KDNET (kd-protocol §7.5) by default;
 *                       at most {@link #MAX_CHUNK_SIZE}
 * @param maxModules     the most module-list entries to walk (a corrupt list cannot loop forever)
 */
public record DebuggerSettings(Duration requestTimeout, Duration stopTimeout, Duration breakInDelay,
        Duration breakInRepeat, int chunkSize, int maxModules) {
    /** The default chunk size over KDNET. */
    public static final int KDNET_CHUNK_SIZE = 0x448;
    /** The largest chunk a manipulate reply can carry (PACKET_MAX_SIZE 4000 − the 56-byte header). */
    public static final int MAX_CHUNK_SIZE = 3944;

    /** Checks the values. */
    public DebuggerSettings {
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be 1.." + MAX_CHUNK_SIZE + ": " + chunkSize);
        }
        if (breakInRepeat.isNegative() || breakInRepeat.isZero()) {
            throw new IllegalArgumentException("break-in repeat must be positive: " + breakInRepeat);
        }
        if (maxModules < 1) {
            throw new IllegalArgumentException("maxModules must be positive: " + maxModules);
        }
    }

    /**
     * 5 s per request, 10 s per stop, break-in after 1 s and again every 500 ms (the KD retransmit timeout of
     * kd-protocol §2.6), 0x448-byte chunks, up to 1024 modules.
     */
    public static DebuggerSettings defaults() {
        return new DebuggerSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofMillis(500), KDNET_CHUNK_SIZE, 1024);
    }

    /** The same with another chunk size. */
    public DebuggerSettings withChunkSize(int size) {
        return new DebuggerSettings(requestTimeout, stopTimeout, breakInDelay, breakInRepeat, size, maxModules);
    }
}
