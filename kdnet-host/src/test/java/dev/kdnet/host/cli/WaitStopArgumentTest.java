package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.args.UsageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --wait-stop}: forever, or a duration with a unit. */
class WaitStopArgumentTest {

    @Test
    void foreverIsNoLimit() {
        assertThat(WaitStopArgument.parse("forever")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"500ms, 500", "30s, 30000", "30, 30000", "5m, 300000", "1h, 3600000"})
    void aDurationIsALimit(String text, long millis) {
        assertThat(WaitStopArgument.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "5x", "soon", "1.5s", "0", "0ms"})
    void anythingElseIsAUsageMistakeSayingWhatWouldBeRight(String text) {
        assertThatThrownBy(() -> WaitStopArgument.parse(text)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--wait-stop " + text + ": ")
                .hasMessageMatching(".*(500ms, 30s, 5m or 1h|longer than 0).*");
    }
}
