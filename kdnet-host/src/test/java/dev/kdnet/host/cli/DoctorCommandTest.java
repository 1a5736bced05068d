package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code host doctor}: its help, and one line with exit 2 for every bad value (no socket is opened for those). */
class DoctorCommandTest {
    @Test
    void helpExplainsEveryOptionWithItsDefault() {
        HostRun run = HostRun.of("doctor", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--port", "default 50000", "--key", "--key-file", "--bind",
                "default 0.0.0.0", "--for", "default 30s", "WITHOUT answering", "Exit code: 0 if a KDNET target",
                "  ./kdnet host doctor --port 50000 --key-file key.txt");
    }

    @Test
    void badValuesAreOneLineAndExit2() {
        assertOneLine(HostRun.of("doctor", "--port", "50039-50000"), "ports 50039-50000 run backwards");
        assertOneLine(HostRun.of("doctor", "--port", "x"), "is not a number");
        assertOneLine(HostRun.of("doctor", "--for", "soon"), "--for soon is not a duration");
        assertOneLine(HostRun.of("doctor", "--for", "0s"), "--for 0s listens for no time");
        assertOneLine(HostRun.of("doctor", "--bind", "300.1.1.1"), "--bind");
        assertOneLine(HostRun.of("doctor", "--key", "not-a-key"), "key");
    }

    private static void assertOneLine(HostRun run, String says) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("kdnet host: ").contains(says);
        assertThat(run.out()).isEmpty();
    }
}
