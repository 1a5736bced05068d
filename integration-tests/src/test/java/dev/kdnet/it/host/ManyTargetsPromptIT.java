package dev.kdnet.it.host;

import static dev.kdnet.it.host.HostPrompt.SCREEN;
import static dev.kdnet.it.host.HostPrompt.awaitScreen;
import static dev.kdnet.it.host.HostPrompt.typeAtPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.host.api.TargetStatus;
import dev.kdnet.sim.kernel.KernelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive prompt of the shaded host jar in a real terminal (tmux) with three simulated targets on a range
 * of ports: the prompt names the current target's port, {@code .target} switches it, and what a target that is
 * not current does (it reboots and stops, it goes away) is announced above the prompt.
 */
class ManyTargetsPromptIT {
    private static final int TARGETS = 3;

    private final List<LoopbackTarget> targets = new ArrayList<>();
    private int first;

    @BeforeEach
    void startTargets() throws Exception {
        HostPrompt.require("ManyTargetsPromptIT");
        first = LoopbackTarget.freePorts(TARGETS);
        for (int i = 0; i < TARGETS; i++) {
            targets.add(target(i));
        }
    }

    private LoopbackTarget target(int index) throws Exception {
        return new LoopbackTarget(DebuggerAttachIT.KEY, first + index, 2 + index, KernelConfig.defaults());
    }

    @AfterEach
    void stopTargets() {
        targets.forEach(LoopbackTarget::close);
    }

    @Test
    void thePromptNamesTheCurrentTargetAndOtherTargetsAreAnnouncedAboveIt(@TempDir Path home)
            throws Exception {
        int last = first + TARGETS - 1;
        String host = HostPrompt.listen(home, "--ports", first + "-" + last);
        try (TmuxSession terminal = TmuxSession.start("kdnet-it-many-" + first, 200, 60, host)) {
            for (int port = first; port <= last; port++) {
                awaitScreen(terminal, "[" + port + "] Connected to Windows 10 19041 x64 target on UDP " + port);
            }

            typeAtPrompt(terminal, ".target " + first, "Enter");
            awaitScreen(terminal, "0: kd> .target " + first + "\n[" + first + "] 0: kd>");

            targets.get(1).close();
            targets.set(1, target(1));
            int rebooted = first + 1;
            awaitScreen(terminal, "[" + rebooted + "] Target 127.0.0.3:" + rebooted + " rebooted; attaching again");
            awaitScreen(terminal, "[" + rebooted + "] Connected to Windows 10 19041 x64 target on UDP " + rebooted
                    + "\n[" + rebooted + "] Break instruction exception - code 80000003 (first chance) on CPU 0 at ");

            targets.get(2).close();
            await().atMost(TargetStatus.GONE_AFTER.plus(SCREEN)).untilAsserted(() -> assertThat(terminal.screen())
                    .contains("[" + last + "] Target /127.0.0.4:" + last + " silent for more than 10 s: gone"));
            typeAtPrompt(terminal, ".targets", "Enter");
            awaitScreen(terminal, " .  " + first + "  127.0.0.2:" + first + "        19041  stopped");
            awaitScreen(terminal, "    " + rebooted + "  127.0.0.3:" + rebooted + "        19041  stopped");
            awaitScreen(terminal, "    " + last + "  127.0.0.4:" + last + "        19041  gone");

            typeAtPrompt(terminal, "q", "Enter");
            await().atMost(SCREEN).untilAsserted(() -> assertThat(terminal.exitStatus())
                    .as("the host's exit status after q; the screen:%n%s", terminal.screen()).isZero());
        }
    }
}
