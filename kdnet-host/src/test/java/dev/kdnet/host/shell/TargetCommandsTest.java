package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.ScriptedTargetDebugger;
import dev.kdnet.host.api.TargetState;
import dev.kdnet.host.api.TargetStatus;
import io.netty.channel.DefaultEventLoop;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code .targets}, {@code .target} and the prompt's label, on a host whose targets are given by the test. */
@Timeout(30)
class TargetCommandsTest {
    private static final int PORT = 50000;

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final StringWriter text = new StringWriter();
    private final List<Integer> selected = new ArrayList<>();
    private Debugger debugger;
    private Shell shell;

    @BeforeEach
    void start() throws Exception {
        debugger = ScriptedTargetDebugger.start(loop, DebuggerSettings.defaults());
        debugger.attach(Duration.ofSeconds(20));
        List<TargetStatus> statuses = List.of(
                new TargetStatus(PORT, Optional.of(new InetSocketAddress("127.0.0.2", PORT)),
                        Optional.of(debugger.version()), TargetState.STOPPED, Optional.of(Duration.ofNanos(1_250_000))),
                new TargetStatus(PORT + 1, Optional.of(new InetSocketAddress("10.1.2.3", PORT + 1)),
                        Optional.empty(), TargetState.GONE, Optional.empty()),
                new TargetStatus(PORT + 2, Optional.empty(), Optional.empty(), TargetState.WAITING, Optional.empty()),
                new TargetStatus(PORT + 3, Optional.empty(), Optional.empty(), TargetState.WAITING,
                        Optional.empty()));
        shell = new Shell(new Targets() {
            @Override
            public Debugger current() {
                return debugger;
            }

            @Override
            public List<TargetStatus> list() {
                return statuses;
            }

            @Override
            public String label() {
                return "[" + PORT + "] ";
            }

            @Override
            public void select(int port) {
                selected.add(port);
            }
        }, new PrintWriter(text, true), Duration.ofSeconds(5));
    }

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }

    @Test
    void targetsListsThePortsThatHaveATargetMarksTheCurrentOneAndCountsTheRest() {
        assertThat(shell.execute(".targets")).isTrue();

        assertThat(text.toString().lines()).containsExactly(
                "    port   address                build  state      RTT",
                " .  50000  127.0.0.2:50000        9600   stopped    1.250 ms",
                "    50001  10.1.2.3:50001         -      gone       -",
                "2 ports without a target");
    }

    @Test
    void targetTakesOnePortAndThePromptNamesTheCurrentTarget() {
        assertThat(shell.execute(".target 50001")).isTrue();
        assertThat(selected).containsExactly(50001);

        assertThat(shell.execute(".target abc")).isFalse();
        assertThat(shell.execute(".target")).isFalse();
        assertThat(text.toString().lines()).containsExactly(
                "error: .target needs the UDP port of a target, e.g. .target 50001 (.targets lists them)",
                "error: .target needs the UDP port of a target, e.g. .target 50001 (.targets lists them)");
        assertThat(shell.prompt()).isEqualTo("[50000] 0: kd> ");
    }
}
