package dev.kdnet.host.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import dev.kdnet.protocol.args.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulated target as a second process, as a user runs it: {@code java -jar kdnet-target-sim.jar ARGS}. Its
 * output goes to a writer line by line after {@link #PREFIX}. Closing stops it (SIGTERM, which its shutdown hook
 * answers by closing its sockets; a kill if it is still there after {@link #GRACE}); a shutdown hook of this JVM
 * does the same if the host ends first, on Ctrl-C for instance.
 */
final class SimulatedTargetProcess implements AutoCloseable {
    /** Start of each line of the target's output. */
    static final String PREFIX = "target: ";
    /** How long the target may take to stop after SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** Where the simulator's build puts its jar, relative to the directory that holds the modules. */
    private static final Path TARGET_JAR = Path.of("kdnet-target-sim", "target", "kdnet-target-sim.jar");

    private final Process process;
    private final Thread output;
    private final Thread stopAtExit;
    private volatile boolean stopping;

    private SimulatedTargetProcess(Process process, PrintWriter log) {
        this.process = process;
        this.output = new Thread(() -> forward(log), "kdnet-demo-target-output");
        this.output.setDaemon(true);
        this.output.start();
        this.stopAtExit = new Thread(this::stop, "kdnet-demo-target-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts {@code jar} with {@code args} on the Java runtime that runs this host, with {@code environment} added
     * to this process's (where a key goes: unlike arguments, other users cannot see it through {@code ps}).
     *
     * @param log receives the target's stdout and stderr, each line after {@link #PREFIX}
     */
    static SimulatedTargetProcess start(Path jar, List<String> args, Map<String, String> environment,
            PrintWriter log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new SimulatedTargetProcess(builder.start(), log);
    }

    /**
     * The simulator's jar in the same build as the host code at {@code hostCode}: that code is
     * {@code kdnet-host/target/kdnet-host.jar} or {@code kdnet-host/target/classes}, and the simulator's jar is
     * {@code kdnet-target-sim/target/kdnet-target-sim.jar} beside that module.
     */
    static Path besideHost(Path hostCode) {
        Path modules = hostCode.toAbsolutePath().normalize().getParent().getParent().getParent();
        return modules.resolve(TARGET_JAR);
    }

    /**
     * The simulator's jar: {@code given} if not null (a UsageException if it is no file), else the one beside this
     * host (an IllegalStateException naming {@code launcher}, which builds it, if it is missing).
     */
    static Path jar(Path given, String launcher) {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new UsageException("--target-jar " + given + ": no such file");
            }
            return given;
        }
        Path built = besideThisHost();
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException("the simulated target is not built (" + built + " is missing); "
                    + launcher + " builds it, or give its jar with --target-jar");
        }
        return built;
    }

    /** {@link #besideHost} for the code of this running host. */
    static Path besideThisHost() {
        try {
            return besideHost(Path.of(SimulatedTargetProcess.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the host's code location is not a path", e);
        }
    }

    /** The target's process id. */
    long pid() {
        return process.pid();
    }

    /** Stops the target and waits until it is gone and its last output was forwarded. */
    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run; stopping twice is harmless
        }
        stop();
        output.join(GRACE.toMillis());
    }

    private void stop() {
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Forwards the target's output until it ends; says so if the target ended without being stopped. (Stopping it
     * may close the stream under this thread: that ends the forwarding too.)
     */
    private void forward(PrintWriter log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.println(PREFIX + line);
                log.flush();
            }
            int exitCode = process.waitFor();
            if (!stopping) {
                log.println(PREFIX + "ended by itself with exit code " + exitCode);
                log.flush();
            }
        } catch (IOException e) {
            if (!stopping) {
                log.println(PREFIX + "its output could not be read: " + e.getMessage());
                log.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
