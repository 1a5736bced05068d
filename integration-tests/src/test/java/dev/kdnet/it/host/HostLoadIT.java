package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdnet.host.cli.HostMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./kdnet host load} against a fleet of two simulators already running ({@code ./kdnet target --ports P-Q
 * --seed 5}, a separate process): with the fleet's seed every byte checks; with another seed the check fails the
 * run, so the check can fail.
 */
class HostLoadIT {
    private static final String SEED = "5";

    @TempDir
    Path dir;

    @Test
    void theFleetsSeedChecksEveryByteAndAnotherSeedFailsTheRun() throws Exception {
        int port = LoopbackTarget.freePorts(2);
        String ports = port + "-" + (port + 1);
        try (JarProcess fleet = JarProcess.start(JarProcess.TARGET_JAR, List.of("--hostip", "127.0.0.1", "--ports",
                ports, "--local-ip", "127.0.0.2", "--key", DebuggerAttachIT.KEY.format(), "--seed", SEED))) {
            Path right = dir.resolve("right.json");
            Run checked = load(ports, SEED, right);
            assertThat(checked.exit).as(checked.transcript).isZero();
            JsonNode sum = new ObjectMapper().readTree(Files.readString(right)).path("end").path("sum");
            assertThat(sum.path("bytes_checked").asLong()).isPositive();
            assertThat(sum.path("mismatches").asLong()).isZero();

            Path wrong = dir.resolve("wrong.json");
            Run mismatched = load(ports, "6", wrong);
            assertThat(mismatched.exit).as(mismatched.transcript).isEqualTo(1);
            JsonNode wrongSum = new ObjectMapper().readTree(Files.readString(wrong)).path("end").path("sum");
            assertThat(wrongSum.path("mismatches").asLong()).isPositive();
            assertThat(mismatched.transcript).contains("FAILED: ", "bytes differed from the simulator's seeded memory");
        }
    }

    private record Run(int exit, String transcript) {
    }

    private static Run load(String ports, String seed, Path json) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = HostMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute("load", "--port", ports, "--key", DebuggerAttachIT.KEY.format(), "--bind",
                "127.0.0.1", "--seed", seed, "--duration", "2s", "--warmup", "0.5s", "--json", json.toString());
        return new Run(exit, "stdout:\n" + out + "\nstderr:\n" + err);
    }
}
