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
        assertThat(text.substring(g)).contains("Break instruction exception - code 80000003");
        assertThat(text).endsWith("kd> q" + System.lineSeparator());

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
}
