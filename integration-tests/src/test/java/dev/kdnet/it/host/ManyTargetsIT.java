package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.KernelVersion;
import dev.kdnet.host.api.NoAnswerException;
import dev.kdnet.host.api.Stop;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.sim.kernel.KernelConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One host on a range of ports and several simulated targets: {@code ./kdnet host listen --ports} attaches to
 * whichever targets come, {@code .targets} lists them, {@code .target P} switches, {@code --wait} is a deadline
 * however many ports, and one target's trouble holds up no other.
 */
class ManyTargetsIT {
    private static final int RANGE = 40;
    /** A target's attach as the prompt announces it, the moment it happens. */
    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "\\[\\d+] (KDTARGET: Refreshing KD connection|Connected to .*|Break instruction exception .*)");
    private static final Duration RUN = Duration.ofSeconds(60);
    /** Binding a few hundred ports and starting the command line, on a loaded machine, on top of --wait. */
    private static final Duration STARTUP = Duration.ofSeconds(4);

    private final Closer closer = new Closer();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    private static InProcessHost listen(int first, int last, String... args) {
        List<String> all = new ArrayList<>(List.of("listen", "--bind", "127.0.0.1", "--ports", first + "-" + last,
                "--key", "1.2.3.4"));
        all.addAll(List.of(args));
        return InProcessHost.start(() -> { }, all.toArray(String[]::new));
    }

    @Test
    void waitIsADeadlineAndSilenceIsOneLineForAllPorts() throws Exception {
        for (int ports : List.of(RANGE, 391)) {
            int first = LoopbackTarget.freePorts(ports);
            InProcessHost run = listen(first, first + ports - 1, "--wait", "1", "-c", "q");

            assertThat(run.exitCode(Duration.ofSeconds(1).plus(STARTUP))).as(run.transcript()).isEqualTo(1);
            assertThat(run.err().lines().filter(l -> l.contains("nothing attached"))).as(run.transcript())
                    .containsExactly("kdnet host: nothing attached after 1 s: " + ports + " of " + ports
                            + " ports heard no datagram (is inbound UDP to them allowed through the firewall?)");
            assertThat(run.err()).contains("kdnet host: no target attached within 1 s");
        }
    }

    @Test
    void aTargetOnTheLastPortIsNoticedAtOnce() throws Exception {
        int first = LoopbackTarget.freePorts(RANGE);
        int last = first + RANGE - 1;
        closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, last, 2, KernelConfig.defaults()));

        InProcessHost run = listen(first, last, "--wait", "30", "-c", "vertarget; q");

        assertThat(run.exitCode(Duration.ofSeconds(3).plus(STARTUP))).as(run.transcript()).isZero();
        assertThat(run.out()).contains("Connected to Windows 10 19041 x64 target on UDP " + last)
                .contains("[" + last + "] 0: kd> vertarget");
    }

    @Test
    void targetsAreListedAndSwitchedAndEachCommandReachesItsOwnKernel() throws Exception {
        int first = LoopbackTarget.freePorts(RANGE);
        List<Integer> ports = List.of(first + 3, first + 17, first + RANGE - 1);
        for (int i = 0; i < ports.size(); i++) {
            closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, ports.get(i), 2 + i,
                    KernelConfig.defaults().withCpus(1 + i)));
        }

        InProcessHost run = listen(first, first + RANGE - 1, "--wait", "8", "-c", String.format(
                ".target %d; vertarget; .target %d; vertarget; .target %d; vertarget; .targets; .target %d; q",
                ports.get(2), ports.get(1), ports.get(0), first));
        assertThat(run.exitCode(RUN)).as(run.transcript()).isEqualTo(1);

        String out = run.out();
        // another target's attach is announced whenever it happens, between a command and its output too
        String commands = out.lines().filter(line -> !ANNOUNCEMENT.matcher(line).matches())
                .collect(Collectors.joining("\n"));
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(i);
            assertThat(commands).as(run.transcript()).containsPattern("\\[" + port + "] 0: kd> vertarget\\R"
                    + "Windows 10 Kernel Version 19041 [UM]P \\(" + (1 + i) + " procs\\)");
            String row = "( \\.|  ) {2}" + port + " {2}127\\.0\\.0\\." + (2 + i) + ":" + port
                    + " +19041  stopped +\\d+\\.\\d{3} ms";
            assertThat(out.lines().filter(l -> l.matches(row))).as(run.transcript()).hasSize(1);
        }
        assertThat(out).contains(" .  " + ports.get(0) + "  ").contains((RANGE - 3) + " ports without a target")
                .contains("error: no target attached on UDP " + first + " yet (waiting; .targets shows every port)");
    }

    @Test
    void aBreakInThatGetsNoAnswerOnOneTargetHoldsUpNoReadOnAnother() throws Exception {
        int first = LoopbackTarget.freePorts(2);
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                HostConfig.ofRange(DebuggerAttachIT.KEY, first, first + 1)
                        .withBindAddress(InetAddress.getByName("127.0.0.1")), DebuggerSettings.defaults()));
        LoopbackTarget silent = new LoopbackTarget(DebuggerAttachIT.KEY, first, 2, KernelConfig.defaults());
        LoopbackTarget other = closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, first + 1, 3,
                KernelConfig.defaults()));
        Debugger a = host.debugger(first);
        Debugger b = host.debugger(first + 1);
        a.attach(DebuggerAttachIT.ATTACH);
        KernelVersion version = b.attach(DebuggerAttachIT.ATTACH);

        a.go();
        silent.close();
        CompletableFuture<Stop> breakIn = a.async().breakIn();
        for (int i = 0; i < 20; i++) {
            assertThat(b.readVirtual(version.kernelBase(), 0x1000).bytes())
                    .isEqualTo(other.kernel().memory().read(version.kernelBase(), 0x1000));
        }

        assertThat(breakIn).as("the break-in of the target that went away is still waiting").isNotDone();
        assertThatThrownBy(breakIn::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NoAnswerException.class);
    }
}
