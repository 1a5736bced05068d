package dev.kdnet.host.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadJsonTest {
    private static final LoadSettings SETTINGS = new LoadSettings(Workload.READ, 0x448, Duration.ofSeconds(2),
            Duration.ofSeconds(1), 9, Duration.ofSeconds(1), true, 0, 1 << 20);

    private static Figures figures(String name, double seconds, long requests, long mismatches, long... micros) {
        Histogram latency = LatencyHistograms.empty();
        for (long value : micros) {
            latency.recordValue(value * 1000);
        }
        return new Figures(name, seconds, new Tally(new Tally.Work(requests, requests * 0x448,
                requests * 0x448, mismatches, 0), new Tally.Wire(requests * 4, 3, 2, Map.of())), latency);
    }

    private static LoadResult result(long mismatches) {
        Figures first = figures("50000", 1, 1000, 0, 100, 200, 300);
        Figures second = figures("50001", 1, 500, mismatches, 400);
        Interval interval = new Interval(0, 1, List.of(first, second), Figures.sum("total", 1, List.of(first,
                second)));
        return new LoadResult(SETTINGS, List.of(first, second), interval.sum(), List.of(interval),
                new HostUsage(80, 2, 1 << 20, 1 << 30), List.of());
    }

    @Test
    void theDocumentHasIperf3sThreeParts() throws Exception {
        LoadResult result = result(0);
        ObjectNode start = LoadJson.start(SETTINGS, List.of(50000, 50001), Instant.EPOCH);

        JsonNode json = new ObjectMapper().readTree(LoadJson.pretty(LoadJson.document(start, result.intervals(),
                result, Optional.empty())));

        assertThat(json.path("start").path("test_start").path("workload").asText()).isEqualTo("read");
        assertThat(json.path("start").path("test_start").path("request_size").asInt()).isEqualTo(0x448);
        assertThat(json.path("start").path("ports")).hasSize(2);
        assertThat(json.path("intervals")).hasSize(1);
        assertThat(json.path("intervals").get(0).path("streams")).hasSize(2);
        JsonNode sum = json.path("end").path("sum");
        assertThat(sum.path("requests").asLong()).isEqualTo(1500);
        assertThat(sum.path("bytes_checked").asLong()).isEqualTo(1500L * 0x448);
        assertThat(sum.path("megabytes_per_second").asDouble()).isEqualTo(1500.0 * 0x448 / 1e6);
        assertThat(sum.path("retransmits").asLong()).isEqualTo(6);
        assertThat(sum.path("datagrams").asLong()).as("four datagrams a request").isEqualTo(4 * 1500);
        assertThat(sum.path("datagrams_per_second").asDouble()).isEqualTo(4 * 1500.0);
        assertThat(sum.path("latency_us").path("max").asDouble()).isBetween(399.0, 401.0);
        assertThat(json.path("end").path("passed").asBoolean()).isTrue();
    }

    @Test
    void theEndHistogramDecodesToTheRunsLatencies() throws Exception {
        LoadResult result = result(0);

        String data = LoadJson.end(result, Optional.empty()).path("latency_histogram").path("data").asText();
        Histogram decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder()
                .decode(data)), 0);

        assertThat(decoded.getTotalCount()).isEqualTo(4);
        assertThat(decoded.getMaxValue()).isEqualTo(result.total().latency().getMaxValue());
    }

    @Test
    void aMismatchFailsTheRun() {
        LoadResult result = result(2);

        assertThat(result.passed()).isFalse();
        assertThat(LoadJson.end(result, Optional.empty()).path("passed").asBoolean()).isFalse();
        assertThat(EndTable.lines(result)).last().asString()
                .isEqualTo("FAILED: 2 bytes differed from the simulator's seeded memory");
    }
}
