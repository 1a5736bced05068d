package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.testing.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kdnet host decode} as a user runs it, the host's jar in a process of its own, on the real WinDbg capture:
 * the process's exit code and last line are the verdict, for the right key, a wrong key and a cut copy.
 */
class DecodeJarIT {
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theExitCodeAndTheLastLineAreTheVerdict() throws Exception {
        Path capture = SharedFiles.windbgCapture();
        byte[] bytes = Files.readAllBytes(capture);
        Path cut = Files.write(dir.resolve("cut.pcapng.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        try (JarProcess right = decode(capture, "8.8.8.8");
                JarProcess wrong = decode(capture, "8.8.8.9");
                JarProcess damaged = decode(cut, "8.8.8.8")) {
            assertThat(right.exitCode(RUN)).as(right.transcript()).isZero();
            assertThat(last(right.outLines(), 1))
                    .containsExactly("955 KDNET datagrams in this capture, 955 verified with this key");
            assertThat(wrong.exitCode(RUN)).as(wrong.transcript()).isEqualTo(1);
            assertThat(last(wrong.outLines(), 1))
                    .containsExactly("no datagram verifies with this key: the key does not match");
            assertThat(damaged.exitCode(RUN)).as(damaged.transcript()).isEqualTo(1);
            List<String> tail = last(damaged.outLines(), 3);
            assertThat(tail.get(0)).startsWith("capture cut after frame ").endsWith("the rest of the file is missing");
            assertThat(tail.get(2)).contains(" KDNET datagrams before the cut, ").endsWith(" verified with this key");
        }
    }

    private static JarProcess decode(Path capture, String key) throws Exception {
        return JarProcess.start(JarProcess.HOST_JAR, List.of("decode", capture.toString(), "--key", key));
    }

    private static List<String> last(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }
}
