package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ./kdnet host load}: says it only reads; option mistakes are one line and exit code 2. */
class HostLoadCommandTest {

    @Test
    void helpSaysItOnlyReadsAndNamesEveryOption() {
        HostRun run = HostRun.of(HostLoadCommand.NAME, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("Read-only unless --allow-writes")
                .contains("--port", "--key", "--key-file", "--no-check", "--duration", "--workload", "--json",
                        "--hgrm");
        assertThat(run.out()).as("targets elsewhere have no baseline to skip").doesNotContain("--no-baseline");
    }

    @Test
    void aBadRequestSizeIsOneLineAndExitCode2() {
        HostRun run = HostRun.of(HostLoadCommand.NAME, "--port", "50000", "--key", "1.2.3.4", "--request-size",
                "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "kdnet host: --request-size 0 is not 1-3944 bytes (decimal or 0x hex, e.g. 0x448)");
    }

    @Test
    void aWritingWorkloadNeedsAllowWrites() {
        HostRun run = HostRun.of(HostLoadCommand.NAME, "--port", "50000", "--key", "1.2.3.4", "--workload",
                "mixed");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("kdnet host: --workload mixed writes into the targets; add"
                + " --allow-writes if they are simulators (never a real kernel)");
    }

    @Test
    void withoutAPortItSaysSo() {
        HostRun run = HostRun.of(HostLoadCommand.NAME, "--key", "1.2.3.4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("kdnet host: Missing required option")
                .contains("--port");
    }
}
