package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One UDP port: 1-65535 in decimal, and a one-line mistake otherwise. */
class PortArgumentTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "50000, 50000", "' 50001 ', 50001", "65535, 65535", "00080, 80"})
    void readsADecimalPort(String text, int port) {
        assertThat(PortArgument.parse(text)).isEqualTo(port);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fifty        | port \"fifty\" is not a number",
        "-1           | port \"-1\" is not a number",
        "+5           | port \"+5\" is not a number",
        "''           | port \"\" is not a number",
        "0            | port 0 is outside 1-65535",
        "65536        | port 65536 is outside 1-65535",
        "99999999999  | port 99999999999 is outside 1-65535"})
    void aMistakeSaysWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> PortArgument.parse(text)).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"0", "70000", "-3"})
    void checkRefusesANumberOutsideTheRange(int port) {
        assertThatThrownBy(() -> PortArgument.check(port)).isInstanceOf(UsageException.class)
                .hasMessage("port " + port + " is outside 1-65535");
    }

    @ParameterizedTest
    @CsvSource({"49152", "50000", "65535"})
    void aKdnetPortIsOneOfTheDynamicRange(String text) {
        assertThat(PortArgument.parseKdnet(text)).isEqualTo(Integer.parseInt(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "80     | port 80 is outside 49152-65535, the ports bcdedit takes for KDNET (50000-50039 recommended)",
        "49151  | port 49151 is outside 49152-65535, the ports bcdedit takes for KDNET (50000-50039 recommended)",
        "70000  | port 70000 is outside 1-65535",
        "x      | port \"x\" is not a number"})
    void aKdnetPortOutsideTheDynamicRangeIsRefused(String text, String message) {
        assertThatThrownBy(() -> PortArgument.parseKdnet(text)).isInstanceOf(UsageException.class)
                .hasMessage(message);
    }
}
