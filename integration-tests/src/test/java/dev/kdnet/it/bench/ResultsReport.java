package dev.kdnet.it.bench;

import java.util.Locale;

/** The benchmark's results as Markdown (the format of {@code docs/benchmarks.md}). */
final class ResultsReport {
    private final StringBuilder text = new StringBuilder();

    /** The report of one run. */
    static String of(String environment, BenchSettings settings, MemoryPullRun.Results pulls, CryptoResult crypto,
            LoadToolRun.Results load) {
        ResultsReport report = new ResultsReport();
        report.line("# kdnet benchmark results").line("").line(environment).line("");
        report.pulls(settings, pulls);
        report.dump(pulls.dump());
        report.crypto(crypto);
        report.load(load);
        return report.text.toString();
    }

    private void pulls(BenchSettings settings, MemoryPullRun.Results results) {
        line("## Memory pull vs raw UDP").line("");
        line("Medians of %d rounds of %.1f s each (after one warm-up round); every ratio is taken within a round.",
                settings.rounds(), settings.seconds());
        line("%s.", settings.placement().describe()).line("");
        line("Exchanges/s and MB/s of memory payload (chunk × exchanges/s):").line("");
        StringBuilder header = new StringBuilder("| chunk | datagrams: request / reply / ACK (bytes) |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Measurement measurement : Measurement.values()) {
            header.append(' ').append(measurement.title()).append(" |");
            rule.append("---|");
        }
        line("%s", header).line("%s", rule);
        for (PullResult pull : results.pulls()) {
            WireSizes sizes = pull.sizes();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d / %d / %d |", chunk(sizes),
                    sizes.sealed().request(), sizes.sealed().reply(), sizes.sealed().ack()));
            for (Measurement measurement : Measurement.values()) {
                row.append(' ').append(rate(pull, pull.rate(measurement))).append(" |");
            }
            line("%s", row);
        }
        line("").line("Ratios (medians, with their range over the rounds):").line("");
        header = new StringBuilder("| chunk |");
        rule = new StringBuilder("|---|");
        for (Ratio ratio : Ratio.values()) {
            header.append(' ').append(ratio.title()).append(" |");
            rule.append("---|");
        }
        line("%s", header).line("%s", rule);
        for (PullResult pull : results.pulls()) {
            StringBuilder row = new StringBuilder("| " + chunk(pull.sizes()) + " |");
            for (Ratio ratio : Ratio.values()) {
                row.append(' ').append(ratio(pull.ratio(ratio))).append(" |");
            }
            line("%s", row);
        }
        line("");
    }

    private static String chunk(WireSizes sizes) {
        return String.format(Locale.ROOT, "%d (0x%x)", sizes.chunk(), sizes.chunk());
    }

    private static String ratio(Rounds ratios) {
        return String.format(Locale.ROOT, "**%.3f** (%s)", ratios.median(), ratios.range("%.3f"));
    }

    private static String rate(PullResult pull, Rounds rounds) {
        double median = rounds.median();
        return String.format(Locale.ROOT, "%,.0f/s = %.1f MB/s", median, pull.megabytes(median));
    }

    private void dump(DumpResult dump) {
        line("## Spurious retransmits in a clean loopback dump").line("");
        line("| dump | chunk | MB/s | host: KD packets sent / resent / ACK timeouts | target: sent / resent / ACK"
                + " timeouts | resent / packets |");
        line("|---|---|---|---|---|---|");
        line("| %d MiB | %d | %.1f | %d / %d / %d | %d / %d / %d | **%.5f** (%.3f%%) |", dump.bytes() >> 20,
                dump.chunk(), dump.megabytesPerSecond(), dump.host().sent(), dump.host().retransmits(),
                dump.host().timeouts(), dump.target().sent(), dump.target().retransmits(), dump.target().timeouts(),
                dump.resentShare(), dump.resentShare() * 100).line("");
    }

    private void load(LoadToolRun.Results load) {
        line("## ./kdnet load").line("");
        line("The latency law: `--targets 1 --delay 0.5ms --sweep request-size=0x448,3944` (10 s each after 1 s of"
                + " warm-up); the RTT is the raw UDP baseline's median through relays with the same delay.").line("");
        line("| request size | baseline RTT | payload / RTT | measured | ratio |").line("|---|---|---|---|---|");
        for (LoadToolRun.LawPoint point : load.law()) {
            line("| %d B | %.0f µs | %.3f MB/s | %.3f MB/s | **%.3f** |", point.requestSize(), point.rttMicros(),
                    point.lawMegabytesPerSecond(), point.megabytesPerSecond(), point.ratio());
        }
        line("").line("Scale: `--targets N` reading 0x448 bytes, 10 s after 20 s of warm-up, no impairment.").line("");
        line("| targets | total MB/s | authenticated datagrams/s | requests/s | p99 | host CPU (one core = 100%%) |"
                + " MB/s per target / payload over baseline RTT |").line("|---|---|---|---|---|---|---|");
        for (LoadToolRun.ScalePoint point : load.scale()) {
            line("| %d | %.1f | %,.0f | %,.0f | %.0f µs | %.0f%% | %.3f |", point.targets(),
                    point.megabytesPerSecond(), point.datagramsPerSecond(), point.requestsPerSecond(),
                    point.p99Micros(), point.hostCpuPercent(), point.baselineRatio());
        }
        line("");
    }

    private void crypto(CryptoResult crypto) {
        line("## Crypto (JMH, one thread)").line("");
        line("| benchmark | result |").line("|---|---|");
        line("| seal + open, 1440-byte body | **%.0f MB/s** (%,.0f datagrams/s; median of %d iterations, %s) |",
                crypto.megabytesPerSecond(), crypto.sealAndOpen().median(), CryptoRun.MEASUREMENTS,
                crypto.sealAndOpen().range("%,.0f"));
        line("| allocation per opened 1440-byte datagram | %.0f B/op |", crypto.openAllocation());
        line("| allocation per 3944-byte memory reply, opened and decoded | %.0f B/op |",
                crypto.memoryReplyAllocation()).line("");
    }

    private ResultsReport line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }
}
