package dev.kdnet.it.bench;

import java.io.File;
import java.util.List;

/**
 * Where the benchmark's processes run. Pinned (the default where {@code taskset} exists): every client (the
 * debugger host, the raw ping-pongs' senders) on CPU 0 and every server (the simulated target, the raw echoes) on
 * CPU 1, the same for all measurements, so that no baseline depends on where the scheduler happened to put two
 * processes (on a 2-core machine a round trip within one CPU is several times faster than across two). Unpinned
 * with {@code -Dkdnet.bench.pin=false}.
 */
enum Placement {
    PINNED, UNPINNED;

    /** Which side of an exchange a process is. */
    enum Role {
        CLIENT(0), SERVER(1);

        private final int cpu;

        Role(int cpu) {
            this.cpu = cpu;
        }
    }

    private static final String TASKSET = "/usr/bin/taskset";

    /** Pinned unless the property says otherwise or {@code taskset} is missing. */
    static Placement fromSystemProperties() {
        boolean wanted = Boolean.parseBoolean(System.getProperty("kdnet.bench.pin", "true"));
        return wanted && new File(TASKSET).canExecute() && Runtime.getRuntime().availableProcessors() >= 2
                ? PINNED : UNPINNED;
    }

    /** The words before a command that place it. */
    List<String> prefix(Role role) {
        return this == PINNED ? List.of(TASKSET, "-c", Integer.toString(role.cpu)) : List.of();
    }

    /** One line for the report. */
    String describe() {
        return this == PINNED
                ? "pinned with taskset: clients (debugger host, raw senders) on CPU 0, servers (simulated target,"
                        + " raw echoes) on CPU 1"
                : "unpinned: the scheduler places the processes (results may be bimodal)";
    }
}
