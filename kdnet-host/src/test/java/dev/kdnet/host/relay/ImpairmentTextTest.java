package dev.kdnet.host.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImpairmentTextTest {
    @Test
    void aDurationHasItsUnitExceptNoTimeAtAll() {
        assertThat(ImpairmentText.duration("0.5ms")).isEqualTo(Duration.ofNanos(500_000));
        assertThat(ImpairmentText.duration("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(ImpairmentText.duration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ImpairmentText.duration("0")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> ImpairmentText.duration("5")).hasMessage("expected a duration like 1ms, 0.5ms or 2s");
    }
}
