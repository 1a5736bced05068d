package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.sim.kernel.KernelConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host jar, as a process, takes its key from KDNET_KEY or from a key file instead of its command line (where
 * every user of the machine sees it through ps), and attaches to a simulated target with it.
 */
class KeySourceIT {
    private static final Path HOST_JAR = Path.of("../kdnet-host/target/kdnet-host.jar");
    private static final long RUN_SECONDS = 40;

    private LoopbackTarget target;
    private int port;

    @BeforeEach
    void startTarget() throws Exception {
        assertThat(HOST_JAR).as("the shaded host jar (mvn verify packages it before the ITs)").exists();
        port = LoopbackTarget.freePort();
        target = new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults());
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void theKeyFromTheEnvironmentAttaches() throws Exception {
        Run run = listen(Map.of("KDNET_KEY", "1.2.3.4"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Windows 10 Kernel Version 19041");
    }

    @Test
    void theKeyFromAFileOnlyTheOwnerReadsAttaches(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("kdnet.key"), "1.2.3.4\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        Run run = listen(Map.of(), "--key-file", file.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Windows 10 Kernel Version 19041");
    }

    /** What a finished host process printed (stdout and stderr together) and its exit code. */
    private record Run(int exitCode, String output) {
    }

    private Run listen(Map<String, String> environment, String... keyOptions) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", HOST_JAR.toString(), "listen", "--bind", "127.0.0.1", "--port",
                String.valueOf(port)));
        command.addAll(List.of(keyOptions));
        command.addAll(List.of("-c", "vertarget; q"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("KDNET_KEY");
        builder.environment().putAll(environment);
        Process host = builder.start();
        host.getOutputStream().close();
        String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!host.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            host.destroyForcibly();
        }
        return new Run(host.exitValue(), output);
    }
}
