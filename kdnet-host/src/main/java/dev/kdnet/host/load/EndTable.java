package dev.kdnet.host.load;

import dev.kdnet.protocol.drop.DropReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The table at the end of a load run: one row per target and the total, then drops by reason and the host. */
public final class EndTable {
    private static final String HEADER = String.format(Locale.ROOT,
            "%-7s %9s %9s %10s %9s %9s %9s %9s %9s %8s %8s %7s %12s %10s",
            "target", "MB/s", "req/s", "dgram/s", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs", "retrans", "timeouts",
            "drops", "checked B", "mismatch");
    private static final String ROW = "%-7s %9.3f %9.1f %10.0f %9.1f %9.1f %9.1f %9.1f %9.1f %8d %8d %7d %12d %10d";
    private static final double MEBIBYTE = 1 << 20;

    private EndTable() {
    }

    /** The table's lines. */
    public static List<String> lines(LoadResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        result.targets().forEach(figures -> lines.add(row(figures)));
        if (result.targets().size() > 1) {
            lines.add(row(result.total()));
        }
        for (Figures figures : result.targets()) {
            Map<DropReason, Long> drops = figures.tally().drops();
            if (!drops.isEmpty()) {
                lines.add("drops at " + figures.name() + ": " + drops.entrySet().stream()
                        .map(drop -> drop.getKey().description() + " " + drop.getValue())
                        .collect(Collectors.joining(", ")));
            }
        }
        HostUsage usage = result.usage();
        lines.add(String.format(Locale.ROOT, "host: CPU %.0f%% of one core (%d cores), heap %.0f MiB of %.0f MiB;"
                + " %.1f s measured", usage.cpuPercent(), usage.cores(), usage.heapUsedBytes() / MEBIBYTE,
                usage.heapMaxBytes() / MEBIBYTE, result.total().seconds()));
        result.lostTargets().forEach(lost -> lines.add("session lost at " + lost));
        lines.add(result.passed() ? "integrity: every byte checked was right"
                : "FAILED: " + failure(result));
        return lines;
    }

    private static String failure(LoadResult result) {
        List<String> why = new ArrayList<>();
        if (result.total().tally().mismatches() > 0) {
            why.add(result.total().tally().mismatches() + " bytes differed from the simulator's seeded memory");
        }
        if (!result.lostTargets().isEmpty()) {
            why.add(result.lostTargets().size() + " session(s) lost");
        }
        return String.join("; ", why);
    }

    private static String row(Figures figures) {
        Tally tally = figures.tally();
        return String.format(Locale.ROOT, ROW, figures.name(), figures.megabytesPerSecond(),
                figures.requestsPerSecond(), figures.datagramsPerSecond(), figures.percentileMicros(50), figures.percentileMicros(90),
                figures.percentileMicros(99), figures.percentileMicros(99.9), figures.maxMicros(),
                tally.retransmits(), tally.timeouts(), tally.totalDrops(), tally.bytesChecked(), tally.mismatches());
    }
}
