package dev.kdnet.host.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A built lab: runs a {@link LabPlan}'s setup, starts programs inside its namespaces, and on {@link #close()} (or at
 * JVM exit, Ctrl-C included, if it was not closed) stops them and runs the teardown. A setup that fails half way is
 * torn down before {@link #build} throws.
 */
public final class LabNetwork implements AutoCloseable {
    /** How long one {@code ip}, {@code nft} or {@code iptables} command may take. */
    static final Duration STEP_LIMIT = Duration.ofSeconds(30);
    /** How long a program started in the lab may take to end after SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** How long the links may take to get their carrier. */
    static final Duration CARRIER_LIMIT = Duration.ofSeconds(10);
    /** How often their state is read meanwhile. */
    static final Duration CARRIER_POLL = Duration.ofMillis(50);

    private final LabPlan plan;
    private final List<Process> programs = new ArrayList<>();
    private final Thread removeAtExit;
    private boolean removed;

    private LabNetwork(LabPlan plan) {
        this.plan = plan;
        this.removeAtExit = new Thread(this::remove, "kdnet-lab-teardown");
        Runtime.getRuntime().addShutdownHook(removeAtExit);
    }

    /** Builds the lab {@code plan} describes; removes what was built and throws if a step fails. */
    public static LabNetwork build(LabPlan plan) throws LabException {
        LabNetwork lab = new LabNetwork(plan);
        try {
            for (LabStep step : plan.setup()) {
                run(step);
            }
            awaitCarrier(plan);
            return lab;
        } catch (LabException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * Waits until every link of the lab has its carrier: the kernel reports a veth's carrier up to a second after
     * both ends are up, and a program that starts before then finds its address on an interface that is not
     * running.
     */
    private static void awaitCarrier(LabPlan plan) throws LabException {
        long deadline = System.nanoTime() + CARRIER_LIMIT.toNanos();
        for (String namespace : plan.namespaces()) {
            LabStep show = LabStep.of("ip", "-n", namespace, "-o", "link", "show");
            while (!LinkStates.allLinksUp(run(show))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new LabException("the links of " + namespace + " have no carrier after "
                            + CARRIER_LIMIT.toSeconds() + " s: " + run(show).replaceAll("\\s*\\R\\s*", "; "));
                }
                try {
                    Thread.sleep(CARRIER_POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LabException("interrupted while waiting for the links of " + namespace);
                }
            }
        }
    }

    /** The plan this lab was built from. */
    public LabPlan plan() {
        return plan;
    }

    /**
     * Starts {@code command} inside {@code namespace} with {@code environment} added to this process's (where a key
     * goes: unlike arguments, other users cannot see it), stderr merged into stdout; stopped when the lab closes.
     */
    public synchronized Process start(String namespace, List<String> command, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(LabPlan.inNamespace(namespace, command)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        programs.add(process);
        return process;
    }

    /** Runs {@code step} to its end; a {@link LabException} with its output if it fails. */
    public static String run(LabStep step) throws LabException {
        try {
            Process process = new ProcessBuilder(step.argv()).redirectErrorStream(true).start();
            try (OutputStream input = process.getOutputStream()) {
                input.write(step.input().getBytes(StandardCharsets.UTF_8));
            }
            String output;
            try (InputStream stream = process.getInputStream()) {
                output = new String(stream.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(STEP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LabException(step.text() + " did not end within " + STEP_LIMIT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new LabException(step.text() + " failed (exit " + process.exitValue() + ")"
                        + (output.isEmpty() ? "" : ": " + output.replaceAll("\\s*\\R\\s*", "; ")));
            }
            return output;
        } catch (IOException e) {
            throw new LabException(step.text() + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(step.text() + " was interrupted");
        }
    }

    /** Stops the programs started in the lab and removes its namespaces, with everything in them. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(removeAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run; removing twice is harmless
        }
        remove();
    }

    private synchronized void remove() {
        if (removed) {
            return;
        }
        removed = true;
        programs.forEach(Process::destroy);
        for (Process program : programs) {
            stop(program);
        }
        for (LabStep step : plan.teardown()) {
            try {
                run(step);
            } catch (LabException notThere) {
                // a namespace the setup never made: nothing to remove
            }
        }
    }

    private static void stop(Process program) {
        try {
            if (!program.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                program.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            program.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
