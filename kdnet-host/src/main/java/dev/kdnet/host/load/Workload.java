package dev.kdnet.host.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What each request of a load run is. */
public enum Workload {
    /** ReadPhysicalMemory of the request size in the simulator's load region, every byte checked. */
    READ,
    /** ReadControlSpace of CPU 0's KPCR address (8 bytes): the pure request round trip. */
    SMALL,
    /** WritePhysicalMemory of the request size into the scratch region, then a read back, checked. */
    WRITE,
    /** {@link #READ} and {@link #WRITE} in turn. */
    MIXED,
    /** Continue, then break in: the latency from the break-in to the stop, one a cycle. */
    STOPS,
    /**
     * One physical dump of the load region's first bytes per target, in requests of the request size (one latency
     * each), checked; the run lasts as long as the dumps.
     */
    DUMP;

    /** True if each target does the work once, and the run ends when all have: no warm-up, no set duration. */
    public boolean once() {
        return this == DUMP;
    }

    /** True if the workload writes into the target. */
    public boolean writes() {
        return this == WRITE || this == MIXED;
    }

    /** The name on the command line, e.g. {@code read}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The workload named {@code text}; IllegalArgumentException naming the choices otherwise. */
    public static Workload parse(String text) {
        for (Workload workload : values()) {
            if (workload.optionName().equals(text)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("--workload " + text + " is not one of " + Arrays.stream(values())
                .map(Workload::optionName).collect(Collectors.joining(", ")));
    }
}
