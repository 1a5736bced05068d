package dev.kdnet.host.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.drop.DropReason;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LiveLineTest {
    @Test
    void theLineShowsTheIntervalsTotal() {
        Histogram latency = LatencyHistograms.empty();
        latency.recordValue(200_000);
        latency.recordValue(900_000);
        Figures sum = new Figures("total", 1, new Tally(new Tally.Work(2000, 2_192_000, 0, 0, 0),
                new Tally.Wire(8000, 7, 3, Map.of(DropReason.values()[0], 4L))), latency);

        // HdrHistogram reports the top of a value's bucket at 3 digits: 200,000 ns lies in 199,936..200,063 and
        // 900,000 ns in 899,584..900,095, so they show as 200.1 and 900.1 µs.
        String line = LiveLine.of(new Interval(2, 3, List.of(sum), sum));

        assertThat(line).isEqualTo("[  3.0 s]    2.192 MB/s    2000.0 req/s  p50   200.1 µs  p99    900.1 µs"
                + "  retrans 7  drops 4");
    }
}
