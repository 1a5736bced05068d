package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.ScriptedTargetDebugger;
import io.netty.channel.DefaultEventLoop;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shell as scripts use it, against a scripted Windows 8.1 target that runs on {@code g} until it is broken
 * into: comments, the {@code N: kd>} prompt, {@code g}'s wait for a stop (bounded or not) and {@code .breakin}.
 */
@Timeout(60)
class ShellScriptTest {
    private static final String BREAK_IN_STOP = "Break instruction exception - code 80000003 (first chance)";

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final StringWriter text = new StringWriter();
    private Debugger debugger;

    @BeforeEach
    void attach() throws Exception {
        debugger = ScriptedTargetDebugger.start(loop, DebuggerSettings.defaults());
        debugger.attach(Duration.ofSeconds(20));
    }

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }

    private Shell shell(Optional<Duration> stopWait) {
        return new Shell(debugger, new PrintWriter(text, true), stopWait);
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndSucceed() {
        Shell shell = shell(Optional.empty());

        assertThat(shell.execute("* a WinDbg comment; nonsense")).isTrue();
        assertThat(shell.execute("# a comment too")).isTrue();
        assertThat(shell.execute("   ")).isTrue();
        assertThat(shell.execute("$$ up to the semicolon; vertarget")).isTrue();

        assertThat(text.toString()).doesNotContain("error:").contains("Kernel Version 9600")
                .doesNotContain("nonsense");
        assertThat(shell.execute("nonsense")).as("a command that is no comment still fails").isFalse();
    }

    @Test
    void thePromptNamesTheStoppedCpu() {
        assertThat(shell(Optional.empty()).prompt()).isEqualTo("0: kd> ");
    }

    @Test
    void goWithABoundedWaitLeavesTheTargetRunningAndBreakinStopsIt() {
        Shell shell = shell(Optional.of(Duration.ofMillis(300)));

        assertThat(shell.execute("g")).as("no stop in time is not a failure of g: %s", text).isTrue();
        assertThat(text.toString()).contains("The target is running: no stop within 0.3 s (.breakin stops it)");
        assertThat(debugger.isStopped()).isFalse();
        assertThat(shell.prompt()).as("no CPU while the target runs").isEqualTo("kd> ");

        assertThat(shell.execute(".breakin")).isTrue();
        assertThat(text.toString()).contains(BREAK_IN_STOP);
        assertThat(debugger.isStopped()).isTrue();
        assertThat(shell.execute(".breakin")).isTrue();
        assertThat(text.toString()).contains("The target is already stopped");
    }

    @Test
    void goWithoutABoundWaitsUntilAnInterruptBreaksIn() throws Exception {
        Shell shell = shell(Optional.empty());
        AtomicBoolean ok = new AtomicBoolean();
        Thread command = new Thread(() -> ok.set(shell.execute("g")), "g");
        command.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> !debugger.isStopped()
                && command.getState() == Thread.State.WAITING);
        assertThat(command.isAlive()).isTrue();
        command.interrupt();
        command.join(Duration.ofSeconds(20).toMillis());

        assertThat(ok).as(text.toString()).isTrue();
        assertThat(text.toString()).contains(BREAK_IN_STOP).doesNotContain("error:");
        assertThat(debugger.isStopped()).isTrue();
    }
}
