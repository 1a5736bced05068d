package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ./kdnet load}: option mistakes are one line and exit code 2, before anything starts. */
class FleetLoadCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--request-size | 4000  | --request-size 4000 is not 1-3944 bytes (decimal or 0x hex, e.g. 0x448)",
        "--request-size | 0x    | --request-size 0x is not 1-3944 bytes (decimal or 0x hex, e.g. 0x448)",
        "--workload     | burst | --workload burst is not one of read, small, write, mixed, stops, dump",
        "--duration     | soon  | --duration soon is not a duration; expected e.g. 30s, 500ms or 2m",
        "--duration     | 0s    | --duration 0s measures nothing; give more than 0, e.g. 10s",
        "--targets      | 41    | --targets 41 is not 1-40",
        "--rate         | -5    | --rate -5.0 is negative; give requests/s per target, or 0 for a closed loop",
        "--sweep        | targets=1,41 | --sweep targets value 41: not a number of targets, 1-40",
        "--sweep        | delay=0,5 | --sweep delay value 5: expected a duration like 1ms, 0.5ms or 2s",
        "--sweep        | jitter=1ms | --sweep jitter=1ms: jitter is not one of delay, loss, request-size, targets"})
    void aBadOptionIsOneLineAndExitCode2(String option, String value, String message) {
        HostRun run = HostRun.of(FleetLoadCommand.NAME, option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("kdnet host: " + message);
    }

    @Test
    void aSweepRefusesWhatTakesOneRun() {
        HostRun run = HostRun.of(FleetLoadCommand.NAME, "--sweep", "delay=0,1ms", "--hgrm", "run.hgrm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("kdnet host: --hgrm takes one run, not a sweep; with --sweep use"
                + " --json, whose points each hold their latency histogram");
    }

    @ParameterizedTest
    @CsvSource({"--targets", "--sweep", "--size", "--no-baseline", "--duration", "--warmup", "--seed", "--workload", "--request-size", "--json",
        "--json-stream", "--rate", "--hgrm", "--html", "--loss", "--delay"})
    void helpExplainsEveryOption(String option) {
        HostRun run = HostRun.of(FleetLoadCommand.NAME, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(option).contains("Usage: ./kdnet load");
        assertThat(run.err()).as("picocli's warnings about the help's text").isEmpty();
    }
}
