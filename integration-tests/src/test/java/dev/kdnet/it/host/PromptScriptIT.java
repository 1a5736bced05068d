package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.sim.kernel.KernelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kdnet host listen} with {@code -c} and {@code --script}, in-process, against a simulated target on
 * 127.0.0.2: comments, the {@code N: kd>} echo, {@code g} bounded by {@code --wait-stop} and {@code .breakin}
 * stopping the kernel where it runs, and a host log that says nothing about a clean dump (or goes to a file).
 */
class PromptScriptIT {
    private static final String KEY = "1.2.3.4";
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final String BREAK_IN = "Break instruction exception - code 80000003 (first chance) on CPU 0 at ";

    private int port;
    private LoopbackTarget target;

    @BeforeEach
    void startTarget() throws Exception {
        port = LoopbackTarget.freePort();
        target = new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults());
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    private InProcessHost listen(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("listen", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--key", KEY));
        all.addAll(List.of(args));
        InProcessHost host = InProcessHost.start(() -> { }, all.toArray(String[]::new));
        host.exitCode(RUN);
        return host;
    }

    @Test
    void goWaitsUpToWaitStopAndBreakinStopsTheRunningKernel() throws Exception {
        InProcessHost run = listen("--wait-stop", "1s", "-c", "g; .breakin; r rip; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        assertThat(run.out()).as(run.transcript()).doesNotContain("error:")
                .containsSubsequence("0: kd> g\n", "The target is running: no stop within 1 s (.breakin stops it)\n",
                        "kd> .breakin\n");
        Matcher stop = Pattern.compile(Pattern.quote(BREAK_IN) + "([0-9a-f]{8})`([0-9a-f]{8})").matcher(
                run.out().substring(run.out().indexOf("kd> .breakin")));
        assertThat(stop.find()).as(run.transcript()).isTrue();
        assertThat(run.out()).as("r rip after the break-in shows where the kernel stopped")
                .contains("0: kd> r rip\nrip=" + stop.group(1) + stop.group(2) + "\n");
    }

    @Test
    void commentsAndBlankLinesOfAScriptAreSkippedAndEveryCommandIsEchoedAfterTheCpuPrompt(@TempDir Path dir)
            throws Exception {
        Path script = Files.write(dir.resolve("commands.txt"), List.of("$$ the version first", "", "vertarget",
                "* the star comments out the rest of its line; bogus", "# and so does a hash", "   ",
                "$$ a note; lm", "q"));

        InProcessHost run = listen("--script", script.toString());

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        assertThat(run.out()).as(run.transcript()).doesNotContain("error:").doesNotContain("kd> \n")
                .contains("0: kd> vertarget", "Windows 10 Kernel Version 19041", "hal.dll", "0: kd> q")
                .doesNotContain("bogus error");
        assertThat(run.out().lines().filter(l -> l.contains("kd> ") && !l.startsWith("0: kd> ")))
                .as("every echo reads N: kd> (the target is stopped throughout)").isEmpty();
    }

    @Test
    void commentsInDashCAreSkipped() throws Exception {
        InProcessHost run = listen("-c", "$$ first; vertarget; * star; # hash; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        assertThat(run.out()).as(run.transcript()).doesNotContain("error:").contains("0: kd> vertarget");
    }

    @Test
    void aCleanLoopbackDumpLogsNoResend(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("physical.bin");

        InProcessHost run = listen("-c", ".dumpphys " + dump + " 0 L?1000000; .kdstats; q");

        assertThat(run.exitCode(RUN)).as(run.transcript()).isZero();
        assertThat(Files.size(dump)).isEqualTo(0x1000000);
        assertThat(run.err()).as(run.transcript()).doesNotContain("sending it again").doesNotContain("WARN");
    }

    @Test
    void withLogTheHostsLinesGoToTheFileAndQuietLeavesOnlyWarnings(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("host.log");

        InProcessHost toFile = listen("--log", log.toString(), "-c", "q");
        InProcessHost quiet = listen("-q", "-c", "q");

        assertThat(toFile.exitCode(RUN)).as(toFile.transcript()).isZero();
        assertThat(Files.readString(log)).contains("INFO  HostServer: listening on UDP " + port + " ")
                .contains("INFO  TargetSession: UDP " + port + ": handshake with");
        assertThat(toFile.err()).as(toFile.transcript()).doesNotContain("INFO");
        assertThat(quiet.exitCode(RUN)).as(quiet.transcript()).isZero();
        assertThat(quiet.err()).as(quiet.transcript()).doesNotContain("INFO");
    }
}
