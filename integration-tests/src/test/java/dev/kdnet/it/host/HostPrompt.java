package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The shaded host jar's interactive {@code kd>} prompt in a real terminal (tmux), as the prompt tests drive it: what
 * they need before starting, the host's command line, typing once the prompt reads keys, and waiting for the screen.
 */
final class HostPrompt {
    /** How long a test waits for the screen to show what it expects. */
    static final Duration SCREEN = Duration.ofSeconds(30);
    private static final Path HOST_JAR = Path.of("../kdnet-host/target/kdnet-host.jar");

    private HostPrompt() {
    }

    /** Skips {@code test} with a printed reason without tmux; fails without the host jar. */
    static void require(String test) {
        if (!TmuxSession.available()) {
            String reason = "tmux is not installed: the interactive prompt needs a real terminal (apt-get install"
                    + " tmux; .ci/run does)";
            System.err.println(test + " skipped: " + reason);
            Assumptions.abort(reason);
        }
        assertThat(HOST_JAR).as("the shaded host jar (mvn verify packages it before the ITs)").exists();
    }

    /**
     * The host jar's interactive {@code listen} on 127.0.0.1 with the tests' key and {@code home} as its home,
     * with {@code ports} ({@code --port P} or {@code --ports P-Q}).
     */
    static String listen(Path home, String... ports) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + home, "-cp", HOST_JAR.toAbsolutePath().normalize().toString(),
                "dev.kdnet.host.cli.HostMain", "listen", "--bind", "127.0.0.1"));
        command.addAll(List.of(ports));
        command.addAll(List.of("--key", "1.2.3.4"));
        return String.join(" ", command);
    }

    /**
     * Sends {@code keys} once the prompt reads keys. Called after the previous command's output appeared, so the
     * previous line editor already returned (and left raw mode) and the raw mode seen is the next prompt's.
     */
    static void typeAtPrompt(TmuxSession terminal, String... keys) throws Exception {
        await().atMost(SCREEN).until(terminal::readsKeys);
        terminal.send(keys);
    }

    /** Waits until {@code text} is on the screen at least {@code times} times. */
    static void awaitScreen(TmuxSession terminal, String text, int times) {
        await().atMost(SCREEN).untilAsserted(() -> assertThat(occurrences(terminal.screen(), text))
                .as("%s on the screen:%n%s", text, terminal.screen()).isGreaterThanOrEqualTo(times));
    }

    /** Waits until {@code text} is on the screen. */
    static void awaitScreen(TmuxSession terminal, String text) {
        awaitScreen(terminal, text, 1);
    }

    /** How often {@code text} stands in {@code screen}. */
    static int occurrences(String screen, String text) {
        return screen.split(Pattern.quote(text), -1).length - 1;
    }
}
