package dev.kdnet.protocol.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bcdedit's {@code busparams b.d.f}: PCI bus 0-255, device 0-31, function 0-7. */
class BusParamsTest {

    @Test
    void readsBusDeviceAndFunction() {
        assertThat(BusParams.parse("0.25.0")).isEqualTo(new BusParams(0, 25, 0)).hasToString("0.25.0");
        assertThat(BusParams.parse("255.31.7")).isEqualTo(new BusParams(255, 31, 7));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.25       | busparams \"0.25\" is not bus.device.function in decimal, like 0.25.0",
        "0x1.2.3    | busparams \"0x1.2.3\" is not bus.device.function in decimal, like 0.25.0",
        "0.32.0     | busparams 0.32.0 is out of range: bus 0-255, device 0-31, function 0-7",
        "256.0.0    | busparams 256.0.0 is out of range: bus 0-255, device 0-31, function 0-7",
        "0.0.8      | busparams 0.0.8 is out of range: bus 0-255, device 0-31, function 0-7"})
    void aMistakeSaysWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> BusParams.parse(text)).isInstanceOf(UsageException.class).hasMessage(message);
    }
}
