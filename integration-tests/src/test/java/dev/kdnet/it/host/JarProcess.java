package dev.kdnet.it.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the shaded jars the build packaged, run as its own process ({@code java -jar}), its stdout and stderr
 * written to files; closing it ends the process if it still runs.
 */
final class JarProcess implements AutoCloseable {
    /** The host's jar, packaged before the ITs run. */
    static final Path HOST_JAR = Path.of("../kdnet-host/target/kdnet-host.jar");
    /** The simulated target's jar, packaged before the ITs run. */
    static final Path TARGET_JAR = Path.of("../kdnet-target-sim/target/kdnet-target-sim.jar");

    private final Process process;
    private final Path out;
    private final Path err;

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java -jar jar args}. */
    static JarProcess start(Path jar, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(args);
        Path out = Files.createTempFile("kdnet-jar-", ".out");
        Path err = Files.createTempFile("kdnet-jar-", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        return new JarProcess(process, out, err);
    }

    /** Waits at most {@code limit} for the process to end; its exit code. */
    int exitCode(Duration limit) throws Exception {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + limit + ": " + transcript());
        }
        return process.exitValue();
    }

    /** The stdout lines written so far. */
    List<String> outLines() throws IOException {
        return Files.readAllLines(out);
    }

    /** Both streams, to show when an assertion fails. */
    String transcript() throws IOException {
        return "stdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}
