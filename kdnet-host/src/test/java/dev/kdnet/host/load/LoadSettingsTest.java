package dev.kdnet.host.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {
    private static LoadSettings atRate(double rate) {
        return new LoadSettings(Workload.SMALL, 8, Duration.ofSeconds(1), Duration.ZERO, 1, Duration.ofSeconds(1),
                false, rate, 1 << 20);
    }

    @Test
    void aRateGivesTheTimeBetweenTurns() {
        assertThat(atRate(1000).pacingNanos()).hasValue(1_000_000);
        assertThat(atRate(3).pacingNanos()).hasValue(333_333_333);
    }

    @Test
    void rateZeroIsAClosedLoop() {
        assertThat(atRate(0).pacingNanos()).isEmpty();
    }
}
