package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code relay}: option mistakes are one line and exit code 2. */
class RelayCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--loss   | 150%  | --loss 150%: a share must be 0-100%",
        "--dup    | five  | --dup five: expected a share like 5% or 0.5%",
        "--delay  | 1h    | --delay 1h: expected a duration like 1ms, 0.5ms or 2s"})
    void aBadOptionIsOneLineAndExitCode2(String option, String value, String message) {
        HostRun run = HostRun.of("relay", "--listen", "127.0.0.1:50001", "--to", "127.0.0.1:50000", option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("kdnet host: " + message);
    }

    @Test
    void aBadAddressIsOneLineAndExitCode2() {
        HostRun badTo = HostRun.of("relay", "--listen", "127.0.0.1:50001", "--to", "foo");
        HostRun badPort = HostRun.of("relay", "--listen", "127.0.0.1:70000", "--to", "127.0.0.1:50000");

        assertThat(badTo.exitCode()).isEqualTo(2);
        assertThat(badTo.errLines()).containsExactly("kdnet host: --to \"foo\": expected ADDR:PORT");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.errLines()).containsExactly(
                "kdnet host: --listen \"127.0.0.1:70000\": expected ADDR:PORT (port 70000 is outside 1-65535)");
    }
}
