package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.sim.kernel.KernelConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may share a UDP port on one machine: a second debugger host may not (it would take the first one's target
 * without a word), a simulated target on its own address may (the one-machine lab, with the host on all addresses).
 */
class PortSharingIT {
    /** A log line of the test's JVM (the in-process target's too): it starts with the time of day. */
    private static final Pattern LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");

    private static final Duration RUN = Duration.ofSeconds(30);
    private static final Duration ATTACH = Duration.ofSeconds(10);

    private final Closer closer = new Closer();
    private final int port;

    PortSharingIT() throws Exception {
        port = LoopbackTarget.freePort();
    }

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0, all addresses", "127.0.0.1, 127.0.0.1"})
    void aSecondHostOnThePortFailsAndTheFirstKeepsItsTarget(String address, String shown) throws Exception {
        DebuggerHost first = closer.add(DebuggerHost.start(closer.transport,
                HostConfig.of(DebuggerAttachIT.KEY, List.of(port)).withBindAddress(InetAddress.getByName(address)),
                DebuggerSettings.defaults()));
        closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults()));

        InProcessHost second = listen("--bind", address, "-c", "vertarget; q");

        assertThat(second.exitCode(RUN)).as(second.transcript()).isEqualTo(1);
        assertThat(second.err().lines().filter(line -> !LOG_LINE.matcher(line).lookingAt()).toList())
                .as("what the host says, without the log lines of the target that runs in this JVM too: %s",
                        second.transcript()).containsExactly("kdnet host: UDP " + port
                + " is already in use by another debugger host (on " + shown + "); stop it, or listen on another"
                + " port");
        Debugger debugger = first.debugger(port);
        assertThat(debugger.attach(ATTACH).buildNumber()).isEqualTo(19041);
    }

    @Test
    void aHostOnAllAddressesSharesThePortWithATargetStartedBeforeIt() throws Exception {
        closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults()));

        InProcessHost host = listen("-c", "vertarget; q");

        assertThat(host.exitCode(RUN)).as(host.transcript()).isZero();
        assertThat(host.out()).contains("Connected to Windows 10 19041 x64 target on UDP " + port);
    }

    @Test
    void aHostOnAllAddressesSharesThePortWithATargetStartedAfterIt() throws Exception {
        InProcessHost host = listen("-c", "vertarget; q");
        await().atMost(RUN).until(() -> host.err().contains("Waiting for a target on UDP " + port));
        closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults()));

        assertThat(host.exitCode(RUN)).as(host.transcript()).isZero();
        assertThat(host.out()).contains("Connected to Windows 10 19041 x64 target on UDP " + port);
    }

    /** {@code listen} on the test's port with {@code args} after the connection options. */
    private InProcessHost listen(String... args) {
        List<String> all = new ArrayList<>(List.of("listen", "--port", String.valueOf(port), "--key", "1.2.3.4",
                "--wait", "20"));
        all.addAll(List.of(args));
        return InProcessHost.start(() -> { }, all.toArray(String[]::new));
    }
}
