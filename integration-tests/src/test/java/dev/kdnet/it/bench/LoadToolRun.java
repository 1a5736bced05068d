package dev.kdnet.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdnet.host.cli.HostMain;
import dev.kdnet.it.host.LoopbackTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The load tester's own figures ({@code ./kdnet load}, in this JVM as the host, the fleet a process of its own):
 * the seed's latency law (reads through relays that delay 0.5 ms each way, at 0x448 and 3944 bytes, beside payload /
 * the raw UDP baseline's RTT through the same relays), and scale: 1 and 40 targets reading 0x448 bytes.
 */
final class LoadToolRun {
    /** The seconds each load run measures. */
    private static final String DURATION = "10s";
    /** Enough for the law, where the relays' delay dominates. */
    private static final String LAW_WARMUP = "1s";
    /**
     * Enough for the JIT: with 2 s, C2 compiler threads still take a third of the CPU samples during a 40-target
     * measurement (perf), and the p99 triples.
     */
    private static final String SCALE_WARMUP = "20s";
    private static final int MANY_TARGETS = 40;

    private final Path out;

    LoadToolRun(Path out) {
        this.out = out;
    }

    /**
     * One point of the law.
     *
     * @param requestSize          bytes per read
     * @param rttMicros            the baseline's median round trip through the relays
     * @param lawMegabytesPerSecond payload / that round trip
     * @param megabytesPerSecond   measured
     */
    record LawPoint(int requestSize, double rttMicros, double lawMegabytesPerSecond, double megabytesPerSecond) {
        double ratio() {
            return megabytesPerSecond / lawMegabytesPerSecond;
        }
    }

    /**
     * One scale run's totals.
     *
     * @param targets            simulated targets
     * @param megabytesPerSecond memory payload, all targets
     * @param datagramsPerSecond datagrams the host received and sent, each authenticated by its receiver
     * @param requestsPerSecond  requests completed
     * @param p99Micros          request latency's 99th percentile
     * @param hostCpuPercent     the host process's CPU, % of one core
     * @param baselineRatio      MB/s per target over the raw baseline's payload / RTT
     */
    record ScalePoint(int targets, double megabytesPerSecond, double datagramsPerSecond, double requestsPerSecond,
            double p99Micros, double hostCpuPercent, double baselineRatio) {
    }

    /** What the load tool measured. */
    record Results(List<LawPoint> law, List<ScalePoint> scale) {
    }

    Results run() throws Exception {
        JsonNode sweep = load("law", 1, LAW_WARMUP, "--delay", "0.5ms", "--sweep", "request-size=0x448,3944");
        List<LawPoint> law = new ArrayList<>();
        for (JsonNode point : sweep.path("sweep").path("points")) {
            JsonNode baseline = point.path("end").path("baseline");
            law.add(new LawPoint(baseline.path("payload_bytes").asInt(), baseline.path("rtt_p50_us").asDouble(),
                    point.path("law_megabytes_per_second").asDouble(),
                    point.path("megabytes_per_second_per_target").asDouble()));
        }
        List<ScalePoint> scale = new ArrayList<>();
        for (int targets : new int[] {1, MANY_TARGETS}) {
            JsonNode end = load("scale-" + targets, targets, SCALE_WARMUP).path("end");
            JsonNode sum = end.path("sum");
            double lawPerTarget = end.path("baseline").path("law_megabytes_per_second").asDouble();
            scale.add(new ScalePoint(targets, sum.path("megabytes_per_second").asDouble(),
                    sum.path("datagrams_per_second").asDouble(), sum.path("requests_per_second").asDouble(),
                    sum.path("latency_us").path("p99").asDouble(), end.path("host").path("cpu_percent").asDouble(),
                    sum.path("megabytes_per_second").asDouble() / targets / lawPerTarget));
        }
        return new Results(law, scale);
    }

    /** Runs {@code ./kdnet load} with {@code targets} targets, {@code warmup} and {@code options}; its JSON. */
    private JsonNode load(String name, int targets, String warmup, String... options) throws Exception {
        Path json = out.resolve("load-" + name + ".json");
        Path log = out.resolve("load-" + name + ".log");
        List<String> arguments = new ArrayList<>(List.of("load-fleet", "--targets", Integer.toString(targets),
                "--port", Integer.toString(LoopbackTarget.freePorts(targets)), "--duration", DURATION, "--warmup",
                warmup, "--json", json.toString(), "-q"));
        arguments.addAll(List.of(options));
        int exit;
        try (PrintWriter text = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            CommandLine commandLine = HostMain.commandLine();
            commandLine.setOut(text);
            commandLine.setErr(text);
            exit = commandLine.execute(arguments.toArray(String[]::new));
        }
        if (exit != 0) {
            throw new IOException("./kdnet load " + String.join(" ", arguments) + " exited " + exit + "; see " + log);
        }
        return new ObjectMapper().readTree(json.toFile());
    }
}
