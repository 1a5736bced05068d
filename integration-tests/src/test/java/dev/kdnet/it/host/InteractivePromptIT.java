package dev.kdnet.it.host;

import static dev.kdnet.it.host.HostPrompt.SCREEN;
import static dev.kdnet.it.host.HostPrompt.awaitScreen;
import static dev.kdnet.it.host.HostPrompt.occurrences;
import static dev.kdnet.it.host.HostPrompt.typeAtPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.sim.kernel.KernelConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive {@code kd>} prompt of the shaded host jar in a real terminal (tmux), against a simulated target
 * started by the test: Tab completion, a command's output, history with the Up arrow, and {@code q}; keys typed
 * while a dump runs, Ctrl-C cancelling it and breaking into {@code g}, and a log line arriving while a line is typed.
 */
class InteractivePromptIT {

    private LoopbackTarget target;
    private int port;

    @BeforeEach
    void startTarget() throws Exception {
        HostPrompt.require("InteractivePromptIT");
        port = LoopbackTarget.freePort();
        target = new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults());
    }

    @AfterEach
    void stopTarget() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void completesRunsRecallsHistoryAndQuits(@TempDir Path home) throws Exception {
        try (TmuxSession terminal = TmuxSession.start("kdnet-it-" + port, 200, 50, hostCommand(home))) {
            typeAtPrompt(terminal, "ver", "Tab");
            awaitScreen(terminal, "kd> vertarget", 1);
            terminal.send("Enter");
            awaitScreen(terminal, "Windows 10 Kernel Version 19041", 1);

            typeAtPrompt(terminal, "r", "Enter");
            awaitScreen(terminal, "rip=", 1);

            typeAtPrompt(terminal, "lm", "Enter");
            awaitScreen(terminal, "hal.dll", 1);
            typeAtPrompt(terminal, "Up", "Enter");
            awaitScreen(terminal, "hal.dll", 2);
            assertThat(occurrences(terminal.screen(), "kd> lm")).isEqualTo(2);

            typeAtPrompt(terminal, "q", "Enter");
            await().atMost(SCREEN).untilAsserted(() -> assertThat(terminal.exitStatus())
                    .as("the host's exit status after q; the screen:%n%s", terminal.screen()).isZero());
        }
        assertThat(Files.readString(home.resolve(".kdnet_history"))).contains("vertarget", "lm");
    }

    @Test
    void keysTypedWhileADumpRunsAreNeitherShownNorTakenAsCommands(@TempDir Path home) throws Exception {
        Path dump = home.resolve("physical.bin");
        try (TmuxSession terminal = TmuxSession.start("kdnet-it-" + port, 200, 50, hostCommand(home))) {
            typeAtPrompt(terminal, ".dumpphys " + dump + " 0 L?8000000", "Enter");
            awaitScreen(terminal, "dump ", 1);
            terminal.send("Up");
            terminal.send("Up");
            terminal.send("lm", "Enter");
            terminal.send("Up");
            awaitScreen(terminal, "Writing 0x8000000 bytes", 1);

            typeAtPrompt(terminal, "db nt L10", "Enter");
            awaitScreen(terminal, "4d 5a 90 00", 1);
            await().atMost(SCREEN).until(terminal::readsKeys);
            String screen = terminal.screen();
            assertThat(screen).as(screen).doesNotContain("unknown command").doesNotContain("[A")
                    .doesNotContain("hal.dll").doesNotContain("^[");
            assertThat(occurrences(screen, "kd> ")).as("prompts: the dump's, db's, and the one now; %s", screen)
                    .isEqualTo(3);

            typeAtPrompt(terminal, "q", "Enter");
            await().atMost(SCREEN).until(() -> terminal.exitStatus() >= 0);
        }
    }

    @Test
    void ctrlCCancelsADumpAndThePromptGoesOnWithTheTargetAttached(@TempDir Path home) throws Exception {
        Path dump = home.resolve("physical.bin");
        try (TmuxSession terminal = TmuxSession.start("kdnet-it-" + port, 200, 50, hostCommand(home))) {
            typeAtPrompt(terminal, ".dumpphys " + dump + " 0 L?20000000", "Enter");
            awaitScreen(terminal, "dump ", 1);
            terminal.send("C-c");
            awaitScreen(terminal, "error: .dumpphys cancelled (Ctrl-C); the target is still attached", 1);

            typeAtPrompt(terminal, "db nt L10", "Enter");
            awaitScreen(terminal, "4d 5a 90 00", 1);
            assertThat(dump).as("a cancelled dump writes no file").doesNotExist();
            assertThat(terminal.screen()).doesNotContain("Writing 0x");

            typeAtPrompt(terminal, "q", "Enter");
            await().atMost(SCREEN).until(() -> terminal.exitStatus() >= 0);
        }
    }

    @Test
    void gRunsUntilCtrlCBreaksIn(@TempDir Path home) throws Exception {
        try (TmuxSession terminal = TmuxSession.start("kdnet-it-" + port, 200, 50, hostCommand(home))) {
            awaitScreen(terminal, "Break instruction exception", 1);
            typeAtPrompt(terminal, "g", "Enter");
            awaitScreen(terminal, "kdnet-sim: heartbeat", 1);
            terminal.send("C-c");
            awaitScreen(terminal, "Break instruction exception", 2);

            typeAtPrompt(terminal, "r rip", "Enter");
            awaitScreen(terminal, "rip=", 1);
            assertThat(terminal.screen()).doesNotContain("error:");
            typeAtPrompt(terminal, "q", "Enter");
            await().atMost(SCREEN).untilAsserted(() -> assertThat(terminal.exitStatus())
                    .as("the host's exit status after q; the screen:%n%s", terminal.screen()).isZero());
        }
    }

    @Test
    void memoryBreakpointAndExpressionCommandsAtThePrompt(@TempDir Path home) throws Exception {
        long nt = target.kernel().symbols().kernBase();
        try (TmuxSession terminal = TmuxSession.start("kdnet-it-" + port, 200, 50, hostCommand(home))) {
            typeAtPrompt(terminal, "? 1+2", "Enter");
            awaitScreen(terminal, "Evaluate expression: 3 = 00000000`00000003", 1);

            typeAtPrompt(terminal, "dc nt L4", "Enter");
            awaitScreen(terminal, "00905a4d 00000003 00000004 0000ffff  MZ..............", 1);

            typeAtPrompt(terminal, "da nt+4e", "Enter");
            awaitScreen(terminal, "\"This program cannot be run in DOS mode....$\"", 1);

            typeAtPrompt(terminal, "bp nt+10010; bp nt+10020; bd 0; bl", "Enter");
            awaitScreen(terminal, String.format(" 1 e Disable Clear  %08x`%08x     0001 (0001) nt+0x10020",
                    (nt + 0x10020) >>> 32, (nt + 0x10020) & 0xFFFF_FFFFL), 1);
            assertThat(terminal.screen()).contains(String.format(" 0 d Enable  Clear  %08x`%08x",
                    (nt + 0x10010) >>> 32, (nt + 0x10010) & 0xFFFF_FFFFL));

            typeAtPrompt(terminal, ".echo the end", "Enter");
            awaitScreen(terminal, "\nthe end", 1);
            typeAtPrompt(terminal, "q", "Enter");
            await().atMost(SCREEN).untilAsserted(() -> assertThat(terminal.exitStatus())
                    .as("the host's exit status after q; the screen:%n%s", terminal.screen()).isZero());
        }
    }

    @Test
    void aLogLineGoesAboveThePromptAndTheLineBeingTypedStays(@TempDir Path home) throws Exception {
        try (TmuxSession terminal = TmuxSession.start("kdnet-it-" + port, 200, 50, hostCommand(home));
                DatagramSocket stranger = new DatagramSocket(0, LoopbackTarget.loopback(3))) {
            typeAtPrompt(terminal, "db nt L10");
            awaitScreen(terminal, "kd> db nt L10", 1);
            byte[] junk = "not a KDNET datagram".getBytes(StandardCharsets.US_ASCII);
            stranger.send(new DatagramPacket(junk, junk.length, LoopbackTarget.loopback(1), port));
            awaitScreen(terminal, "dropped a datagram from 127.0.0.3", 1);

            List<String> lines = terminal.screen().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines.get(lines.size() - 1)).as(String.join("\n", lines)).isEqualTo("0: kd> db nt L10");
            assertThat(lines.get(lines.size() - 2)).contains("dropped a datagram from 127.0.0.3");

            terminal.send("Enter");
            awaitScreen(terminal, "4d 5a 90 00", 1);
            typeAtPrompt(terminal, "q", "Enter");
            await().atMost(SCREEN).until(() -> terminal.exitStatus() >= 0);
        }
    }

    @Test
    void qExitsWithZeroAfterAFailedCommand(@TempDir Path home) throws Exception {
        try (TmuxSession terminal = TmuxSession.start("kdnet-it-" + port, 200, 50, hostCommand(home))) {
            typeAtPrompt(terminal, "nosuchcommand", "Enter");
            awaitScreen(terminal, "error: unknown command", 1);

            typeAtPrompt(terminal, "q", "Enter");
            await().atMost(SCREEN).untilAsserted(() -> assertThat(terminal.exitStatus())
                    .as("the host's exit status after q; the screen:%n%s", terminal.screen()).isZero());
        }
    }

    /** The host jar's interactive {@code listen} for the test's target, with {@code home} as its home. */
    private String hostCommand(Path home) {
        return HostPrompt.listen(home, "--port", String.valueOf(port));
    }
}
