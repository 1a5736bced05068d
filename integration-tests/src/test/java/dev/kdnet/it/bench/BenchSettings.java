package dev.kdnet.it.bench;

import dev.kdnet.host.api.DebuggerSettings;
import java.util.List;

/**
 * How long and how the benchmarks run; the defaults can be changed with system properties
 * ({@code -Dkdnet.bench.rounds=15 -Dkdnet.bench.seconds=0.5 -Dkdnet.bench.pin=true}) given to {@code mvn}.
 *
 * @param rounds    measured rounds (one more runs first, to warm up, and is not counted); many short rounds give a
 *                  median that a burst of load elsewhere on a shared machine moves little
 * @param seconds   seconds each measurement of a round lasts
 * @param placement where the processes run
 */
record BenchSettings(int rounds, double seconds, Placement placement) {
    /** Bytes of the clean loopback dump. */
    static final int DUMP_BYTES = 64 << 20;

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(Integer.getInteger("kdnet.bench.rounds", 15),
                Double.parseDouble(System.getProperty("kdnet.bench.seconds", "0.5")), Placement.fromSystemProperties());
    }

    /** The request sizes pulls are measured at: KDNET's default and the largest a reply carries. */
    List<Integer> chunks() {
        return List.of(DebuggerSettings.KDNET_CHUNK_SIZE, DebuggerSettings.MAX_CHUNK_SIZE);
    }

    /** The dump reads in the host's default chunks, as {@code .dumpphys} does. */
    int dumpChunk() {
        return DebuggerSettings.defaults().chunkSize();
    }

    int dumpBytes() {
        return DUMP_BYTES;
    }
}
