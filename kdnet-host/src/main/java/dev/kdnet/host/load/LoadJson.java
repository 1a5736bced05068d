package dev.kdnet.host.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdnet.protocol.cli.ProjectVersion;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * A load run as JSON in iperf3's shape: {@code start} (settings, machine), {@code intervals} (per target in
 * {@code streams}, summed in {@code sum}) and {@code end} (the totals, the host's usage and the whole run's latency
 * histogram encoded). {@code --json-stream} writes the same three parts as they happen, one line each, as
 * {@code {"event": "start"|"interval"|"end", "data": ...}}. docs/load.md describes every field.
 */
public final class LoadJson {
    /** How the end histogram is encoded: HdrHistogram's compressed form, base64, as in its .hlog files. */
    public static final String HISTOGRAM_ENCODING = "HdrHistogram compressed, base64";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double NANOS_PER_MICRO = 1e3;

    private LoadJson() {
    }

    /** The {@code start} part: when, the settings, the targets' ports and this machine. */
    public static ObjectNode start(LoadSettings settings, List<Integer> ports, Instant startedAt) {
        ObjectNode start = MAPPER.createObjectNode();
        ObjectNode timestamp = start.putObject("timestamp");
        timestamp.put("time", startedAt.toString());
        timestamp.put("timesecs", startedAt.getEpochSecond());
        ObjectNode test = start.putObject("test_start");
        test.put("workload", settings.workload().optionName());
        test.put("request_size", settings.requestSize());
        test.put("targets", ports.size());
        test.put("duration_s", settings.duration().toMillis() / 1e3);
        test.put("warmup_s", settings.warmup().toMillis() / 1e3);
        test.put("interval_s", settings.interval().toMillis() / 1e3);
        test.put("seed", settings.seed());
        test.put("closed_loop", settings.rate() == 0);
        test.put("rate_per_target", settings.rate());
        ArrayNode portList = start.putArray("ports");
        ports.forEach(portList::add);
        ObjectNode system = start.putObject("system_info");
        system.put("kdnet_version", ProjectVersion.version());
        system.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        system.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        system.put("cores", Runtime.getRuntime().availableProcessors());
        return start;
    }

    /** One {@code intervals} entry. */
    public static ObjectNode interval(Interval interval) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode streams = node.putArray("streams");
        interval.targets().forEach(figures -> streams.add(figures(figures, interval.startSeconds(),
                interval.endSeconds())));
        node.set("sum", figures(interval.sum(), interval.startSeconds(), interval.endSeconds()));
        return node;
    }

    /** The {@code end} part, with the baseline if one was measured. */
    public static ObjectNode end(LoadResult result, Optional<Baseline> baseline) {
        ObjectNode end = MAPPER.createObjectNode();
        baseline.ifPresent(measured -> end.set("baseline", baseline(measured)));
        double seconds = result.total().seconds();
        ArrayNode streams = end.putArray("streams");
        result.targets().forEach(figures -> streams.add(figures(figures, 0, seconds)));
        end.set("sum", figures(result.total(), 0, seconds));
        ObjectNode host = end.putObject("host");
        host.put("cpu_percent", result.usage().cpuPercent());
        host.put("cores", result.usage().cores());
        host.put("heap_used_bytes", result.usage().heapUsedBytes());
        host.put("heap_max_bytes", result.usage().heapMaxBytes());
        ArrayNode lost = end.putArray("lost_sessions");
        result.lostTargets().forEach(lost::add);
        end.put("passed", result.passed());
        ObjectNode histogram = end.putObject("latency_histogram");
        histogram.put("unit", "ns");
        histogram.put("encoding", HISTOGRAM_ENCODING);
        histogram.put("data", encode(result.total().latency()));
        return end;
    }

    /** The whole document: {@code start}, {@code intervals}, {@code end}. */
    public static ObjectNode document(ObjectNode start, List<Interval> intervals, LoadResult result,
            Optional<Baseline> baseline) {
        ObjectNode document = MAPPER.createObjectNode();
        document.set("start", start);
        ArrayNode list = document.putArray("intervals");
        intervals.forEach(interval -> list.add(interval(interval)));
        document.set("end", end(result, baseline));
        return document;
    }

    /**
     * One point of a sweep: {@code value} (as written), {@code axis} (its number on the chart),
     * {@code megabytes_per_second_per_target}, {@code law_megabytes_per_second} and its {@code end} part.
     */
    public static ObjectNode sweepPoint(String value, double axis, LoadResult result, Baseline baseline) {
        ObjectNode point = MAPPER.createObjectNode();
        point.put("value", value);
        point.put("axis", axis);
        point.put("targets", result.targets().size());
        point.put("megabytes_per_second_per_target", result.total().megabytesPerSecond()
                / result.targets().size());
        point.put("law_megabytes_per_second", baseline.lawMegabytesPerSecond());
        point.set("end", end(result, Optional.of(baseline)));
        return point;
    }

    /** A sweep's document: {@code start} (the settings of its first point) and {@code sweep} with its points. */
    public static ObjectNode sweepDocument(ObjectNode start, String parameter, String unit, List<ObjectNode> points) {
        ObjectNode document = MAPPER.createObjectNode();
        document.set("start", start);
        ObjectNode sweep = document.putObject("sweep");
        sweep.put("parameter", parameter);
        sweep.put("unit", unit);
        ArrayNode list = sweep.putArray("points");
        points.forEach(list::add);
        return document;
    }

    /** One {@code --json-stream} line: {@code {"event": event, "data": data}}. */
    public static String event(String event, ObjectNode data) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("event", event);
        line.set("data", data);
        return line.toString();
    }

    /** {@code node} as indented text. */
    public static String pretty(ObjectNode node) {
        return node.toPrettyString();
    }

    /** {@code histogram} in {@link #HISTOGRAM_ENCODING}. */
    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    private static ObjectNode baseline(Baseline baseline) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("request_bytes", baseline.requestBytes());
        node.put("reply_bytes", baseline.replyBytes());
        node.put("payload_bytes", baseline.payloadBytes());
        node.put("seconds", baseline.seconds());
        node.put("round_trips", baseline.roundTrips());
        node.put("lost", baseline.lost());
        node.put("round_trips_per_second", baseline.roundTripsPerSecond());
        node.put("rtt_p50_us", baseline.rtt().getTotalCount() == 0 ? 0
                : baseline.rtt().getValueAtPercentile(50) / NANOS_PER_MICRO);
        node.put("rtt_p99_us", baseline.rtt().getTotalCount() == 0 ? 0
                : baseline.rtt().getValueAtPercentile(99) / NANOS_PER_MICRO);
        node.put("law_megabytes_per_second", baseline.lawMegabytesPerSecond());
        return node;
    }

    private static ObjectNode figures(Figures figures, double start, double end) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("target", figures.name());
        node.put("start", start);
        node.put("end", end);
        node.put("seconds", figures.seconds());
        Tally tally = figures.tally();
        node.put("bytes", tally.bytes());
        node.put("requests", tally.requests());
        node.put("megabytes_per_second", figures.megabytesPerSecond());
        node.put("requests_per_second", figures.requestsPerSecond());
        node.put("datagrams", tally.datagrams());
        node.put("datagrams_per_second", figures.datagramsPerSecond());
        ObjectNode latency = node.putObject("latency_us");
        latency.put("p50", figures.percentileMicros(50));
        latency.put("p90", figures.percentileMicros(90));
        latency.put("p99", figures.percentileMicros(99));
        latency.put("p99_9", figures.percentileMicros(99.9));
        latency.put("max", figures.maxMicros());
        latency.put("mean", figures.latency().getTotalCount() == 0 ? 0
                : figures.latency().getMean() / NANOS_PER_MICRO);
        node.put("retransmits", tally.retransmits());
        node.put("timeouts", tally.timeouts());
        ObjectNode drops = node.putObject("drops");
        tally.drops().forEach((reason, count) -> drops.put(reason.name().toLowerCase(Locale.ROOT), count));
        node.put("bytes_checked", tally.bytesChecked());
        node.put("mismatches", tally.mismatches());
        node.put("failures", tally.failures());
        return node;
    }
}
