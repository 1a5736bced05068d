package dev.kdnet.host.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyDistributionTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsHdrHistogramsPercentileTextInMicroseconds() throws Exception {
        Histogram latency = LatencyHistograms.empty();
        latency.recordValue(250_000);
        latency.recordValue(750_000);
        Path file = dir.resolve("run.hgrm");

        LatencyDistribution.write(latency, file);

        String text = Files.readString(file);
        assertThat(text).startsWith("       Value     Percentile TotalCount 1/(1-Percentile)");
        assertThat(text).contains("#[Max     =      750.").contains("Total count    =            2]");
    }
}
