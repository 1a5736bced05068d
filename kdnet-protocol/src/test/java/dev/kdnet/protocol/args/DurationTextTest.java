package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {
    @ParameterizedTest
    @CsvSource({"30s, 30000", "500ms, 500", "2m, 120000", "5, 5000", "0.25ms, 0.25", "1.5s, 1500"})
    void unitsAreSecondsMillisecondsAndMinutes(String text, double millis) {
        assertThat(DurationText.parse("--duration", text)).isEqualTo(Duration.ofNanos(Math.round(millis * 1e6)));
    }

    @Test
    void anythingElseNamesTheOptionAndTheShape() {
        assertThatThrownBy(() -> DurationText.parse("--warmup", "3 hours"))
                .hasMessage("--warmup 3 hours is not a duration; expected e.g. 30s, 500ms or 2m");
    }
}
