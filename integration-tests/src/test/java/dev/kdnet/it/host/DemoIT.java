package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.cli.HostMain;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./kdnet demo}, the README's main command: a whole session on loopback that ends cleanly, with the simulated
 * target as a second process (the jar the build made beside the host's) that is gone when the demo returns.
 */
class DemoIT {
    private static final Pattern STOP_AT = Pattern.compile(
            "\\(first chance\\) on CPU 0 at ([0-9a-f]{8}`[0-9a-f]{8})");
    private static final Pattern RIP = Pattern.compile("rip=([0-9a-f]{16})");
    private static final Pattern HIT_AT = Pattern.compile("Breakpoint \\d+ hit\\R([0-9a-f]{8}`[0-9a-f]{8}) ");
    private static final Pattern TARGET_PID = Pattern.compile("started a simulated target \\(pid (\\d+)\\)");

    @Test
    void theDemoAttachesInspectsHitsABreakpointWhilePrintsArriveAndExitsZero() {
        CapturedText err = new CapturedText(() -> { });
        List<String> targetCommandLine = new CopyOnWriteArrayList<>();
        CapturedText out = new CapturedText(() -> remember(targetCommandLine, err.toString()));
        CommandLine commandLine = HostMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("demo");

        String text = out.toString();
        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(text).contains("Connected to Windows 10 19041 x64 target", "Windows 10 Kernel Version 19041",
                "rip=", "4d 5a 90 00", "ntoskrnl.exe", "kdnet demo: DbgPrint #1", "RTT:");
        int g = text.indexOf("kd> g");
        assertThat(g).isPositive();
        assertThat(text.substring(g)).contains("Breakpoint 0 hit");
        assertThat(text).endsWith("kd> q" + System.lineSeparator());
        assertEveryPcShownFollowsFromACommandShown(text);

        Matcher pid = TARGET_PID.matcher(err.toString());
        assertThat(pid.find()).as("stderr names the target's process: %s", err).isTrue();
        long targetPid = Long.parseLong(pid.group(1));
        assertThat(targetPid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(ProcessHandle.of(targetPid).filter(ProcessHandle::isAlive)).as("the target process after the demo")
                .isEmpty();
        assertThat(err.toString()).as("the target's own log, forwarded").contains("target: ")
                .doesNotContain("ended by itself");
        assertThat(targetCommandLine).as("the running target's command line, which every user sees")
                .contains("--hostip").doesNotContain("--key");
    }

    /** Once the target's process is named in {@code err}, its command line while it runs goes into {@code into}. */
    private static void remember(List<String> into, String err) {
        Matcher pid = TARGET_PID.matcher(err);
        if (into.isEmpty() && pid.find()) {
            ProcessHandle.of(Long.parseLong(pid.group(1))).flatMap(p -> p.info().arguments())
                    .ifPresent(arguments -> into.addAll(List.of(arguments)));
        }
    }

    /**
     * The demo does nothing it does not show: {@code r} shows the PC of the stop it connected at; {@code t} moves
     * it, and the breakpoint {@code g} hits is where {@code t} left it.
     */
    private static void assertEveryPcShownFollowsFromACommandShown(String text) {
        Matcher connected = STOP_AT.matcher(text);
        assertThat(connected.find()).as(text).isTrue();
        List<String> rips = RIP.matcher(text).results().map(m -> m.group(1)).toList();
        assertThat(rips).as("r, t and r rip each show rip: %s", text).hasSize(3);
        assertThat(rips.get(0)).as("r after the connect stop").isEqualTo(connected.group(1).replace("`", ""));
        assertThat(rips.get(1)).as("t moved on").isNotEqualTo(rips.get(0));
        int g = text.indexOf("kd> g");
        Matcher hit = HIT_AT.matcher(text.substring(g));
        assertThat(hit.find()).isTrue();
        assertThat(hit.group(1).replace("`", "")).as("the breakpoint set at t's rip").isEqualTo(rips.get(1))
                .isEqualTo(rips.get(2));
    }
}
