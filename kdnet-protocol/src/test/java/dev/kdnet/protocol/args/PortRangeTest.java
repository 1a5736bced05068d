package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Consecutive ports: {@code P} or {@code FIRST-LAST}, every port of it in order, and its place among KDNET's. */
class PortRangeTest {

    @Test
    void aRangeHoldsEveryPortInOrder() {
        PortRange range = PortRange.parse("50000-50039");

        assertThat(range).isEqualTo(new PortRange(50000, 50039));
        assertThat(range.ports()).hasSize(40).startsWith(50000, 50001).endsWith(50039);
        assertThat(range).hasToString("50000-50039");
    }

    @Test
    void onePortIsARangeOfOne() {
        assertThat(PortRange.parse("50005")).isEqualTo(PortRange.single(50005)).hasToString("50005");
        assertThat(PortRange.single(50005).ports()).containsExactly(50005);
    }

    @Test
    void aPortBelowTheDynamicRangeLeavesIt() {
        assertThat(PortRange.parse("49151-49152").leavesDynamicRange()).isTrue();
        assertThat(PortRange.parse("49152-65535").leavesDynamicRange()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "50039-50000   | ports 50039-50000 run backwards; give the lower port first",
        "50000-x       | port \"50000-x\" is not a number",
        "-50000        | port \"-50000\" is not a number",
        "1-2-3         | ports \"1-2-3\" is not a port or a range like 50000-50039",
        "50000-70000   | port 70000 is outside 1-65535",
        "0             | port 0 is outside 1-65535"})
    void aMistakeSaysWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> PortRange.parse(text)).isInstanceOf(UsageException.class).hasMessage(message);
    }
}
