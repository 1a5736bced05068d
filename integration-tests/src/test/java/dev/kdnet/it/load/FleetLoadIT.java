package dev.kdnet.it.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdnet.host.cli.HostMain;
import dev.kdnet.host.load.HtmlReport;
import dev.kdnet.it.host.LoopbackTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./kdnet load} end to end: a fleet of four simulated targets as a second process, a host here, five seconds
 * of reads, and the JSON it writes: every interval and target present, bytes checked, none wrong; and the same
 * through relays that lose 5% of the datagrams each way: retransmits, and still no byte wrong.
 */
class FleetLoadIT {
    private static final int TARGETS = 4;
    private static final int INTERVALS = 5;

    @TempDir
    Path dir;

    @Test
    void fourTargetsForFiveSecondsReadCheckedBytesWithNoMismatch() throws Exception {
        Path json = dir.resolve("load.json");
        Path hgrm = dir.resolve("load.hgrm");
        Path html = dir.resolve("load.html");
        int port = LoopbackTarget.freePorts(TARGETS);

        Load run = Load.of("load-fleet", "--targets", Integer.toString(TARGETS), "--port",
                Integer.toString(port), "--duration", INTERVALS + "s", "--warmup", "1s", "--json", json.toString(),
                "--hgrm", hgrm.toString(), "--html", html.toString());

        assertThat(run.exit()).as("stdout: %s%nstderr: %s", run.out(), run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        assertThat(root.path("start").path("test_start").path("targets").asInt()).isEqualTo(TARGETS);
        assertThat(root.path("start").path("test_start").path("workload").asText()).isEqualTo("read");
        assertThat(root.path("intervals")).hasSize(INTERVALS);
        for (JsonNode interval : root.path("intervals")) {
            assertThat(interval.path("streams")).hasSize(TARGETS);
            assertThat(interval.path("sum").path("requests").asLong()).isPositive();
        }
        JsonNode end = root.path("end");
        assertThat(end.path("streams")).hasSize(TARGETS);
        for (JsonNode stream : end.path("streams")) {
            assertThat(stream.path("bytes_checked").asLong()).as("target %s", stream.path("target")).isPositive();
        }
        JsonNode sum = end.path("sum");
        assertThat(sum.path("bytes_checked").asLong()).isPositive().isEqualTo(sum.path("bytes").asLong());
        assertThat(sum.path("mismatches").asLong()).isZero();
        assertThat(sum.path("megabytes_per_second").asDouble()).isPositive();
        assertThat(sum.path("latency_us").path("p99").asDouble())
                .isGreaterThanOrEqualTo(sum.path("latency_us").path("p50").asDouble()).isPositive();
        assertThat(end.path("latency_histogram").path("data").asText()).isNotEmpty();
        assertThat(end.path("passed").asBoolean()).isTrue();
        JsonNode baseline = end.path("baseline");
        assertThat(baseline.path("round_trips").asLong()).as("the raw UDP baseline ran").isPositive();
        assertThat(baseline.path("reply_bytes").asInt()).isGreaterThan(baseline.path("request_bytes").asInt());
        assertThat(baseline.path("law_megabytes_per_second").asDouble()).isPositive();
        assertThat(run.out()).contains("total", "integrity: every byte checked was right");
        assertThat(Files.readString(hgrm)).contains("Percentile", "#[Max");
        String report = Files.readString(html);
        assertThat(report).as("the HTML report's three charts")
                .contains("id=\"throughput\"", "id=\"spectrum\"", "id=\"sweep\"");
        assertThat(throughputPoints(report)).as("a throughput point per interval of the JSON")
                .isEqualTo(root.path("intervals").size());
    }

    @Test
    void throughFivePercentLossTheLinkRetransmitsAndNoByteIsWrong() throws Exception {
        Path json = dir.resolve("lossy.json");
        int port = LoopbackTarget.freePorts(2);

        Load run = Load.of("load-fleet", "--targets", "2", "--port", Integer.toString(port),
                "--duration", "3s", "--warmup", "1s", "--loss", "5%", "--no-baseline", "--json", json.toString());

        assertThat(run.exit()).as("stdout: %s%nstderr: %s", run.out(), run.err()).isZero();
        JsonNode sum = new ObjectMapper().readTree(Files.readString(json)).path("end").path("sum");
        assertThat(sum.path("retransmits").asLong()).isPositive();
        assertThat(sum.path("bytes_checked").asLong()).isPositive();
        assertThat(sum.path("mismatches").asLong()).isZero();
        assertThat(run.out()).contains("relays towards the host: forwarded").doesNotContain("baseline:");
    }

    @Test
    void aSweepOfRequestSizesGivesOneRowPerSizeBesideTheLaw() throws Exception {
        int port = LoopbackTarget.freePorts(1);

        Load run = Load.of("load-fleet", "--port", Integer.toString(port), "--duration", "1s",
                "--warmup", "0.5s", "--sweep", "request-size=0x448,3944");

        assertThat(run.exit()).as("stdout: %s%nstderr: %s", run.out(), run.err()).isZero();
        List<String[]> rows = run.out().lines().filter(line -> line.startsWith("0x448 ")
                || line.startsWith("3944 ")).map(line -> line.trim().split("\\s+")).toList();
        assertThat(rows).as(run.out()).hasSize(2);
        for (String[] row : rows) {
            assertThat(Double.parseDouble(row[2])).as("MB/s per target").isPositive();
            assertThat(Double.parseDouble(row[7])).as("law MB/s").isPositive();
            assertThat(row[9]).as("mismatches").isEqualTo("0");
        }
    }

    /**
     * The seed's latency law, in the form that holds on a loaded machine: through relays that delay each datagram
     * 0.5 ms (1 ms round trip), a read of 0x448 or of 3944 bytes takes one round trip (its median latency is within
     * 0.85-1.5 times the raw UDP baseline's median RTT through the same relays: not less, not two), and so no run
     * moves more than 15% above payload / RTT. How close to the law it comes on a quiet machine is the benchmark's
     * (docs/benchmarks.md).
     */
    @Test
    void withHalfAMillisecondEachWayAReadTakesOneRoundTrip() throws Exception {
        Path json = dir.resolve("law.json");
        int port = LoopbackTarget.freePorts(1);

        Load run = Load.of("load-fleet", "--port", Integer.toString(port), "--delay", "0.5ms",
                "--duration", "2s", "--warmup", "0.5s", "--sweep", "request-size=0x448,3944", "--json",
                json.toString());

        assertThat(run.exit()).as("stdout: %s%nstderr: %s", run.out(), run.err()).isZero();
        JsonNode points = new ObjectMapper().readTree(Files.readString(json)).path("sweep").path("points");
        assertThat(points).hasSize(2);
        assertThat(points.get(0).path("end").path("baseline").path("payload_bytes").asInt()).isEqualTo(1096);
        assertThat(points.get(1).path("end").path("baseline").path("payload_bytes").asInt()).isEqualTo(3944);
        for (JsonNode point : points) {
            JsonNode end = point.path("end");
            double rttMicros = end.path("baseline").path("rtt_p50_us").asDouble();
            assertThat(rttMicros).as("the baseline's round trip crosses the relays' 1 ms").isGreaterThan(1000);
            double law = end.path("baseline").path("payload_bytes").asInt() / rttMicros;
            assertThat(point.path("law_megabytes_per_second").asDouble()).isCloseTo(law, within(law * 0.01));
            assertThat(end.path("sum").path("latency_us").path("p50").asDouble()).as("%s B", point.path("value"))
                    .isBetween(rttMicros * 0.85, rttMicros * 1.5);
            assertThat(point.path("megabytes_per_second_per_target").asDouble()).as("%s B", point.path("value"))
                    .isLessThanOrEqualTo(law * 1.15);
            assertThat(end.path("sum").path("mismatches").asLong()).isZero();
        }
    }

    @Test
    void aSweepOfDelaysPutsEachPointsDelayOnTheTargetsPath() throws Exception {
        Path json = dir.resolve("delays.json");
        int port = LoopbackTarget.freePorts(1);

        Load run = Load.of("load-fleet", "--port", Integer.toString(port), "--duration", "1s",
                "--warmup", "0.5s", "--sweep", "delay=0ms,1ms", "--json", json.toString());

        assertThat(run.exit()).as("stdout: %s%nstderr: %s", run.out(), run.err()).isZero();
        JsonNode points = new ObjectMapper().readTree(Files.readString(json)).path("sweep").path("points");
        assertThat(points).hasSize(2);
        assertThat(points.get(0).path("end").path("sum").path("latency_us").path("p50").asDouble())
                .as("no delay").isLessThan(1000);
        assertThat(points.get(1).path("end").path("sum").path("latency_us").path("p50").asDouble())
                .as("1 ms each way: a request's round trip crosses 2 ms").isGreaterThanOrEqualTo(2000);
        assertThat(points.get(1).path("end").path("baseline").path("rtt_p50_us").asDouble())
                .as("the baseline through the same relays").isGreaterThanOrEqualTo(2000);
    }

    @Test
    void aSweepOfTargetsStartsAFleetPerValue() throws Exception {
        Path json = dir.resolve("targets.json");
        int port = LoopbackTarget.freePorts(3);

        Load run = Load.of("load-fleet", "--port", Integer.toString(port), "--duration", "1s",
                "--warmup", "0.5s", "--sweep", "targets=1,3", "--json", json.toString());

        assertThat(run.exit()).as("stdout: %s%nstderr: %s", run.out(), run.err()).isZero();
        JsonNode points = new ObjectMapper().readTree(Files.readString(json)).path("sweep").path("points");
        assertThat(points).hasSize(2);
        assertThat(points.get(0).path("end").path("streams")).hasSize(1);
        assertThat(points.get(1).path("end").path("streams")).hasSize(3);
        for (JsonNode point : points) {
            assertThat(point.path("end").path("sum").path("bytes_checked").asLong()).isPositive();
            assertThat(point.path("end").path("sum").path("mismatches").asLong()).isZero();
        }
        assertThat(run.err()).contains("load: 1 simulated target(s)", "load: 3 simulated target(s)");
    }

    @Test
    void theDumpWorkloadDumpsOncePerTargetAndEndsWithTheDumps() throws Exception {
        Path json = dir.resolve("dump.json");
        int port = LoopbackTarget.freePorts(2);
        int size = 0x200000;

        Load run = Load.of("load-fleet", "--targets", "2", "--port", Integer.toString(port),
                "--workload", "dump", "--size", "0x200000", "--duration", "10m", "--no-baseline", "--json",
                json.toString());

        assertThat(run.exit()).as("stdout: %s%nstderr: %s", run.out(), run.err()).isZero();
        JsonNode end = new ObjectMapper().readTree(Files.readString(json)).path("end");
        for (JsonNode stream : end.path("streams")) {
            assertThat(stream.path("bytes").asLong()).as("one dump of --size").isEqualTo(size);
            assertThat(stream.path("bytes_checked").asLong()).isEqualTo(size);
            assertThat(stream.path("requests").asLong()).as("requests of 0x448 bytes")
                    .isEqualTo((size + 0x448 - 1) / 0x448);
        }
        assertThat(end.path("sum").path("mismatches").asLong()).isZero();
        assertThat(end.path("sum").path("seconds").asDouble()).as("ended with the dumps, not after --duration")
                .isLessThan(600);
        assertThat(run.err()).contains("load: dump, one of 2097152 bytes per target; the run lasts as long as"
                + " the dumps");
    }

    /**
     * One {@code ./kdnet load} run in this JVM, as the launcher runs it (the host's hidden {@code load-fleet}).
     *
     * @param exit its exit code
     * @param out  what it printed on stdout
     * @param err  what it printed on stderr
     */
    private record Load(int exit, String out, String err) {
        static Load of(String... arguments) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = HostMain.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute(arguments);
            return new Load(exit, out.toString(), err.toString());
        }
    }

    /** The points of the throughput chart's MB/s series in {@code report}. */
    private static int throughputPoints(String report) {
        int chart = report.indexOf("id=\"throughput\"");
        String svg = report.substring(chart, report.indexOf("</svg>", chart));
        int series = svg.indexOf("data-series=\"" + HtmlReport.MEGABYTES_SERIES + "\"");
        String group = svg.substring(series, svg.indexOf("</g>", series));
        return group.split("class=\"point\"", -1).length - 1;
    }
}
