package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.cli.ProjectVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
                "kdnet host: unknown command 'frobnicate'; expected listen, demo, keygen, decode, relay,"
                        + " load, doctor or help (./kdnet host --help)");
    }

    @Test
    void noSubcommandIsOneLineAndExitCode2() {
        HostRun run = HostRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "kdnet host: no command given; expected listen, demo, keygen, decode, relay, load, doctor or help"
                        + " (./kdnet host --help)");
    }

    @Test
    void helpAsACommandExplainsTheHostOrACommand() {
        HostRun host = HostRun.of("help");
        HostRun listen = HostRun.of("help", "listen");
        HostRun unknown = HostRun.of("help", "frobnicate");

        assertThat(host.exitCode()).isZero();
        assertThat(host.out()).isEqualTo(HostRun.of("--help").out());
        assertThat(listen.exitCode()).isZero();
        assertThat(listen.out()).isEqualTo(HostRun.of("listen", "--help").out());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).containsExactly("kdnet host: unknown command 'frobnicate'; expected listen,"
                + " demo, keygen, decode, relay, load, doctor or help (./kdnet host --help)");
    }

    @Test
    void theDemosUsageSpellsItAsTheLauncherRunsIt() {
        HostRun run = HostRun.of("demo", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).startsWith("Usage: ./kdnet demo [");
        assertThat(run.out()).doesNotContain("./kdnet host demo");
    }

    @Test
    void everyCommandPrintsTheProjectVersion() {
        for (String command : List.of("listen", "demo", "keygen", "decode", "relay", "help")) {
            HostRun run = HostRun.of(command, "--version");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.outLines()).as(command).containsExactly("kdnet " + ProjectVersion.version());
        }
        assertThat(HostRun.of("--version").outLines()).containsExactly("kdnet " + ProjectVersion.version());
    }

    @Test
    void everyHelpFormatsWithoutPicocliWarningsAndKeepsExamplesWhole() {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : List.of("listen", "demo", "keygen", "decode", "relay")) {
                HostRun run = HostRun.of(command, "--help");

                assertThat(run.outLines()).as(command).filteredOn(line -> line.strip().startsWith("./kdnet"))
                        .allSatisfy(line -> assertThat(line.chars().filter(c -> c == '"').count() % 2)
                                .as("quotes closed on the line of %s", line).isZero());
            }
            assertThat(HostRun.of("relay", "--help").outLines()).contains("  ./kdnet host relay --listen"
                    + " 127.0.0.1:50001 --to 127.0.0.1:50000 --loss 5% --dup 1% --reorder 2% --delay 1ms --jitter"
                    + " 0.5ms --corrupt 0.5% --seed 7");
            assertThat(HostRun.of("listen", "--help").outLines()).contains("  ./kdnet host listen -k"
                    + " net:port=50000,key=1.2.3.4 -c \"vertarget; r; db nt L80; q\"");
        } finally {
            System.setErr(systemErr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).as("picocli's warnings").isEmpty();
    }
}
