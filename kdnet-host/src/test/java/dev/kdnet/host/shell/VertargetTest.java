package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.ScriptedTargetDebugger;
import io.netty.channel.DefaultEventLoop;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code vertarget} against a Windows 8.1 target whose memory holds no KDDEBUGGER_DATA64. */
class VertargetTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    @Timeout(30)
    void namesTheProductFromTheBuildAndSaysWhatItCouldNotRead() throws Exception {
        Debugger debugger = ScriptedTargetDebugger.start(loop, DebuggerSettings.defaults());
        debugger.attach(Duration.ofSeconds(20));
        StringWriter text = new StringWriter();
        Shell shell = new Shell(debugger, new PrintWriter(text, true), Duration.ofSeconds(5));

        shell.execute("vertarget");

        assertThat(text.toString())
                .contains("Windows 8.1 / Server 2012 R2 Kernel Version 9600 MP (1 procs) Free x64")
                .contains("Kernel base = 0xfffff800`00000000")
                .contains("Could not read: the debugger data list at 0xFFFFF80000200000")
                .doesNotContain("Windows 10")
                .doesNotContain("Built by")
                .doesNotContain("KDDEBUGGER_DATA64 at");
    }
}
