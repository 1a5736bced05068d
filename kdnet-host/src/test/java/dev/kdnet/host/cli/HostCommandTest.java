package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The top-level command: help, and one-line errors with exit code 2. */
class HostCommandTest {

    @Test
    void helpListsEverySubcommandWithOneLine() {
        HostRun run = HostRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ./kdnet host").contains("Commands:");
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith("  keygen  Make a fresh key"))
                .anySatisfy(line -> assertThat(line).startsWith("  decode  Decode a KDNET capture"));
    }

    @Test
    void subcommandHelpExplainsIt() {
        HostRun run = HostRun.of("decode", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ./kdnet host decode").contains("--json").contains("malformed");
    }

    @Test
    void unknownSubcommandIsOneLineAndExitCode2() {
        HostRun run = HostRun.of("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "kdnet host: unknown command 'frobnicate'; expected listen, demo, keygen, decode or relay"
                        + " (./kdnet host --help)");
    }

    @Test
    void noSubcommandIsOneLineAndExitCode2() {
        HostRun run = HostRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "kdnet host: no command given; expected listen, demo, keygen, decode or relay (./kdnet host --help)");
    }
}
