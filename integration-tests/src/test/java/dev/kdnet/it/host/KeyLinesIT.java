package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lines {@code ./kdnet host keygen} prints work as printed: its target and host lines, run on this one machine,
 * make a session; and {@code ./kdnet target --newkey} (the target's jar, a process of its own) prints the same lines.
 */
class KeyLinesIT {
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final String HOST_PREFIX = "host:    ./kdnet host ";
    private static final String TARGET_PREFIX = "target:  ./kdnet target ";

    @Test
    void keygensTargetAndHostLinesMakeASessionOnOneMachineAndNewkeyPrintsTheSameLines() throws Exception {
        String port = String.valueOf(LoopbackTarget.freeKdnetPort());
        InProcessHost keygen = InProcessHost.start(() -> { }, "keygen", "--port", port);
        assertThat(keygen.exitCode(RUN)).as(keygen.transcript()).isZero();
        List<String> lines = keygen.out().lines().toList();
        try (JarProcess newkey = JarProcess.start(JarProcess.TARGET_JAR, List.of("--newkey", "--port", port))) {
            assertThat(newkey.exitCode(RUN)).as(newkey.transcript()).isZero();
            assertThat(withoutKey(newkey.outLines())).isEqualTo(withoutKey(lines));
        }
        assertThat(lines.get(2)).startsWith(HOST_PREFIX);
        assertThat(lines.get(4)).startsWith(TARGET_PREFIX).contains("--local-ip 127.0.0.2");

        try (JarProcess target = JarProcess.start(JarProcess.TARGET_JAR, words(lines.get(4), TARGET_PREFIX))) {
            List<String> hostArgs = new ArrayList<>(words(lines.get(2), HOST_PREFIX));
            hostArgs.addAll(List.of("-c", "vertarget; q"));
            InProcessHost host = InProcessHost.start(() -> { }, hostArgs.toArray(String[]::new));

            assertThat(host.exitCode(RUN)).as("%s%ntarget: %s", host.transcript(), target.transcript()).isZero();
            assertThat(host.out()).contains("Windows 10 Kernel Version 19041");
        }
    }

    /** The lines with the key (the last word of the first line) replaced by K. */
    private static List<String> withoutKey(List<String> lines) {
        String key = lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1);
        return lines.stream().map(line -> line.replace(key, "K")).toList();
    }

    private static List<String> words(String line, String prefix) {
        return Arrays.asList(line.substring(prefix.length()).split(" "));
    }
}
