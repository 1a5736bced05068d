package dev.kdnet.it.host;

import static dev.kdnet.it.host.HostPrompt.SCREEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.sim.kernel.KernelConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At the interactive prompt in a real terminal (tmux), against a simulated two-CPU target: {@code ~1s} shows CPU 1's
 * registers and the prompt becomes {@code 1: kd>}; {@code qd} lets the
 * target run and ends the session with exit status 0.
 */
class CpuSwitchPromptIT {

    private LoopbackTarget target;
    private int port;

    @BeforeEach
    void startTarget() throws Exception {
        HostPrompt.require("CpuSwitchPromptIT");
        port = LoopbackTarget.freePort();
        target = new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults().withCpus(2));
    }

    @AfterEach
    void stopTarget() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void switchingCpuChangesThePromptAndQdLeavesTheTargetRunning(@TempDir Path home) throws Exception {
        String host = HostPrompt.listen(home, "--port", String.valueOf(port));
        try (TmuxSession terminal = TmuxSession.start("kdnet-cpu-it-" + port, 200, 50, host)) {
            await().atMost(SCREEN).until(terminal::readsKeys);
            terminal.send("~1s", "Enter");
            String cpu1Rip = String.format("rip=%016x", target.kernel().context(1).get(X64Register.RIP));
            await().atMost(SCREEN).untilAsserted(() -> assertThat(terminal.screen())
                    .as("the screen").contains(cpu1Rip).containsPattern("iopl=0 +nv up").contains("1: kd>"));

            await().atMost(SCREEN).until(terminal::readsKeys);
            terminal.send("qd", "Enter");
            await().atMost(SCREEN).untilAsserted(() -> assertThat(terminal.exitStatus())
                    .as("the host's exit status after qd; the screen:%n%s", terminal.screen()).isZero());
            assertThat(terminal.screen()).contains("Detached: breakpoints removed, the target runs");
        }
        assertThat(target.kernel().isRunning()).isTrue();
    }
}
