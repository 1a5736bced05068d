package dev.kdnet.host.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What this host process used over a span: CPU time as a share of one core (like top: 150% is one and a half
 * cores busy) and heap.
 *
 * @param cpuPercent     process CPU time over wall time, in % of one core
 * @param cores          the processors this JVM sees
 * @param heapUsedBytes  heap in use at the end of the span
 * @param heapMaxBytes   the most heap the JVM may take
 */
public record HostUsage(double cpuPercent, int cores, long heapUsedBytes, long heapMaxBytes) {
    private static final double PERCENT = 100;

    /** A point to measure from. */
    public record Mark(long wallNanos, long cpuNanos) {
        /** Now. */
        public static Mark now() {
            return new Mark(System.nanoTime(), processCpuNanos());
        }
    }

    /** The usage from {@code start} to now. */
    public static HostUsage since(Mark start) {
        Mark end = Mark.now();
        long wall = end.wallNanos - start.wallNanos;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        double cpu = wall > 0 && end.cpuNanos >= 0 ? PERCENT * (end.cpuNanos - start.cpuNanos) / wall : 0;
        return new HostUsage(cpu, Runtime.getRuntime().availableProcessors(), memory.getHeapMemoryUsage().getUsed(),
                memory.getHeapMemoryUsage().getMax());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
